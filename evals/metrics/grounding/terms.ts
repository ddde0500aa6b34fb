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

/** Longest term at each position; matches do not overlap. */
export function findTerms(tokens: readonly StemmedToken[], index: TermIndex): TermMatch[] {
  const out: TermMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = index.byFirst.get(tokens[i]!.stem);
    const hit = candidates?.find((c) => c.stems.every((s, k) => tokens[i + k]?.stem === s));
    if (!hit) { i++; continue; }
    const last = i + hit.stems.length - 1;
    out.push({ group: hit.group, start: tokens[i]!.start, end: tokens[last]!.end, firstToken: i, lastToken: last });
    i = last + 1;
  }
  return out;
}
