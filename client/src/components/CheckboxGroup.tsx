interface CheckboxGroupProps<V extends string> {
  legend: string;
  options: { value: V; label: string }[];
  selected: readonly V[];
  onChange(selected: V[]): void;
  errors?: string[];
}

/** Several choices under one fieldset/legend, e.g. a user's roles or groups. */
export function CheckboxGroup<V extends string>({ legend, options, selected, onChange, errors = [] }: CheckboxGroupProps<V>) {
  const toggle = (value: V, on: boolean) => onChange(on ? [...selected, value] : selected.filter((v) => v !== value));
  return (
    <fieldset className="field checkbox-group">
      <legend>{legend}</legend>
      {options.length === 0 && <p className="muted">Inga att välja bland.</p>}
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" checked={selected.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
          {o.label}
        </label>
      ))}
      {errors.length > 0 && (
        <ul className="field-errors" role="alert">
          {errors.map((message, i) => (
            <li key={i}>{message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
