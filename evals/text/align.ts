/**
 * Levenshtein alignment of two integer sequences (word ids or code points)
 * with the operations that realise it.
 *
 * Exactness and speed: the distance d comes first from the bit-parallel
 * algorithm (cheap), then the alignment is filled only in the diagonal band
 * an optimal path can reach (Ukkonen). Every cell on an optimal path, and
 * every neighbour the backtrace compares, keeps its true value inside that
 * band, so the alignment equals the full-matrix one at O((m + n)·d) cost. Only one direction byte
 * per cell is stored.
 *
 * Tie-breaking follows the Omi benchmark's backtrace (match, then
 * substitution, then deletion, then insertion, walking back from the end), so
 * S/D/I counts agree with their published word statistics.
 */

export const OP_EQUAL = 0;
export const OP_SUB = 1;
export const OP_DEL = 2;
export const OP_INS = 3;

export interface Alignment {
  distance: number;
  hits: number;
  substitutions: number;
  deletions: number;
  insertions: number;
  /** Operations from the start of both sequences to the end. */
  ops: Uint8Array;
}

import { myersDistance } from './myers';

const INF = 0x3fffffff;

/**
 * Fills `dirs` for diagonals lo ≤ j − i ≤ hi. Direction of cell (i, j) is at
 * i·(hi − lo + 1) + (j − i − lo).
 */
function bandedFill(ref: Int32Array, hyp: Int32Array, lo: number, hi: number, dirs: Uint8Array): void {
  const m = ref.length, n = hyp.length, w = hi - lo + 1;
  // Row values by band index b = j − i − lo; INF outside the band.
  let prev = new Int32Array(w + 1).fill(INF);
  let curr = new Int32Array(w + 1).fill(INF);
  for (let j = 0; j <= Math.min(n, hi); j++) { prev[j - lo] = j; dirs[j - lo] = OP_INS; }
  for (let i = 1; i <= m; i++) {
    curr.fill(INF);
    const row = i * w;
    let j = Math.max(0, i + lo);
    const last = Math.min(n, i + hi);
    if (j === 0) { curr[-i - lo] = i; dirs[row - i - lo] = OP_DEL; j = 1; }
    const x = ref[i - 1]!;
    // In the previous row, column j−1 has the same band index; column j is one further right.
    let left = j - 1 - i - lo >= 0 ? curr[j - 1 - i - lo]! : INF;
    for (let b = j - i - lo; j <= last; j++, b++) {
      const diag = prev[b]!;
      let v: number;
      if (hyp[j - 1] === x) { v = diag; dirs[row + b] = OP_EQUAL; }
      else {
        const up = prev[b + 1]!;
        v = diag < up ? diag : up;
        if (left < v) v = left;
        v += 1;
        dirs[row + b] = v === diag + 1 ? OP_SUB : v === up + 1 ? OP_DEL : OP_INS;
      }
      curr[b] = v;
      left = v;
    }
    const t = prev; prev = curr; curr = t;
  }
}

export function align(ref: Int32Array, hyp: Int32Array): Alignment {
  const m = ref.length, n = hyp.length;
  const distance = myersDistance(ref, hyp);
  // A path through diagonal j − i = o costs at least |o| + |δ − o|, so an
  // optimal one (cost d) strays at most (d − |δ|)/2 outside [0, δ].
  const delta = n - m;
  const spare = Math.floor((distance - Math.abs(delta)) / 2);
  const lo = Math.min(0, delta) - spare, hi = Math.max(0, delta) + spare;
  const w = hi - lo + 1;
  const dirs = new Uint8Array((m + 1) * w);
  bandedFill(ref, hyp, lo, hi, dirs);
  const ops: number[] = [];
  let substitutions = 0, deletions = 0, insertions = 0, hits = 0;
  let i = m, j = n;
  while (i > 0 || j > 0) {
    const op = i === 0 ? OP_INS : j === 0 ? OP_DEL : dirs[i * w + j - i - lo]!;
    ops.push(op);
    if (op === OP_EQUAL) { hits++; i--; j--; }
    else if (op === OP_SUB) { substitutions++; i--; j--; }
    else if (op === OP_DEL) { deletions++; i--; }
    else { insertions++; j--; }
  }
  return { distance, hits, substitutions, deletions, insertions, ops: Uint8Array.from(ops.reverse()) };
}
