/**
 * Time saved under a stepped schedule, adjusted for calendar time.
 *
 * In a stepped design every clinician (or care unit) starts without AI and
 * switches for good at a drawn period, so a clinician's AI periods are always
 * later than their baseline periods. Anything that changes over the pilot's
 * weeks (clinicians getting faster with the templates, the season, a new
 * EHR release) then looks like an effect of AI in a within-clinician
 * comparison. The periods' own effect is estimated from the clinicians who
 * are in different arms in the same period and removed: a regression of the
 * note's minutes on the assignment with a fixed effect per clinician and per
 * period (note-weighted least squares, two-way fixed effects), divided — as
 * in time-saved.ts — by the same regression of AI use on the assignment
 * (Wald / instrumental-variable estimator: overrides are counted and do not
 * bias it).
 *
 * Computation: the fixed effects are absorbed in closed form. Per clinician
 * the cross-products of (period dummies, assignment) with themselves, with
 * minutes and with AI use, within-clinician centred, are summed once; an
 * estimate is then a small solve over the periods. The cluster bootstrap
 * (whole care units with their clinicians, or whole clinicians) only re-adds
 * those per-cluster sums, so thousands of resamples take milliseconds. The
 * interval is time-saved.ts's: estimate ± t(G−1) · √(G/(G−1)) · SE.
 */
import { seededRandom } from './bootstrap';
import { clusterTInterval } from './cluster-bootstrap';
import { MIN_CLINICIANS, TOO_FEW_CLINICIANS_SV, type TimeSavedEstimate, type TimeSavedOptions } from './time-saved';

/** One clinician's notes in one period of the schedule. */
export interface PeriodCell {
  clinician: string;
  /** the resampling unit: the care unit when periods were assigned per unit, else the clinician */
  cluster: string;
  /** 0-based period of the schedule */
  period: number;
  assignedAi: boolean;
  notes: number;
  /** Σ minutes */
  sum: number;
  /** Σ minutes² */
  sumSq: number;
  /** notes written with AI */
  aiNotes: number;
}

/** Per-cluster sums: Q (x·x'), ry (x·minutes), rc (x·AI use), x = (period dummies 1…P−1, assignment). */
interface Sums {
  q: Float64Array;
  ry: Float64Array;
  rc: Float64Array;
}

function clusterSums(cells: readonly PeriodCell[], periods: number): Sums {
  const k = periods; // P − 1 dummies + the assignment
  const sums: Sums = { q: new Float64Array(k * k), ry: new Float64Array(k), rc: new Float64Array(k) };
  const byClinician = new Map<string, PeriodCell[]>();
  for (const c of cells) byClinician.set(c.clinician, [...(byClinician.get(c.clinician) ?? []), c]);
  const x = new Float64Array(k);
  for (const own of byClinician.values()) {
    // centring within the clinician absorbs their fixed effect
    const s = new Float64Array(k);
    let n = 0;
    let sy = 0;
    let sc = 0;
    for (const c of own) {
      vector(c, x);
      for (let a = 0; a < k; a++) {
        s[a]! += c.notes * x[a]!;
        sums.ry[a]! += x[a]! * c.sum;
        sums.rc[a]! += x[a]! * c.aiNotes;
        for (let b = 0; b < k; b++) sums.q[a * k + b]! += c.notes * x[a]! * x[b]!;
      }
      n += c.notes;
      sy += c.sum;
      sc += c.aiNotes;
    }
    if (n === 0) continue;
    for (let a = 0; a < k; a++) {
      sums.ry[a]! -= (s[a]! * sy) / n;
      sums.rc[a]! -= (s[a]! * sc) / n;
      for (let b = 0; b < k; b++) sums.q[a * k + b]! -= (s[a]! * s[b]!) / n;
    }
  }
  return sums;
}

function vector(c: PeriodCell, x: Float64Array): void {
  x.fill(0);
  if (c.period > 0) x[c.period - 1] = 1;
  x[x.length - 1] = c.assignedAi ? 1 : 0;
}

/**
 * (z̃·minutes, z̃·AI use, z̃·z̃): the assignment's cross-products after the
 * period dummies are partialled out. Periods without information (no notes,
 * or collinear in a resample) are dropped by skipping their pivot.
 */
