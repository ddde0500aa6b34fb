/**
 * Medians without sorting, for the follow-up's summaries (stats.ts) and
 * tables: by selection over the values, or by a walk over counts per
 * distinct value (a bootstrap resample's tallies).
 */

/** Median by selection (O(n)); reorders `buf`. */
export function medianInPlace(buf: Float64Array): number {
  const n = buf.length;
  if (n === 0) return Number.NaN;
  const hi = select(buf, n >> 1);
  if (n % 2 === 1) return hi;
  let lo = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (buf[i]! > lo) lo = buf[i]!;
  return (lo + hi) / 2;
}

function select(a: Float64Array, k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k]!;
  }
  return a[k]!;
}

/** The median of `total` draws, from their counts per distinct value (ascending). */
export function medianOfCounts(counts: Int32Array, distinct: Float64Array, total: number): number {
  const lowPos = (total - 1) >> 1;
  const highPos = total >> 1;
  let seen = 0;
  let low = Number.NaN;
  for (let k = 0; k < distinct.length; k++) {
    seen += counts[k]!;
    if (Number.isNaN(low) && seen > lowPos) low = distinct[k]!;
    if (seen > highPos) return (low + distinct[k]!) / 2;
  }
  return Number.NaN;
}
