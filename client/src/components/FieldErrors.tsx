/** A field's problems under it (the id is what the field's aria-describedby names); nothing when there are none. */
export function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((message, i) => (
        <li key={i}>{message}</li>
      ))}
    </ul>
  );
}
