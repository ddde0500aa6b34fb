/**
 * The `swedish` WER normaliser, so that differences of form do not count as
 * recognition errors:
 * 1. lowercase (NFC), drop bracketed annotations ("[skratt]", "(ohörbart)");
 * 2. drop filler words (FILLERS);
 * 3. number words → digits, the canonical form ("trettioåtta komma fem" →
 *    "38,5", "hundrafyrtio över nittio" → "140/90"; evals/text/swedish-numbers);
 * 4. punctuation → space, except "," "." "/" ":" between digits;
 * 5. a small map of spoken/informal spellings (SPELLINGS).
 */
import { swedishNumbersToDigits } from '../text/swedish-numbers';

/** Hesitation sounds as transcribers and ASR write them. */
const FILLERS = new Set(['eh', 'eeh', 'öh', 'ehm', 'öhm', 'äh', 'ähm', 'mm', 'mhm', 'hm', 'hmm']);

/**
 * Informal spellings → the written form. Kept small on purpose: each entry
 * must be unambiguous in a consultation. "sen" is mapped although it can mean
 * "late": in speech it is nearly always "sedan". "o" is "och" (a lone letter
 * o is rare in clinical speech).
 */
const SPELLINGS = new Map([
  ['mej', 'mig'], ['dej', 'dig'], ['sej', 'sig'], ['sen', 'sedan'], ['o', 'och'],
  ['nån', 'någon'], ['nåt', 'något'], ['nåra', 'några'], ['nånting', 'någonting'],
  ['okej', 'ok'], ['okey', 'ok'],
]);

const BRACKETED = /\[[^\]]*\]|\([^)]*\)|<[^>]*>/g;
const WORD_OR_OTHER = /[\p{L}\p{M}\p{N}]+/gu;

export function normalizeSwedish(text: string): string {
  const lowered = text.normalize('NFC').toLowerCase().replace(BRACKETED, ' ');
  const withoutFillers = lowered.replace(WORD_OR_OTHER, (w) => (FILLERS.has(w) ? '' : w));
  const digits = swedishNumbersToDigits(withoutFillers);
  const words = digits
    .replace(/(?<!\p{N})[,.:/]|[,.:/](?!\p{N})/gu, ' ')
    .replace(/[^\p{L}\p{M}\p{N},.:/]+/gu, ' ')
    .split(' ')
    .filter((w) => w.length > 0);
  return words.map((w) => SPELLINGS.get(w) ?? w).join(' ');
}
