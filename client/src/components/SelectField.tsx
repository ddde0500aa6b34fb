import { useId } from 'react';
import { FieldErrors } from './FieldErrors';

interface Option {
  value: string;
  label: string;
  /** shown but not choosable (say why in `hint`) */
  disabled?: boolean;
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: Option[];
  onChange(value: string): void;
  /** text of the empty choice; omit when a value is required */
  emptyLabel?: string;
  errors?: string[];
  required?: boolean;
  /** a line under the field, read with it by screen readers */
  hint?: string;
}

export function SelectField({ label, value, options, onChange, emptyLabel, errors = [], required, hint }: SelectFieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', errors.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        required={required}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={described || undefined}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}
