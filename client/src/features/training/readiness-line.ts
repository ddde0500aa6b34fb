import { ReadinessLineSchema, type ReadinessLine } from '../../../../server/contracts/training';
import { readNumberField, ruleOf } from '../../format/number-field';

type Field = keyof ReadinessLine;

/**
 * The lead types the readiness line in percent; the server stores shares
 * 0–1. Read here, with the contract's bounds scaled to percent, so a limit
 * is told in the field's unit ("från 0 till 100 %") and never as the
 * server's "högst 1", which reads as nonsense under a percent field.
 */
const RULES: Record<Field, ReturnType<typeof ruleOf>> = {
  minTrainedShare: { ...ruleOf(ReadinessLineSchema.shape.minTrainedShare, '80', { required: true, scale: 100 }), unit: '%' },
  minCriticalDetection: { ...ruleOf(ReadinessLineSchema.shape.minCriticalDetection, '80', { required: true, scale: 100 }), unit: '%' },
};

export type ReadinessLineInput = { ok: true; line: ReadinessLine } | { ok: false; errors: Partial<Record<Field, string>> };

export function readReadinessLineFields(text: Record<Field, string>): ReadinessLineInput {
  const line: Partial<ReadinessLine> = {};
  const errors: Partial<Record<Field, string>> = {};
  for (const field of Object.keys(RULES) as Field[]) {
    const read = readNumberField(text[field], RULES[field]);
    if (read.kind === 'number') line[field] = read.value / 100;
    else if (read.kind === 'invalid') errors[field] = read.message;
  }
  return Object.keys(errors).length === 0 ? { ok: true, line: line as ReadinessLine } : { ok: false, errors };
}
