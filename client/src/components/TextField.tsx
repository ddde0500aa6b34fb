import { useId, type InputHTMLAttributes } from 'react';
import { FieldErrors } from './FieldErrors';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: string;
  /** the server's messages for this field */
  errors?: string[];
}

/** A labelled input whose hint and errors are tied to it for screen readers. */
export function TextField({ label, value, onChange, hint, errors = [], ...rest }: TextFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, errors.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}
