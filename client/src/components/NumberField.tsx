import { useState } from 'react';
import { TextField } from './TextField';
import { readNumberField, type NumberRule } from '../format/number-field';

interface NumberFieldProps {
  label: string;
  hint?: string;
  value: number;
  rule: NumberRule;
  /** the number when the text is one the rule takes; `valid` false while the text must be put right */
  onChange(value: number, valid: boolean): void;
  /** the server's messages for this field */
  errors?: string[];
}

/**
 * A number typed the Swedish way that must always hold one (a model setting).
 * The text stays as typed, so "0," on the way to "0,7" or a mistake stays
 * visible with its message under the field; the number follows only when the
 * text is one the rule takes. A value changed from outside (another version
 * loaded) replaces the text.
 */
export function NumberField({ label, hint, value, rule, onChange, errors = [] }: NumberFieldProps) {
  const [text, setText] = useState(() => swedish(value));
  const read = readNumberField(text, rule);
  const shown = read.kind === 'number' && read.value !== value ? swedish(value) : text;
  const own = read.kind === 'invalid' ? [read.message] : [];
  return (
    <TextField
      label={label}
      hint={hint}
      inputMode={rule.integer ? 'numeric' : 'decimal'}
      value={shown}
      errors={[...own, ...errors]}
      onChange={(typed) => {
        setText(typed);
        const next = readNumberField(typed, rule);
        onChange(next.kind === 'number' ? next.value : value, next.kind === 'number');
      }}
    />
  );
}

const swedish = (x: number) => String(x).replace('.', ',');
