import { quantile, seededRandom } from '../../../evals/metrics/bootstrap';
import { medianInPlace, medianOfCounts } from './median';
import { multinomial } from './multinomial';

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

function interval(stats: Float64Array, confidence = 0.95): Interval {
  const sorted = Array.from(stats).filter(Number.isFinite).sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { lower: quantile(sorted, tail), upper: quantile(sorted, 1 - tail) };
}

export function suppressedSummary(n: number): Summary {
  return { n, mean: null, median: null, meanCi: null, medianCi: null, suppressed: SUPPRESSED_SV };
}

interface Series {
  /** notes with a value */
  n: number;
  /** per note: index into `distinct`, or `distinct.length` (the "no value" slot) */
  rank: Int32Array;
  /** distinct values, rounded to the resolution, ascending */
  distinct: Float64Array;
  /** draws per rank in one resample */
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
    rank: Int32Array.from(perNote.map((v) => (v === null ? bins.length : index.get(bin(v))!))),
    distinct: Float64Array.from(bins.map((b) => b * resolution)),
    counts: new Int32Array(bins.length + 1),
    means: new Float64Array(iterations),
    medians: new Float64Array(iterations),
  };
}

/**
 * Bootstrap over notes: each resample draws notes with replacement and
 * computes, for every series (active time, total time, …), the mean and the
 * median of the notes that have a value. Series of one group share the draws,
 * so a view costs one draw per note per iteration. Instead of copying and
 * selecting, each resample counts how often each value (rounded to a second)
 * was drawn and the median is a walk over the counts; so a median's interval
 * is exact to the second, the point estimates and means are exact. The
 * generator is mulberry32, the same as evals/metrics/bootstrap's
 * seededRandom, inlined because a function call per draw doubled the
 * dashboard's time.
 */
export function resampleNotes(perNote: readonly (readonly (number | null)[])[], iterations: number, seed: number, resolution = 1 / 60): Resampled[] {
  if (perNote.length < 1 || perNote.length > 2) throw new RangeError('one or two series');
  const notes = perNote[0]!.length;
  const all = perNote.map((values) => series(values, iterations, resolution));
  // Suppressed series are not resampled; the draws are the same either way.
  const used = all.filter((x) => x.n >= MIN_GROUP);
  if (used.length > 0) {
    // One interleaved (rank, value) pair per note and a "no value" slot
    // instead of a branch: the innermost loop touches one cache line per
    // draw (1.5–2× faster than separate arrays with branches).
    const w = used.length;
    const rank = new Int32Array(w * notes);
    const value = new Float64Array(w * notes);
    used.forEach((x, k) => {
      const values = perNote[all.indexOf(x)]!;
      for (let i = 0; i < notes; i++) {
        rank[w * i + k] = x.rank[i]!;
        value[w * i + k] = values[i] ?? 0;
      }
    });
    draw(rank, value, used, iterations, seed);
  }
  return all.map((x, k) => {
    if (x.n < MIN_GROUP) return { summary: suppressedSummary(x.n), means: new Float64Array(0), medians: new Float64Array(0) };
    return resampled(Float64Array.from(perNote[k]!.filter((v): v is number => v !== null)), x.means, x.medians);
  });
}

/** The resampling loop, on its own so that V8 optimises it as one small function. */
function draw(rank: Int32Array, value: Float64Array, used: Series[], iterations: number, seed: number): void {
  // one series: stride 1 and the second slot untouched (a branch that never changes)
  const s0 = used[0]!;
  const s1 = used[1] ?? s0;
  const two = used.length === 2;
  const shift = two ? 1 : 0;
  const notes = rank.length >> shift;
  const c0 = s0.counts;
  const c1 = s1.counts;
  const scale = notes / 4294967296;
  let a = seed | 0;
  for (let it = 0; it < iterations; it++) {
    c0.fill(0);
    c1.fill(0);
    let sum0 = 0;
    let sum1 = 0;
    for (let i = 0; i < notes; i++) {
      // mulberry32 in int32 arithmetic (bit for bit the same numbers)
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), a | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const j = ((((t ^ (t >>> 14)) >>> 0) * scale) | 0) << shift;
      sum0 += value[j]!;
      c0[rank[j]!]!++;
      if (two) {
        sum1 += value[j + 1]!;
        c1[rank[j + 1]!]!++;
      }
    }
    record(s0, it, sum0);
    if (two) record(s1, it, sum1);
  }
}

/** The mean and median of resample `it`, from its sum and its counts. */
function record(x: Series, it: number, sum: number): void {
  const n = x.rank.length - x.counts[x.distinct.length]!;
  x.means[it] = n ? sum / n : Number.NaN;
  x.medians[it] = n ? medianOfCounts(x.counts, x.distinct, n) : Number.NaN;
}

/**
 * Mean and median with bootstrap intervals of one series. A large series of
 * few distinct values (ratings 1–5) is resampled as multinomial counts: the
 * same distribution as drawing every note, at K binomial draws of about
 * √n steps each instead of n draws per resample.
 */
export function resample(values: readonly number[], iterations: number, seed: number, resolution?: number): Resampled {
  const tally = new Map<number, number>();
  for (const v of values) tally.set(v, (tally.get(v) ?? 0) + 1);
  if (values.length >= MIN_GROUP && tally.size * 8 <= Math.sqrt(values.length)) return resampleCounts(values, tally, iterations, seed);
  return resampleNotes([values], iterations, seed, resolution)[0]!;
}

function resampleCounts(values: readonly number[], tally: Map<number, number>, iterations: number, seed: number): Resampled {
  const n = values.length;
  const distinct = Float64Array.from([...tally.keys()].sort((a, b) => a - b));
  const shares = distinct.map((v) => tally.get(v)! / n);
  const counts = new Int32Array(distinct.length);
  const means = new Float64Array(iterations);
  const medians = new Float64Array(iterations);
  const random = seededRandom(seed);
  for (let it = 0; it < iterations; it++) {
    multinomial(n, shares, random, counts);
    let sum = 0;
    for (let k = 0; k < distinct.length; k++) sum += counts[k]! * distinct[k]!;
    means[it] = sum / n;
    medians[it] = medianOfCounts(counts, distinct, n);
  }
  return resampled(Float64Array.from(values), means, medians);
}

/** Point estimates from the values themselves, intervals from the resamples. */
function resampled(present: Float64Array, means: Float64Array, medians: Float64Array): Resampled {
  return {
    summary: { n: present.length, mean: mean(present), median: medianInPlace(present), meanCi: interval(means), medianCi: interval(medians), suppressed: null },
    means,
    medians,
  };
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
