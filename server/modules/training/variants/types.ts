import type { ErrorKind, TrainingCaseData } from '../../../contracts/training';

/**
 * One error "Skapa varianter" proposes: a replacement of [start, end) in one
 * section of the unplanted draft. The designer keeps or discards it; kept
 * ones are planted together (spans.ts plantAll).
 */
export interface Candidate {
  /** stable within one proposal: rule and position */
  key: string;
  rule: RuleName;
  kind: ErrorKind;
  section: number;
  start: number;
  end: number;
  /** what the draft says there now */
  original: string;
  replacement: string;
  /** what was actually said, for the feedback */
  said: string;
  turn: number | null;
}

export type RuleName = 'number-swap' | 'unit-swap' | 'drug-swap' | 'negation-flip' | 'diagnosis-insert' | 'critical-delete';

export interface RuleInput {
  data: TrainingCaseData;
  /** is [start, end) of a section free of planted errors? */
  free(section: number, start: number, end: number): boolean;
}

export type Rule = (input: RuleInput) => Candidate[];

const WORD = /[\p{L}\p{N}]+/gu;
const fold = (s: string) => s.toLocaleLowerCase('sv');

/** Content words of a text (≥ 4 letters), cut to 5 letters so inflections meet ("febern" ~ "feber"). */
export function stems(text: string): Set<string> {
  return new Set([...fold(text).matchAll(WORD)].map((m) => m[0]).filter((w) => w.length >= 4 || /\d/.test(w)).map((w) => w.slice(0, 5)));
}

/** The consultation turn sharing most content words with a text (null when none shares any). */
export function closestTurn(turns: TrainingCaseData['turns'], text: string): number | null {
  const want = stems(text);
  let best: number | null = null;
  let bestScore = 0;
  turns.forEach((t, i) => {
    const have = stems(t.text);
    const score = [...want].filter((w) => have.has(w)).length;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

/** Sentence of a section around an offset: the said-text for a swap is its sentence in the unplanted draft. */
export function sentenceAround(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !/[.!?]\s/.test(text.slice(start - 2, start))) start--;
  let end = at;
  while (end < text.length && !/[.!?]/.test(text[end]!)) end++;
  return { start, end: Math.min(text.length, end + 1) };
}

export const keepCase = (like: string, word: string) => (like[0] && like[0] === like[0].toLocaleUpperCase('sv') && like[0] !== like[0].toLocaleLowerCase('sv') ? word[0]!.toLocaleUpperCase('sv') + word.slice(1) : word);
