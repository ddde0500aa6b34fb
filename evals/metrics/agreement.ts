/**
 * Inter-rater agreement: Krippendorff's α and Cohen's κ, with seeded bootstrap
 * CIs. Pure functions. Ratings are numbers; null/undefined/NaN mean "missing".
 *
 * Working groups rate draft notes (PDQI-9 items, 1–5) and the project must
 * report how far raters agree before trusting the means; α handles any number
 * of raters and missing ratings, κ is the familiar two-rater figure.
 */
import { bootstrapCi, type BootstrapOptions, type ConfidenceInterval } from './bootstrap';

export type Rating = number | null | undefined;
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval';

const present = (v: Rating): v is number => typeof v === 'number' && !Number.isNaN(v);

/**
 * Krippendorff's α for a units × raters matrix (one row per rated unit).
 * Follows Krippendorff (2011) "Computing Krippendorff's alpha-reliability":
 * coincidences within units with ≥ 2 values, o_ck weighted by 1/(m_u − 1),
 * α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck.
 * Returns NaN when there is no pairable disagreement to compare with
 * (fewer than two pairable values, or every value identical).
 */
export function krippendorffAlpha(units: readonly (readonly Rating[])[], level: AlphaLevel): number {
  const pairable = units.map((row) => row.filter(present)).filter((vals) => vals.length >= 2);
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  if (values.length === 0) return Number.NaN;
  const index = new Map(values.map((v, i) => [v, i]));
  const k = values.length;
  const o = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const vals of pairable) {
    const weight = 1 / (vals.length - 1);
    for (let i = 0; i < vals.length; i++) {
      for (let j = 0; j < vals.length; j++) {
        if (i === j) continue;
        o[index.get(vals[i]!)!]![index.get(vals[j]!)!]! += weight;
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  const delta = distance(level, values, nc);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const dd = delta(c, d);
      observed += o[c]![d]! * dd;
      expected += nc[c]! * nc[d]! * dd;
    }
  }
  if (expected === 0) return Number.NaN;
  return 1 - ((n - 1) * observed) / expected;
}

/** δ²_ck between the c-th and k-th distinct values (Krippendorff 2011, §3). */
function distance(level: AlphaLevel, values: readonly number[], nc: readonly number[]): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => (values[c]! - values[k]!) ** 2;
    case 'ordinal': {
      // Ordinal distance is the mass of values between c and k, minus half of each end.
      const cumulative = [0];
      for (const x of nc) cumulative.push(cumulative[cumulative.length - 1]! + x);
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const between = cumulative[hi + 1]! - cumulative[lo]!;
        return (between - (nc[lo]! + nc[hi]!) / 2) ** 2;
      };
    }
  }
}

export type KappaWeights = 'none' | 'quadratic';

/**
 * Cohen's κ for two raters over the same items (pairs with a missing rating
 * are dropped). Quadratic weights use the squared difference of the rating
 * values, so ratings must be on an equally spaced scale (e.g. 1–5).
 * NaN when chance agreement is already perfect (both raters constant).
 */
export function cohenKappa(a: readonly Rating[], b: readonly Rating[], weights: KappaWeights = 'none'): number {
  if (a.length !== b.length) throw new RangeError('both raters must rate the same items');
  const pairs: [number, number][] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (present(x) && present(y)) pairs.push([x, y]);
  }
  const n = pairs.length;
  if (n === 0) return Number.NaN;
  const disagreement = weights === 'none' ? (x: number, y: number) => (x === y ? 0 : 1) : (x: number, y: number) => (x - y) ** 2;
  const countA = new Map<number, number>();
  const countB = new Map<number, number>();
  let observed = 0;
  for (const [x, y] of pairs) {
    observed += disagreement(x, y);
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  let expected = 0;
  for (const [x, cx] of countA) for (const [y, cy] of countB) expected += cx * cy * disagreement(x, y);
  observed /= n;
  expected /= n * n;
  if (expected === 0) return Number.NaN;
  return 1 - observed / expected;
}

/** α with a percentile bootstrap CI over units (rows are resampled, raters kept). */
export function krippendorffAlphaCi(
  units: readonly (readonly Rating[])[],
  level: AlphaLevel,
  options?: BootstrapOptions,
): ConfidenceInterval {
  return bootstrapCi(units, (sample) => krippendorffAlpha(sample, level), options);
}

/** κ with a percentile bootstrap CI over rated items. */
export function cohenKappaCi(
  a: readonly Rating[],
  b: readonly Rating[],
  weights: KappaWeights = 'none',
  options?: BootstrapOptions,
): ConfidenceInterval {
  if (a.length !== b.length) throw new RangeError('both raters must rate the same items');
  const items = a.map((x, i) => [x, b[i]] as const);
  return bootstrapCi(items, (s) => cohenKappa(s.map((p) => p[0]), s.map((p) => p[1]), weights), options);
}
