/**
 * Finds lexicon terms (drug names, diagnoses) in text, word by word on stems,
 * so inflected forms match ("Waranet", "lunginflammationen") and multi-word
 * terms need all their words in a row ("högt blodtryck").
 */
import { stem } from './stem';
import { tokenize, type Token } from './text';
import type { Language } from './types';

export interface TermIndex {
  /** First stem → candidate terms (stem sequences) with their group. */
  byFirst: Map<string, { stems: string[]; group: number }[]>;
}

export interface TermMatch {
  group: number;
  start: number;
  end: number;
  firstToken: number;
  lastToken: number;
}

export interface StemmedToken extends Token {
  stem: string;
}

export const stemTokens = (text: string, language: Language): StemmedToken[] =>
  tokenize(text).map((t) => ({ ...t, stem: stem(t.lower, language) }));

export function buildTermIndex(groups: readonly (readonly string[])[], language: Language): TermIndex {
  const byFirst = new Map<string, { stems: string[]; group: number }[]>();
  groups.forEach((terms, group) => {
    for (const term of terms) {
      const stems = tokenize(term).map((t) => stem(t.lower, language));
      if (stems.length === 0) continue;
      const list = byFirst.get(stems[0]!) ?? [];
      list.push({ stems, group });
      byFirst.set(stems[0]!, list);
    }
  });
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  return { byFirst };
}

/** Token index of the last word of `stems` matched from token i, or -1; `filler` words may stand between the words (at most two). */
function matchAt(tokens: readonly StemmedToken[], i: number, stems: readonly string[], filler?: (t: StemmedToken) => boolean): number {
  let j = i;
  let skipped = 0;
  for (let k = 0; k < stems.length; k++, j++) {
    while (k > 0 && filler && tokens[j] && tokens[j]!.stem !== stems[k] && filler(tokens[j]!) && skipped < 2) { j++; skipped++; }
    if (tokens[j]?.stem !== stems[k]) return -1;
  }
  return j - 1;
}

/**
 * Longest term at each position; matches do not overlap. With `filler`,
 * words it accepts may stand inside a multi-word term ("runnit något ur örat").
 */
export function findTerms(tokens: readonly StemmedToken[], index: TermIndex, filler?: (t: StemmedToken) => boolean): TermMatch[] {
  const out: TermMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = index.byFirst.get(tokens[i]!.stem);
    let last = -1;
    const hit = candidates?.find((c) => (last = matchAt(tokens, i, c.stems, filler)) >= 0);
    if (!hit) { i++; continue; }
    out.push({ group: hit.group, start: tokens[i]!.start, end: tokens[last]!.end, firstToken: i, lastToken: last });
    i = last + 1;
  }
  return out;
}
