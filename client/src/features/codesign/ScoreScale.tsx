/** One rating item as five radio buttons (1–5) under a fieldset, so it is one labelled group for screen readers. */
export function ScoreScale({ name, legend, value, onChange }: { name: string; legend: string; value: number | undefined; onChange(value: number): void }) {
  return (
    <fieldset className="field">
      <legend>{legend}</legend>
      <div className="scale">
        {[1, 2, 3, 4, 5].map((score) => (
          <label key={score}>
            <input type="radio" name={name} value={score} checked={value === score} onChange={() => onChange(score)} />
            {score}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