function partialled(q: Float64Array, ry: Float64Array, rc: Float64Array, k: number): { y: number; c: number; z: number } {
  const d = k - 1;
  const m = d + 3; // augmented columns: Qdz, rd_y, rd_c
  const a = new Float64Array(d * m);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) a[i * m + j] = q[i * k + j]!;
    a[i * m + d] = q[i * k + d]!;
    a[i * m + d + 1] = ry[i]!;
    a[i * m + d + 2] = rc[i]!;
  }
  // Gauss–Jordan on the symmetric Qdd; near-zero pivots mean a period without information
  const used: boolean[] = new Array(d).fill(false);
  for (let col = 0; col < d; col++) {
    const pivot = a[col * m + col]!;
    if (!(Math.abs(pivot) > 1e-9 * (1 + Math.abs(q[col * k + col]!)))) continue;
    used[col] = true;
    for (let j = 0; j < m; j++) a[col * m + j]! /= pivot;
    for (let i = 0; i < d; i++) {
      if (i === col) continue;
      const f = a[i * m + col]!;
      if (f !== 0) for (let j = 0; j < m; j++) a[i * m + j]! -= f * a[col * m + j]!;
    }
  }
  // v = Qdd⁻¹ Qdz; z̃·w = r_z,w − Qzd · Qdd⁻¹ r_d,w
  let y = ry[d]!;
  let c = rc[d]!;
  let z = q[d * k + d]!;
  for (let i = 0; i < d; i++) {
    if (!used[i]) continue;
    const qzd = q[d * k + i]!;
    y -= qzd * a[i * m + d + 1]!;
    c -= qzd * a[i * m + d + 2]!;
    z -= qzd * a[i * m + d]!;
  }
  return { y, c, z };
}

export function estimatePeriodAdjusted(cells: readonly PeriodCell[], options: TimeSavedOptions = {}): TimeSavedEstimate {
  const { iterations = 2000, seed = 20240601, confidence = 0.95, minClinicians = MIN_CLINICIANS } = options;
  const used = cells.filter((c) => c.notes > 0);
  const clinicians = new Set(used.map((c) => c.clinician));
  const clusters = [...new Set(used.map((c) => c.cluster))].sort();
  const periods = used.reduce((m, c) => Math.max(m, c.period + 1), 1);
  let ss = 0;
  let df = 0;
  for (const c of used) {
    if (c.notes > 1) {
      ss += Math.max(0, c.sumSq - (c.sum * c.sum) / c.notes);
      df += c.notes - 1;
    }
  }
  const base = {
    design: 'schedule' as const,
    clinicians: clinicians.size,
    notes: used.reduce((s, c) => s + c.notes, 0),
    importedClinicians: 0,
    withoutComparison: 0,
    clusters: clusters.length,
  };
  const none = { estimate: null, lower: null, upper: null, iterations: 0 };
  const withinSd = df > 0 ? Math.sqrt(ss / df) : null;
  if (clinicians.size < minClinicians || clusters.length < 2) {
    return { ...base, ...none, variance: { withinSd, betweenSd: null, compliance: null }, suppressed: clinicians.size === 0 ? null : TOO_FEW_CLINICIANS_SV };
  }
  const k = periods;
  const perCluster = clusters.map((g) => clusterSums(used.filter((c) => c.cluster === g), periods));
  const total = (pick: (s: Sums) => Float64Array, size: number, draw: (j: number) => number) => {
    const out = new Float64Array(size);
    for (let j = 0; j < clusters.length; j++) {
      const s = pick(perCluster[draw(j)]!);
      for (let i = 0; i < size; i++) out[i]! += s[i]!;
    }
    return out;
  };
  const full = (j: number) => j;
  const p = partialled(total((s) => s.q, k * k, full), total((s) => s.ry, k, full), total((s) => s.rc, k, full), k);
  const compliance = p.z > 1e-9 ? p.c / p.z : null;
  const variance = { withinSd, betweenSd: null, compliance };
  if (!(Math.abs(p.c) > 1e-9)) return { ...base, ...none, variance, suppressed: 'ingen skillnad i AI-användning mellan perioderna' };
  const estimate = -p.y / p.c;

  const random = seededRandom(seed);
  const G = clusters.length;
  const stats: number[] = [];
  const picks = new Int32Array(G);
  const draw = (j: number) => picks[j]!;
  for (let it = 0; it < iterations; it++) {
    for (let j = 0; j < G; j++) picks[j] = Math.floor(random() * G);
    const r = partialled(total((s) => s.q, k * k, draw), total((s) => s.ry, k, draw), total((s) => s.rc, k, draw), k);
    // a resample in which no period has clusters in both arms says nothing about AI
    if (Math.abs(r.c) > 1e-9 && r.z > 1e-9) stats.push(-r.y / r.c);
  }
  const interval = clusterTInterval(estimate, stats, G, confidence);
  return { ...base, estimate, lower: interval?.lower ?? null, upper: interval?.upper ?? null, iterations: stats.length, variance, suppressed: null };
}
