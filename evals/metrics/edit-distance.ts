/**
 * Character-level Levenshtein distance (bit-parallel, evals/text/myers), raw
 * and normalised by the longer text. Characters are Unicode code points, so
 * "ä" is one character whether typed precomposed or not after NFC. Pure.
 */
import { myersDistance } from '../text/myers';

/** NFC first: a decomposed "a + ring" must not count as two characters. */
function codePoints(s: string): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (const ch of s.normalize('NFC')) out[n++] = ch.codePointAt(0)!;
  return out.subarray(0, n);
}

export function levenshtein(a: string, b: string): number {
  return myersDistance(codePoints(a), codePoints(b));
}

export interface EditDistance {
  distance: number;
  /** distance / max(length): 0 = identical, 1 = nothing in common. */
  normalized: number;
  lengthA: number;
  lengthB: number;
}

/** Levenshtein distance normalised by the longer text's length (0 for two empty texts). */
export function editDistance(a: string, b: string): EditDistance {
  const ca = codePoints(a), cb = codePoints(b);
  const distance = myersDistance(ca, cb);
  const longest = Math.max(ca.length, cb.length);
  return { distance, normalized: longest === 0 ? 0 : distance / longest, lengthA: ca.length, lengthB: cb.length };
}
