import { z } from 'zod';
import { detectPii } from '../../../evals/metrics/pii';

const LABEL_HAS_ID_NUMBER = 'Skriv inte personnummer i besökets namn.';

/**
 * A visit's label is stored and listed as plain text, so it must not point
 * out the patient. A name cannot be told from a word reliably, but a
 * personnummer/samordningsnummer can: the detector the personal-data gates
 * use, with any check digit (a mistyped number identifies a person too).
 */
function hasIdNumber(text: string): boolean {
  return detectPii(text, { anyCheckDigit: true }).some((hit) => hit.kind === 'personnummer' || hit.kind === 'samordningsnummer');
}

export const EncounterLabel = z.string().trim().min(1).max(80).refine((label) => !hasIdNumber(label), LABEL_HAS_ID_NUMBER);
