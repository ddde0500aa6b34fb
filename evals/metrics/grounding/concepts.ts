/**
 * Concepts from the Swedish synonym lexicon (evals/data/synonyms-sv.json):
 * "andfådd", "dyspné" and "tungt att andas" are one concept, so a note in
 * clinical Swedish is compared with what was said in lay words. Body parts
 * are a second index, used by the laterality check.
 */
import lexicon from '../../data/synonyms-sv.json';
import { stem } from './stem';
import { buildTermIndex, findTerms, type StemmedToken, type TermIndex } from './terms';
import type { Language } from './types';

export interface ConceptMatch {
  id: string;
  firstToken: number;
  lastToken: number;
}

interface ConceptIndex {
  ids: string[];
  terms: TermIndex;
  /** "*svullnad": compounds ending in the stem ("bensvullnad") match too. */
  suffixes: { stem: string; group: number }[];
}

function build(groups: readonly { id: string; terms: readonly string[] }[]): ConceptIndex {
  const plain = groups.map((g) => g.terms.filter((t) => !t.startsWith('*')));
  const suffixes = groups.flatMap((g, group) =>
    g.terms.filter((t) => t.startsWith('*')).map((t) => ({ stem: stem(t.slice(1), 'sv'), group })));
  return { ids: groups.map((g) => g.id), terms: buildTermIndex(plain, 'sv'), suffixes };
}

const CONCEPTS = build(lexicon.concepts);
const WHOLE = new Map<string, string>(lexicon.bodyParts.flatMap((g) => ('partOf' in g && typeof g.partOf === 'string' ? [[g.id, g.partOf]] : [])));

/** Body-part ids with the parts they belong to ("tå" → also "fot"). */
export function partWithWhole(parts: ReadonlySet<string>): Set<string> {
  const out = new Set(parts);
  for (const p of parts) { const w = WHOLE.get(p); if (w) out.add(w); }
  return out;
}
const BODY_PARTS = build(lexicon.bodyParts);

function match(index: ConceptIndex, tokens: readonly StemmedToken[], language: Language): ConceptMatch[] {
  if (language !== 'sv') return [];
  const out: ConceptMatch[] = findTerms(tokens, index.terms, FILLER).map((m) => ({ id: index.ids[m.group]!, firstToken: m.firstToken, lastToken: m.lastToken }));
  const taken = new Set(out.flatMap((m) => range(m.firstToken, m.lastToken)));
  tokens.forEach((t, i) => {
    if (taken.has(i)) return;
    const hit = index.suffixes.find((s) => t.stem.length > s.stem.length + 2 && t.stem.endsWith(s.stem));
    if (hit) out.push({ id: index.ids[hit.group]!, firstToken: i, lastToken: i });
  });
  return out.sort((a, b) => a.firstToken - b.firstToken);
}

/** Small words that may stand inside a lay phrase: "runnit (något) ur örat", "ont (lite) i magen". */
const FILLER_WORDS = new Set(['något', 'nåt', 'lite', 'mycket', 'så', 'väldigt', 'jätte', 'ju', 'väl', 'också', 'bara', 'det', 'mig', 'mej', 'sig', 'henne', 'honom', 'han', 'hon', 'jag', 'du']);
const FILLER = (t: StemmedToken): boolean => FILLER_WORDS.has(t.lower);

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, k) => a + k);

/** Several checks ask for the concepts of the same sentence: computed once per token list. */
const conceptCache = new WeakMap<readonly StemmedToken[], ConceptMatch[]>();
const partCache = new WeakMap<readonly StemmedToken[], ConceptMatch[]>();

function cached(cache: WeakMap<readonly StemmedToken[], ConceptMatch[]>, index: ConceptIndex, tokens: readonly StemmedToken[], language: Language): ConceptMatch[] {
  let hit = cache.get(tokens);
  if (!hit) cache.set(tokens, (hit = match(index, tokens, language)));
  return hit;
}

export const findConcepts = (tokens: readonly StemmedToken[], language: Language): ConceptMatch[] => cached(conceptCache, CONCEPTS, tokens, language);
export const findBodyParts = (tokens: readonly StemmedToken[], language: Language): ConceptMatch[] => cached(partCache, BODY_PARTS, tokens, language);

/** Concept id of each token covered by a concept (first match wins). */
export function conceptByToken(tokens: readonly StemmedToken[], language: Language): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of findConcepts(tokens, language)) for (const i of range(m.firstToken, m.lastToken)) if (!out.has(i)) out.set(i, m.id);
  return out;
}
