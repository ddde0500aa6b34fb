import { useId, useState } from 'react';
import { FieldErrors } from '../../components/FieldErrors';
import { readMaxChars } from './max-chars';

/** The field keeps its own text, so a mistyped value stays visible with its error; the section's limit changes only when the text is one. */
export function MaxCharsField({ heading, value, onChange }: { heading: string; value: number | undefined; onChange(value: number | undefined, valid: boolean): void }) {
  const [text, setText] = useState(value?.toString() ?? '');
  const errorId = useId();
  const read = readMaxChars(text);
  // a valid text other than the value came from outside (another version loaded); a mistyped one stays with its error
  const shown = 'error' in read || read.value === value ? text : (value?.toString() ?? '');
  const errors = 'error' in read ? [read.error] : [];
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
          onChange('error' in next ? value : next.value, !('error' in next));
        }}
      />
      <FieldErrors id={errorId} errors={errors} />
    </>
  );
}
