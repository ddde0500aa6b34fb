/**
 * Time saved per note with the clinician as the unit of analysis.
 *
 * Each clinician is compared with themselves: the mean minutes of their
 * baseline notes minus the mean minutes of their AI-assisted notes. Under a
 * comparison schedule the two sides are the clinician's notes in baseline
 * periods and in AI periods (as assigned, whatever the clinician then chose),
 * and the difference is divided by how much more often AI was actually used
 * in AI periods (the Wald / instrumental-variable estimator): with no
 * overrides the divisor is 1; with overrides the estimate is still the effect
 * of using AI, because the comparison rests on the assignment, not on the
 * clinician's choice. A clinician without baseline notes may be compared with
 * imported time-study minutes for the profession (free-choice design only;
 * counted and labelled).
 *
 * Combining: clinician i gets weight 1 / (τ² + vᵢ), vᵢ the sampling variance
 * of their own difference (pooled within-clinician note variance × (1/n_AI +
 * 1/n_baseline)) and τ² the between-clinician variance of the true
 * differences (DerSimonian–Laird moment estimate). Clinicians with many notes
 * on both sides count more, but never more than the spread between
 * clinicians justifies; with large τ² every clinician counts alike.
 *
 * Interval: cluster bootstrap, resampling whole clinicians (or whole care
 * units, when periods were assigned per unit) and the imported minutes, and
 * repeating the whole procedure (τ², weights) in every resample. The
 * interval is estimate ± t(G−1) · √(G/(G−1)) · SE, SE the standard deviation
 * of the resampled estimates and G the number of resampled units. With a
 * dozen clinicians the plain percentile interval is too narrow (the
 * bootstrap variance is (G−1)/G of the unbiased one and the tails are
 * Student-like): coverage ≈ 0.89–0.91 in the validation
 * (evals/validation/time-saved-sim.ts), ≈ 0.93 with percentile limits
 * widened by the same factor, ≈ 0.94–0.95 with this interval.
 */
import { quantile, seededRandom } from './bootstrap';
import { clusterTInterval } from './cluster-bootstrap';

export const MIN_CLINICIANS = 5;
export const TOO_FEW_CLINICIANS_SV = 'för få kliniker (< 5)';

/** Sufficient statistics of one side of a clinician's comparison. */
export interface ArmSums {
  notes: number;
  /** Σ minutes */
  sum: number;
  /** Σ minutes² */
  sumSq: number;
  /** notes on this side actually written with AI (free choice: all of the AI side, none of the baseline side) */
  aiNotes: number;
}

export interface ClinicianTimes {
  clinician: string;
  /** the resampling unit: the clinician (default) or their care unit when periods were assigned per unit */
  cluster?: string;
  ai: ArmSums;
  baseline: ArmSums;
}

export type Design = 'free' | 'schedule';

export interface TimeSavedInput {
  design: Design;
  clinicians: readonly ClinicianTimes[];
  /** imported time-study minutes per note for the profession (free-choice design only) */
  imported?: readonly number[];
}

export interface TimeSavedOptions {
  iterations?: number;
  seed?: number;
  confidence?: number;
  minClinicians?: number;
  /** false: plain percentile limits (kept for the validation's comparison) */
  smallSampleCorrection?: boolean;
}

export interface VarianceComponents {
  /** SD of one note's minutes around its clinician's side mean */
  withinSd: number | null;
  /** SD of the true time saved between clinicians */
  betweenSd: number | null;
  /** (schedule) how much more often AI was used in AI periods than in baseline periods */
  compliance: number | null;
  /**
   * Resampling whole care units: the estimate's variance with the units as
   * clusters over the same with every clinician on their own (sandwich, the
   * estimate's own weights); 1 when the clinician is the unit, null when not
   * computed (the stepped estimator). The precision calculator plans with it.
   */
  designEffect?: number | null;
}

