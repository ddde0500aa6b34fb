/** Which tokens carry checkable content, and lenient stem lookup for Swedish compounds. */
import { STOPWORDS_EN, STOPWORDS_SV } from '../../lexicon/stopwords';
import { POLARITY } from '../../lexicon/negation';
import { swedishNumberToValue } from '../../text/swedish-numbers';
import { englishNumberToValue } from './numbers-en';
import { isNumeric, type Token } from './text';
import type { Language } from './types';

const STOP: Record<Language, ReadonlySet<string>> = { sv: STOPWORDS_SV, en: STOPWORDS_EN };

/** Per word, once: the number-word parsers are the costly part and the same words recur in every note. */
const contentCache: Record<Language, Map<string, boolean>> = { sv: new Map(), en: new Map() };

export function isContentWord(t: Token, language: Language): boolean {
  const cache = contentCache[language];
  let hit = cache.get(t.lower);
  if (hit === undefined) {
    hit = decideContent(t, language);
    if (cache.size < 50_000) cache.set(t.lower, hit);
  }
  return hit;
}

function decideContent(t: Token, language: Language): boolean {
  if (isNumeric(t.text) || t.lower.length < 3 || STOP[language].has(t.lower)) return false;
  // Number words ("tjugo", "tre") are checked as numbers, not as words.
  if ((language === 'sv' ? swedishNumberToValue : englishNumberToValue)([t.lower], 0)) return false;
  const lex = POLARITY[language];
  return !lex.pre.has(t.lower) && !lex.post.has(t.lower) && !lex.conditional.has(t.lower);
}

/** Compound parts shorter than this are too unspecific to count ("ont", "sår"); "rygg" in "ryggsmärta" counts. */
const MIN_PART = 4;

/**
 * Exact stem, or a compound sharing a long head or tail: "ortopedmottagning"
 * is supported by "ortoped", "ryggsmärt" by "rygg": parts of ≥ MIN_PART letters.
 */
export function hasStem(stems: ReadonlySet<string>, s: string): boolean {
  if (stems.has(s)) return true;
  for (const other of stems) {
    // Concept ids ("#kräkning") match only themselves.
    if (other.length < MIN_PART || s.length < MIN_PART || other.startsWith('#') || s.startsWith('#')) continue;
    if (s.startsWith(other) || s.endsWith(other) || other.startsWith(s) || other.endsWith(s)) return true;
  }
  return false;
}

/**
 * Stricter sibling of hasStem for polarity: one stem must extend the other
 * ("uttorkning"/"uttork") and the shorter must have ≥ 6 letters, because a
 * wrong match here raises a critical flag.
 */
export function relatedStems<T>(map: ReadonlyMap<string, T>, s: string): T[] {
  const out: T[] = [];
  for (const [other, value] of map) {
    const [short, long] = other.length <= s.length ? [other, s] : [s, other];
    if (other === s || (short.length >= 6 && long.startsWith(short))) out.push(value);
  }
  return out;
}
