/**
 * Which named measurement a number is the value of ("SR 58", "PCL-5: 51 p", "Hb? — Åttiosex"):
 * the nearest measurement name before it (lexicon/measures-sv.ts). In a note the name stands
 * right before its value; in speech it may open the sentence, the question answered, or the
 * sentence before on the same line ("Din skattning, SHAI, är trettiotvå idag. När vi började var
 * den trettioåtta."), so a spoken value with no name of its own takes the one just said.
 */
import { MEASURES_SV } from '../../lexicon/measures-sv';
import type { Sentence } from './document';
import type { QuantityType } from './quantity-words';

const EXACT = new Map<string, string>();
const PREFIXES: [string, string][] = [];
for (const [id, names] of Object.entries(MEASURES_SV)) {
  for (const n of names) {
    EXACT.set(n, id);
    if (n.length >= 6) PREFIXES.push([n, id]);
  }
}

export function measureOfToken(lower: string): string | null {
  return EXACT.get(lower) ?? PREFIXES.find(([n]) => lower.startsWith(n))?.[1] ?? null;
}

/** Types a measurement name may qualify: a bare value, a score, a percentage, a length ("SR 58 mm"). */
export const NAMEABLE = new Set<QuantityType>(['other', 'score', 'percent', 'length', 'count', 'pain']);

/** In a note the name is at most this many words before its value ("PCL-5: 33 p (gräns 51)"). */
const NOTE_REACH = 6;

/** Speech also names a measurement just after its value ("tjugoåtta på MADRS", "sex var Epworth"). */
const SPOKEN_AFTER = 3;

/**
 * The measurement a value at tokens k..last belongs to: a name just before it, else (speech) one
 * just after it in the same clause, else the nearest name before it in reach; null when none.
 */
export function measureNear(s: Sentence, k: number, last: number, spoken: boolean): string | null {
  const from = spoken ? 0 : Math.max(0, k - NOTE_REACH);
  let far: string | null = null;
  for (let i = k - 1; i >= from; i--) {
    const id = measureOfToken(s.tokens[i]!.lower);
    if (id && k - i <= SPOKEN_AFTER) return id;
    if (id) { far = id; break; }
  }
  if (spoken) {
    for (let i = last + 1; i < Math.min(s.tokens.length, last + 1 + SPOKEN_AFTER); i++) {
      if (/[,;:.]/.test(s.text.slice(s.tokens[i - 1]!.end - s.start, s.tokens[i]!.start - s.start))) break;
      const id = measureOfToken(s.tokens[i]!.lower);
      if (id) return id;
    }
  }
  return far;
}

/** The last measurement named in a sentence (what a following bare value may refer back to). */
export function lastMeasureIn(s: Sentence | undefined): string | null {
  if (!s) return null;
  for (let i = s.tokens.length - 1; i >= 0; i--) {
    const id = measureOfToken(s.tokens[i]!.lower);
    if (id) return id;
  }
  return null;
}

/** The measurement of the last value in the sentence before, when both sentences are on one line (one speaker's turn). */
export function carriedMeasure(found: readonly { sentence: number; measure: string | null }[], sentences: readonly Sentence[], text: string, si: number): string | null {
  const before = sentences[si - 1];
  if (!before || text.slice(before.end, sentences[si]!.start).includes('\n')) return null;
  const last = found.findLast((q) => q.sentence === si - 1);
  return last ? last.measure : lastMeasureIn(before);
}
