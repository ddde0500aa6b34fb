/**
 * Longest common subsequence over integer token ids.
 * Two variants: length only (two rows, O(min) memory) and the full table with
 * rouge-score's backtrack, whose tie-breaking decides which reference tokens
 * ROUGE-Lsum counts, so it must match the reference implementation exactly.
 */

export function lcsLength(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Iterate over the longer sequence, keep rows as long as the shorter one.
  const [outer, inner] = a.length >= b.length ? [a, b] : [b, a];
  let prev = new Int32Array(inner.length + 1);
  let curr = new Int32Array(inner.length + 1);
  for (let i = 0; i < outer.length; i++) {
    const x = outer[i]!;
    for (let j = 1; j <= inner.length; j++) {
      if (inner[j - 1] === x) curr[j] = prev[j - 1]! + 1;
      else {
        const up = prev[j]!, left = curr[j - 1]!;
        curr[j] = up > left ? up : left;
      }
    }
    const t = prev; prev = curr; curr = t;
  }
  return prev[inner.length]!;
}

/** Scratch table reused across calls: ROUGE-Lsum calls this once per pair of lines. */
let scratch = new Int32Array(1024);

/**
 * Indices into `ref` of one LCS of `ref` and `can`, chosen the way
 * rouge-score's `_backtrack_norec` chooses (prefer moving up in `ref` on ties).
 */
export function lcsRefIndices(ref: Int32Array, can: Int32Array): number[] {
  const rows = ref.length, cols = can.length;
  if (rows === 0 || cols === 0) return [];
  const w = cols + 1;
  const size = (rows + 1) * w;
  if (scratch.length < size) scratch = new Int32Array(Math.max(size, scratch.length * 2));
  const t = scratch;
  t.fill(0, 0, w); // row 0; every other cell, column 0 included, is written below
  for (let i = 1; i <= rows; i++) {
    const x = ref[i - 1]!;
    const row = i * w, up = row - w;
    t[row] = 0;
    for (let j = 1; j <= cols; j++) {
      if (can[j - 1] === x) t[row + j] = t[up + j - 1]! + 1;
      else {
        const a = t[up + j]!, b = t[row + j - 1]!;
        t[row + j] = a > b ? a : b;
      }
    }
  }
  const out: number[] = [];
  let i = rows, j = cols;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) { out.push(i - 1); i--; j--; }
    else if (t[i * w + j - 1]! > t[(i - 1) * w + j]!) j--;
    else i--;
  }
  return out.reverse();
}
