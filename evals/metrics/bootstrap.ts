/**
 * Seeded percentile bootstrap. Reproducibility matters more than speed here:
 * a confidence interval in a report must come out the same when the report is
 * re-run, so the resampling uses its own seeded PRNG, never Math.random.
 */

export interface BootstrapOptions {
  /** Resamples; 2000 is enough for a 95 % percentile interval to settle to ~2 decimals. */
  iterations?: number;
  /** Two-sided level, e.g. 0.95. */
  confidence?: number;
  seed?: number;
}

export interface ConfidenceInterval {
  /** The statistic on the original sample. */
  estimate: number;
  lower: number;
  upper: number;
  confidence: number;
  /** Resamples whose statistic was finite (a resample can make a statistic undefined, e.g. zero variance). */
  iterations: number;
}

/** mulberry32: tiny, fast, and good enough for resampling indices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Linear-interpolated quantile of an ascending array (type 7, as R and numpy default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

/**
 * Percentile bootstrap CI of `statFn` over `values` (resampled with replacement,
 * same size). `values` are whatever the statistic's unit of resampling is:
 * numbers for a mean, rows (units × raters) for an agreement coefficient.
 */
export function bootstrapCi<T>(
  values: readonly T[],
  statFn: (sample: readonly T[]) => number,
  { iterations = 2000, confidence = 0.95, seed = 1 }: BootstrapOptions = {},
): ConfidenceInterval {
  if (!(confidence > 0 && confidence < 1)) throw new RangeError('confidence must be between 0 and 1');
  if (!Number.isInteger(iterations) || iterations < 1) throw new RangeError('iterations must be a positive integer');
  const estimate = statFn(values);
  const n = values.length;
  if (n === 0) return { estimate, lower: Number.NaN, upper: Number.NaN, confidence, iterations: 0 };
  const random = seededRandom(seed);
  const stats: number[] = [];
  const sample: T[] = new Array<T>(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) sample[i] = values[Math.floor(random() * n)]!;
    const s = statFn(sample);
    if (Number.isFinite(s)) stats.push(s);
  }
  stats.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { estimate, lower: quantile(stats, tail), upper: quantile(stats, 1 - tail), confidence, iterations: stats.length };
}
