import { readNumberField } from '../../format/number-field';

type Field = 'periodDays' | 'periods';

/**
 * The schedule form's two whole-number fields, read with the project's
 * number-field reader: Number("sju") was NaN, sent as null, and came back as
 * zod's "Fel typ (förväntade tal)". Only "is it a whole number" is decided
 * here; the bounds and their Swedish messages ("Högst 90 dagar") stay the
 * server's (server/modules/followup/schedule.ts), so they are written once.
 */
const RULES: Record<Field, { integer: true; required: true; example: string }> = {
  periodDays: { integer: true, required: true, example: '7' },
  periods: { integer: true, required: true, example: '8' },
};

export type ScheduleNumbers = { ok: true; values: Record<Field, number> } | { ok: false; errors: Partial<Record<Field, string>> };

export function readScheduleNumbers(text: Record<Field, string>): ScheduleNumbers {
  const values: Partial<Record<Field, number>> = {};
  const errors: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(RULES) as Field[]) {
    const read = readNumberField(text[field], RULES[field]);
    if (read.kind === 'number') values[field] = read.value;
    else if (read.kind === 'invalid') errors[field] = read.message;
  }
  return Object.keys(errors).length === 0 ? { ok: true, values: values as Record<Field, number> } : { ok: false, errors };
}