export interface TimeSavedEstimate {
  design: Design;
  /** minutes saved per note; null when suppressed or nothing to compare */
  estimate: number | null;
  lower: number | null;
  upper: number | null;
  /** clinicians with a comparison (their own baseline or imported minutes) */
  clinicians: number;
  /** notes of those clinicians */
  notes: number;
  /** of `clinicians`, compared with imported time-study minutes */
  importedClinicians: number;
  /** clinicians with notes but without any comparison */
  withoutComparison: number;
  /** resampled units (clinicians, or care units) */
  clusters: number;
  variance: VarianceComponents;
  suppressed: string | null;
  iterations: number;
}

export const emptyArm = (): ArmSums => ({ notes: 0, sum: 0, sumSq: 0, aiNotes: 0 });

export function addNote(arm: ArmSums, minutes: number, withAi: boolean): void {
  arm.notes++;
  arm.sum += minutes;
  arm.sumSq += minutes * minutes;
  if (withAi) arm.aiNotes++;
}

interface Compared {
  cluster: string;
  d: number;
  c: number;
  v: number;
  /** for an imported comparison: the clinician's AI mean (d = imported mean − yA) */
  yA: number | null;
  notes: number;
}

const varianceOf = (n: number, sum: number, sumSq: number) => (n > 1 ? Math.max(0, sumSq - (sum * sum) / n) / (n - 1) : 0);

export function estimateTimeSaved(input: TimeSavedInput, options: TimeSavedOptions = {}): TimeSavedEstimate {
  const { iterations = 2000, seed = 20240601, confidence = 0.95, minClinicians = MIN_CLINICIANS, smallSampleCorrection = true } = options;
  const imported = input.design === 'free' ? (input.imported ?? []) : [];
  const useImported = imported.length >= MIN_CLINICIANS;
  const impN = imported.length;
  const impMean = impN ? imported.reduce((s, x) => s + x, 0) / impN : 0;
  const impVar = varianceOf(impN, impN * impMean, imported.reduce((s, x) => s + x * x, 0));

  // pooled within-clinician variance of one note, over every side with two or more notes
  let ss = 0;
  let df = 0;
  for (const c of input.clinicians) {
    for (const arm of [c.ai, c.baseline]) {
      if (arm.notes > 1) {
        ss += Math.max(0, arm.sumSq - (arm.sum * arm.sum) / arm.notes);
        df += arm.notes - 1;
      }
    }
  }
  const within = df > 0 ? ss / df : useImported ? impVar : 0;

  const compared: Compared[] = [];
  let withoutComparison = 0;
  let importedClinicians = 0;
  for (const c of input.clinicians) {
    const { ai: a, baseline: b } = c;
    if (a.notes + b.notes === 0) continue;
    const cluster = c.cluster ?? c.clinician;
    if (a.notes > 0 && b.notes > 0) {
      const d = b.sum / b.notes - a.sum / a.notes;
      const share = a.aiNotes / a.notes - b.aiNotes / b.notes;
      compared.push({ cluster, d, c: share, v: within * (1 / a.notes + 1 / b.notes), yA: null, notes: a.notes + b.notes });
    } else if (a.notes > 0 && useImported) {
      const yA = a.sum / a.notes;
      importedClinicians++;
      compared.push({ cluster, d: impMean - yA, c: a.aiNotes / a.notes, v: within / a.notes + impVar / impN, yA, notes: a.notes });
    } else withoutComparison++;
  }

  // sorted: the same data in any row order gives the same interval
  const clusters = [...new Set(compared.map((x) => x.cluster))].sort();
  const base = {
    design: input.design,
    clinicians: compared.length,
    notes: compared.reduce((s, x) => s + x.notes, 0),
    importedClinicians,
    withoutComparison,
    clusters: clusters.length,
  };
  const none = { estimate: null, lower: null, upper: null, iterations: 0 };
  if (compared.length < minClinicians || clusters.length < 2) {
    return { ...base, ...none, variance: { withinSd: null, betweenSd: null, compliance: null }, suppressed: compared.length === 0 ? null : TOO_FEW_CLINICIANS_SV };
  }

  const tau2 = betweenVariance(compared);
  let sw = 0;
  let swc = 0;
  for (const x of compared) {
    sw += 1 / (tau2 + x.v || 1);
    swc += x.c / (tau2 + x.v || 1);
  }
  const variance: VarianceComponents = { withinSd: Math.sqrt(within), betweenSd: Math.sqrt(tau2), compliance: swc / sw, designEffect: null };
  if (!(Math.abs(swc) > 1e-9)) return { ...base, ...none, variance, suppressed: 'ingen skillnad i AI-användning mellan perioderna' };
  const estimate = weightedEstimate(compared, tau2);
  variance.designEffect = designEffect(compared, tau2, estimate);

  // Each resample redraws whole clusters and repeats the whole procedure
  // (imported mean, τ², weights), so the interval carries the weights' own
  // uncertainty too.
  const members = clusters.map(() => [] as number[]);
  const index = new Map(clusters.map((k, i) => [k, i]));
  compared.forEach((x, i) => members[index.get(x.cluster)!]!.push(i));
  const G = clusters.length;
  const random = seededRandom(seed);
  const stats: number[] = [];
  const drawn: Compared[] = [];
  for (let it = 0; it < iterations; it++) {
    let mean = impMean;
    if (importedClinicians > 0) {
      let s = 0;
      for (let j = 0; j < impN; j++) s += imported[Math.floor(random() * impN)]!;
      mean = s / impN;
    }
    drawn.length = 0;
    for (let j = 0; j < G; j++) {
      for (const i of members[Math.floor(random() * G)]!) {
        const x = compared[i]!;
        drawn.push(x.yA === null ? x : { ...x, d: mean - x.yA });
      }
    }
    const theta = weightedEstimate(drawn, betweenVariance(drawn));
    if (Number.isFinite(theta)) stats.push(theta);
  }
  let interval: { lower: number; upper: number } | null;
  if (smallSampleCorrection) interval = clusterTInterval(estimate, stats, G, confidence);
  else {
    const tail = (1 - confidence) / 2;
    stats.sort((x, y) => x - y);
    interval = { lower: quantile(stats, tail), upper: quantile(stats, 1 - tail) };
  }
  const { lower = null, upper = null } = interval ?? {};
  return { ...base, estimate, lower, upper, iterations: stats.length, variance, suppressed: null };
}

