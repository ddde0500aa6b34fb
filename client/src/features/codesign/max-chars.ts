import { readSvNumber } from '../../../../server/contracts/sv-number';
import { WorkflowSectionSchema } from '../../../../server/contracts/workflow';

/**
 * "Max tecken" as typed: empty is no limit, a whole number from 1 to 10 000
 * is the limit, anything else is an error. Mistyped text must never read as
 * empty, or "abc" would silently remove the limit.
 */
export function readMaxChars(text: string): { value: number | undefined } | { error: string } {
  const read = readSvNumber(text);
  if (read.kind === 'empty') return { value: undefined };
  if (read.kind === 'invalid' || !Number.isInteger(read.value)) return { error: 'Ange ett heltal, till exempel 400.' };
  return WorkflowSectionSchema.shape.maxChars.safeParse(read.value).success ? { value: read.value } : { error: 'Ange ett heltal från 1 till 10 000.' };
}
