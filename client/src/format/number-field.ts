import type { z } from 'zod';
import { readSvNumber, svNumber } from '../../../server/contracts/sv-number';

/** What a number field accepts: whole numbers or not, its bounds, and the example its error message gives. */
export interface NumberRule {
  integer?: boolean;
  min?: number;
  max?: number;
  /** written as typed, Swedish: "400", "0,2" */
  example: string;
  /** an empty field is an error, not "no value" (a setting that must have a number) */
  required?: boolean;
  /** the field's unit after the bounds ("%"), so a limit reads in what the user typed, not in what is stored */
  unit?: string;
}

/** A number field's text read once: empty, a number within the rule, or the one Swedish message to show under the field. */
export type NumberFieldValue = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid'; message: string };

/**
 * The one reading of a number field: every form (workflow editor, gate,
 * training round, assumptions) decides its field error here, so a text is
 * parsed once and "abc" can never read as an empty field, which often means
 * "no limit" or "not checked".
 */
export function readNumberField(text: string, rule: NumberRule): NumberFieldValue {
  const read = readSvNumber(text);
  const kind = rule.integer ? 'ett heltal' : 'ett tal';
  if (read.kind === 'empty') return rule.required ? { kind: 'invalid', message: `Fyll i ${kind}, till exempel ${rule.example}.` } : read;
  if (read.kind === 'invalid' || (rule.integer && !Number.isInteger(read.value))) return { kind: 'invalid', message: `Ange ${kind}, till exempel ${rule.example}.` };
  const { min = -Infinity, max = Infinity } = rule;
  if (read.value < min || read.value > max) return { kind: 'invalid', message: `Ange ${kind} ${rangeText(min, max)}${rule.unit ? ` ${rule.unit}` : ''}.` };
  return read;
}

const rangeText = (min: number, max: number) =>
  Number.isFinite(min) && Number.isFinite(max) ? `från ${svNumber(min, 3)} till ${svNumber(max, 3)}` : Number.isFinite(min) ? `från ${svNumber(min, 3)}` : `till och med ${svNumber(max, 3)}`;

/**
 * The rule a contract's number schema sets, so a field refuses exactly what
 * the server would: its bounds and whether it must be whole. An exclusive
 * lower bound (`positive()`) becomes the next whole number for an integer.
 * `scale` is for a field typed in another unit than stored (percent of a share).
 */
export function ruleOf(schema: z.ZodNumber, example: string, options: { required?: boolean; scale?: number } = {}): NumberRule {
  const scale = options.scale ?? 1;
  const integer = schema.isInt && scale === 1;
  let min = schema.minValue ?? -Infinity;
  if (Number.isFinite(min) && !schema.safeParse(min).success) min = integer ? min + 1 : min;
  const max = schema.maxValue ?? Infinity;
  return { integer, min: min * scale, max: max * scale, example, required: options.required };
}