/** Σ w·d / Σ w·c with w = 1 / (τ² + v); equal weights when every v and τ² are 0. */
function weightedEstimate(xs: readonly Compared[], tau2: number): number {
  let num = 0;
  let den = 0;
  for (const x of xs) {
    const w = 1 / (tau2 + x.v || 1);
    num += w * x.d;
    den += w * x.c;
  }
  return num / den;
}

/** Σ over clusters of (Σ wᵢ·(dᵢ − θ·cᵢ))² ÷ Σ over clinicians of (wᵢ·(dᵢ − θ·cᵢ))²: how much the units' shared part widens the interval. */
function designEffect(xs: readonly Compared[], tau2: number, theta: number): number | null {
  const perCluster = new Map<string, number>();
  let independent = 0;
  for (const x of xs) {
    const r = (x.d - theta * x.c) / (tau2 + x.v || 1);
    independent += r * r;
    perCluster.set(x.cluster, (perCluster.get(x.cluster) ?? 0) + r);
  }
  if (perCluster.size === xs.length) return 1;
  let clustered = 0;
  for (const r of perCluster.values()) clustered += r * r;
  return independent > 0 ? clustered / independent : null;
}

/** DerSimonian–Laird: the between-clinician variance of the true differences, from the spread beyond sampling noise. */
function betweenVariance(xs: readonly Compared[]): number {
  if (xs.length < 2 || xs.some((x) => !(x.v > 0))) return 0;
  let s0 = 0;
  let s1 = 0;
  let sd = 0;
  let sc = 0;
  for (const x of xs) {
    const w = 1 / x.v;
    s0 += w;
    s1 += w * w;
    sd += w * x.d;
    sc += w * x.c;
  }
  const theta = sd / sc;
  let q = 0;
  for (const x of xs) q += ((x.d - theta * x.c) ** 2) / x.v;
  return Math.max(0, (q - (xs.length - 1)) / (s0 - s1 / s0));
}
