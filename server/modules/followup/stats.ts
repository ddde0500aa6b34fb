import { quantile } from '../../../evals/metrics/bootstrap';

/**
 * Summaries with percentile-bootstrap intervals for the follow-up. Editing
 * times are skewed, so every figure has a median next to its mean. One
 * resampling pass per group yields the mean and the median at once, and two
 * groups' passes pair up for the difference (baseline − AI), so the whole
 * dashboard costs one draw per note per iteration. The PRNG and quantile are
 * the evals library's; the seed is fixed so a re-run report prints the same
 * interval.
 */
export const MIN_GROUP = 5;
export const SUPPRESSED_SV = 'för få anteckningar (< 5)';

export interface Interval {
  lower: number;
  upper: number;
}

export interface Summary {
  n: number;
  /** null when n < MIN_GROUP (suppressed) */
  mean: number | null;
  median: number | null;
  meanCi: Interval | null;
  medianCi: Interval | null;
  suppressed: string | null;
}

export interface Resampled {
  summary: Summary;
  /** the statistic in each resample, for pairing with another group */
  means: Float64Array;
  medians: Float64Array;
}

export interface BootstrapBudget {
  /** draws allowed for a whole view (values × iterations); keeps the dashboard fast with many notes */
  draws: number;
  minIterations: number;
  maxIterations: number;
  seed: number;
}

/** Budgets are for a whole view: iterations = draws ÷ all values resampled in it, within [min, max]. */
export const DASHBOARD_BUDGET: BootstrapBudget = { draws: 20_000_000, minIterations: 200, maxIterations: 2000, seed: 20240601 };
export const REPORT_BUDGET: BootstrapBudget = { draws: 200_000_000, minIterations: 500, maxIterations: 2000, seed: 20240601 };

export function iterationsFor(n: number, budget: BootstrapBudget): number {
  if (n === 0) return 0;
  return Math.max(budget.minIterations, Math.min(budget.maxIterations, Math.floor(budget.draws / n)));
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return s / values.length;
}

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

function interval(stats: Float64Array, confidence = 0.95): Interval {
  const sorted = Array.from(stats).filter(Number.isFinite).sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { lower: quantile(sorted, tail), upper: quantile(sorted, 1 - tail) };
}

export function suppressedSummary(n: number): Summary {
  return { n, mean: null, median: null, meanCi: null, medianCi: null, suppressed: SUPPRESSED_SV };
}

interface Series {
  n: number;
  values: Float64Array;
  /** per note: index into distinct (ascending), or -1 when the note has no value */
  rank: Int32Array;
  distinct: Float64Array;
  counts: Int32Array;
  means: Float64Array;
  medians: Float64Array;
}

function series(perNote: readonly (number | null)[], iterations: number, resolution: number): Series {
  // Ranks are of values rounded to `resolution` (a second, for minutes): the
  // counts array stays small enough for the CPU cache. Means use exact values.
  const bin = (v: number) => Math.round(v / resolution);
  const present = perNote.filter((v): v is number => v !== null);
  const bins = [...new Set(present.map(bin))].sort((a, b) => a - b);
  const index = new Map<number, number>();
  bins.forEach((b, i) => index.set(b, i));
  return {
    n: present.length,
    values: Float64Array.from(perNote.map((v) => v ?? 0)),
    rank: Int32Array.from(perNote.map((v) => (v === null ? -1 : index.get(bin(v))!))),
    distinct: Float64Array.from(bins.map((b) => b * resolution)),
    counts: new Int32Array(bins.length),
    means: new Float64Array(iterations),
    medians: new Float64Array(iterations),
  };
}

function medianOfCounts(s: Series, total: number): number {
  const lowPos = (total - 1) >> 1;
  const highPos = total >> 1;
  let seen = 0;
  let low = Number.NaN;
  for (let k = 0; k < s.counts.length; k++) {
    seen += s.counts[k]!;
    if (Number.isNaN(low) && seen > lowPos) low = s.distinct[k]!;
    if (seen > highPos) return (low + s.distinct[k]!) / 2;
  }
  return Number.NaN;
}

/**
 * Bootstrap over notes: each resample draws notes with replacement and
 * computes, for every series (active time, total time, …), the mean and the
 * median of the notes that have a value. Series of one group share the draws,
 * so a view costs one draw per note per iteration. Instead of copying and
 * selecting, each resample counts how often each value (rounded to a second)
 * was drawn and the median is a walk over the counts; so a median's interval
 * is exact to the second, the point estimates and means are exact. The generator is mulberry32, the same
 * as evals/metrics/bootstrap's seededRandom, inlined because a function call
 * per draw doubled the dashboard's time.
 */
