import { useId, useState } from 'react';
import { FieldErrors } from '../../components/FieldErrors';
import { readMaxChars } from './max-chars';

/** The field keeps its own text, so a mistyped value stays visible with its error; the section's limit changes only when the text is one. */
export function MaxCharsField({ heading, value, onChange }: { heading: string; value: number | undefined; onChange(value: number | undefined, valid: boolean): void }) {
  const [text, setText] = useState(value?.toString() ?? '');
  const errorId = useId();
  const read = readMaxChars(text);
  // a valid text other than the value came from outside (another version loaded); a mistyped one stays with its error
  const limit = read.kind === 'number' ? read.value : undefined;
  const shown = read.kind === 'invalid' || limit === value ? text : (value?.toString() ?? '');
  const errors = read.kind === 'invalid' ? [read.message] : [];
  return (
    <>
      <input
        aria-label={`Max tecken för ${heading}`}
        inputMode="numeric"
        value={shown}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length ? errorId : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const next = readMaxChars(e.target.value);
          onChange(next.kind === 'invalid' ? value : next.kind === 'number' ? next.value : undefined, next.kind !== 'invalid');
        }}
      />
      <FieldErrors id={errorId} errors={errors} />
    </>
  );
}
