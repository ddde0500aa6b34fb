/**
 * Levenshtein distance of two integer sequences with Myers' bit-parallel
 * algorithm (Myers 1999; multi-word blocks as in Hyyrö 2003 / edlib):
 * O(n·⌈m/32⌉) time. Used directly for character edit distance and to size the
 * band of the word/character alignment.
 */

/** Bit 31 as an int32. */
const HIGH = 1 << 31;

/**
 * Levenshtein distance between two integer sequences. Words are int32 and
 * every operation ends in `| 0`: values stay small integers for the JIT
 * (unsigned 32-bit values ≥ 2^31 would become heap doubles).
 */
export function myersDistance(a: Int32Array, b: Int32Array): number {
  // Common prefix and suffix never change the distance and are cheap to drop;
  // a clinician's edits to a draft usually leave most of the text alone.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  let pattern = a.subarray(start, endA);
  let text = b.subarray(start, endB);
  if (pattern.length > text.length) [pattern, text] = [text, pattern];
  const m = pattern.length;
  if (m === 0) return text.length;

  const blocks = Math.ceil(m / 32);
  // Peq: for each symbol, the bit mask of its positions in the pattern.
  const peq = new Map<number, Int32Array>();
  for (let i = 0; i < m; i++) {
    const c = pattern[i]!;
    let v = peq.get(c);
    if (!v) { v = new Int32Array(blocks); peq.set(c, v); }
    v[i >>> 5] = v[i >>> 5]! | (1 << (i & 31));
  }
  const empty = new Int32Array(blocks);
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  const lastBit = 1 << ((m - 1) & 31);
  const lastBlock = blocks - 1;
  let score = m;

  for (let j = 0; j < text.length; j++) {
    const eqs = peq.get(text[j]!) ?? empty;
    let hin = 1; // global alignment: the top row grows by one per column
    for (let k = 0; k < blocks; k++) {
      let eq = eqs[k]!;
      const p = pv[k]!, mm = mv[k]!;
      const xv = eq | mm;
      if (hin < 0) eq |= 1;
      const xh = (((((eq & p) + p) | 0) ^ p) | eq);
      let ph = mm | ~(xh | p);
      let mh = p & xh;
      const bit = k === lastBlock ? lastBit : HIGH;
      const hout = (ph & bit) !== 0 ? 1 : (mh & bit) !== 0 ? -1 : 0;
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv[k] = mh | ~(xv | ph);
      mv[k] = ph & xv;
      hin = hout;
    }
    score += hin;
  }
  return score;
}