export function resampleNotes(perNote: readonly (readonly (number | null)[])[], iterations: number, seed: number, resolution = 1 / 60): Resampled[] {
  if (perNote.length < 1 || perNote.length > 2) throw new RangeError('one or two series');
  const notes = perNote[0]!.length;
  const all = perNote.map((values) => series(values, iterations, resolution));
  // Two fixed slots with plain locals: a loop over series objects in the
  // innermost loop was several times slower. An absent or suppressed series
  // gets ranks of -1 and is skipped.
  const none = new Int32Array(notes).fill(-1);
  const use = (x: Series | undefined) => (x && x.n >= MIN_GROUP ? x : null);
  const s0 = use(all[0]);
  const s1 = use(all[1]);
  if (s0 || s1) {
    const r0 = s0?.rank ?? none;
    const r1 = s1?.rank ?? none;
    const v0 = s0?.values ?? new Float64Array(notes);
    const v1 = s1?.values ?? new Float64Array(notes);
    const c0 = s0?.counts ?? new Int32Array(1);
    const c1 = s1?.counts ?? new Int32Array(1);
    let a = seed >>> 0;
    for (let it = 0; it < iterations; it++) {
      c0.fill(0);
      c1.fill(0);
      let sum0 = 0;
      let sum1 = 0;
      let n0 = 0;
      let n1 = 0;
      for (let i = 0; i < notes; i++) {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        const j = ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * notes) | 0;
        const k0 = r0[j]!;
        if (k0 >= 0) {
          sum0 += v0[j]!;
          n0++;
          c0[k0]!++;
        }
        const k1 = r1[j]!;
        if (k1 >= 0) {
          sum1 += v1[j]!;
          n1++;
          c1[k1]!++;
        }
      }
      if (s0) {
        s0.means[it] = n0 ? sum0 / n0 : Number.NaN;
        s0.medians[it] = n0 ? medianOfCounts(s0, n0) : Number.NaN;
      }
      if (s1) {
        s1.means[it] = n1 ? sum1 / n1 : Number.NaN;
        s1.medians[it] = n1 ? medianOfCounts(s1, n1) : Number.NaN;
      }
    }
  }
  return all.map((x, k) => {
    if (x.n < MIN_GROUP) return { summary: suppressedSummary(x.n), means: new Float64Array(0), medians: new Float64Array(0) };
    const present = Float64Array.from(perNote[k]!.filter((v): v is number => v !== null));
    return {
      summary: { n: x.n, mean: mean(present), median: medianInPlace(present), meanCi: interval(x.means), medianCi: interval(x.medians), suppressed: null },
      means: x.means,
      medians: x.medians,
    };
  });
}

/** Mean and median with bootstrap intervals of one series. */
export function resample(values: readonly number[], iterations: number, seed: number, resolution?: number): Resampled {
  return resampleNotes([values], iterations, seed, resolution)[0]!;
}

export interface Difference {
  mean: number | null;
  meanCi: Interval | null;
  median: number | null;
  medianCi: Interval | null;
  suppressed: string | null;
}

/** a − b with the interval of the paired independent resamples. */
export function difference(a: Resampled, b: Resampled): Difference {
  if (a.summary.suppressed || b.summary.suppressed || a.means.length !== b.means.length) {
    return { mean: null, meanCi: null, median: null, medianCi: null, suppressed: SUPPRESSED_SV };
  }
  const k = a.means.length;
  const dm = new Float64Array(k);
  const dmed = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    dm[i] = a.means[i]! - b.means[i]!;
    dmed[i] = a.medians[i]! - b.medians[i]!;
  }
  return {
    mean: a.summary.mean! - b.summary.mean!,
    meanCi: interval(dm),
    median: a.summary.median! - b.summary.median!,
    medianCi: interval(dmed),
    suppressed: null,
  };
}

/** Mean with bootstrap CI (used for ratings and survey items). */
export function meanSummary(values: readonly number[], budget: BootstrapBudget, seed = budget.seed, suppressedText = SUPPRESSED_SV): Summary {
  const summary = resample(values, iterationsFor(values.length, budget), seed).summary;
  return summary.suppressed ? { ...summary, suppressed: suppressedText } : summary;
}
