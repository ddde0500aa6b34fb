import { useState } from 'react';
import { TextField } from './TextField';
import { parseSvNumber } from '../../../server/contracts/sv-number';

interface DecimalFieldProps {
  label: string;
  hint?: string;
  value: number;
  onChange(value: number): void;
}

/**
 * A decimal number typed the Swedish way. The text stays as typed ("0," on
 * the way to "0,7"), and the number follows whenever the text is one; a value
 * changed from outside (another version loaded) replaces the text.
 */
export function DecimalField({ label, hint, value, onChange }: DecimalFieldProps) {
  const [text, setText] = useState(() => swedish(value));
  // Text that is no number yet (emptied to type anew) stays; a number other than the value came from outside.
  const typed = parseSvNumber(text);
  const shown = typed === null || typed === value ? text : swedish(value);
  return (
    <TextField
      label={label}
      hint={hint}
      inputMode="decimal"
      value={shown}
      // Leaving the field shows the number it holds, so an emptied field never looks saved as empty.
      onBlur={() => setText(swedish(value))}
      onChange={(typed) => {
        setText(typed);
        const n = parseSvNumber(typed);
        if (n !== null) onChange(n);
      }}
    />
  );
}

const swedish = (x: number) => String(x).replace('.', ',');
