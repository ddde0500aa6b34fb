/**
 * One side (A or B) of one rating item as five radio buttons under a
 * fieldset, so it is one labelled group for screen readers ("A: Korrekt").
 * `active` marks the group the number keys fill next.
 */
export function ScoreScale({
  name,
  label,
  side,
  value,
  active,
  onChange,
  onFocus,
}: {
  name: string;
  label: string;
  side: 'A' | 'B';
  value: number | undefined;
  active: boolean;
  onChange(value: number): void;
  onFocus(): void;
}) {
  return (
    <fieldset className={`score-scale${active ? ' active' : ''}`} aria-label={`${side}: ${label}`} data-slot={name} onFocus={onFocus}>
      <legend aria-hidden="true">{side}</legend>
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
