/**
 * How many clinicians (and notes) a pilot needs for the time-saved interval
 * to reach a chosen half-width (± 30 s by default), for the estimator in
 * time-saved.ts. With G clinicians writing m notes on each side, one
 * clinician's own difference has variance τ² + 2σ²/m (σ the SD of one note
 * around the clinician's mean, τ the SD of the true saving between
 * clinicians); under a schedule with compliance c (how much more often AI is
 * used in AI periods) the estimate's SD is divided by c. The half-width is
 * t(G−1) · √(G/(G−1)) · √((τ² + 2σ²/m) / G) / c — the interval the dashboard
 * prints — and G is the smallest number of clinicians (at least five) that
 * reaches it. Pure; the dashboard and the report share it.
 *
 * Under a schedule assigned per care unit the interval comes from resampling
 * whole units, whose clinicians share part of their saving and their busy
 * weeks: the variance is multiplied by the design effect D (observed by the
 * estimator, else 1 + (k − 1)·ρ with k clinicians per unit and an assumed
 * intra-unit correlation ρ) and the t quantile has U − 1 degrees of freedom,
 * U = G / k units: t(U−1) · √(U/(U−1)) · √(D · (τ² + 2σ²/m) / G) / c.
 */
import { studentTQuantile } from './distributions';

export interface PrecisionAssumptions {
  /** SD of one note's minutes around its clinician's mean */
  withinSd: number;
  /** SD of the true time saved between clinicians (minutes) */
  betweenSd: number;
  /** 1 without a schedule or without overrides */
  compliance?: number;
  /** variance inflation from resampling whole care units (1: the clinician is the unit) */
  designEffect?: number;
  /** clinicians per resampled unit (1: the clinician is the unit) */
  clusterSize?: number;
}

/** ρ assumed between clinicians of one care unit when no per-unit data exist yet (stated in the dashboard and the report) */
export const ASSUMED_UNIT_ICC = 0.05;
/** clinicians per care unit assumed before any unit has notes (the validation's units have 2–5) */
export const ASSUMED_UNIT_SIZE = 4;

/** 1 + (k − 1)·ρ: the textbook design effect of clusters of k with intra-cluster correlation ρ. */
export const assumedDesignEffect = (clusterSize: number, icc = ASSUMED_UNIT_ICC) => 1 + Math.max(0, clusterSize - 1) * icc;

export interface PrecisionRow {
  notesPerSide: number;
  /** null: not reachable with 5,000 clinicians */
  clinicians: number | null;
  notes: number | null;
}

export const DEFAULT_HALF_WIDTH_MIN = 0.5;
export const NOTES_PER_SIDE = [5, 10, 20, 40] as const;
const MAX_CLINICIANS = 5000;

export function halfWidth(a: PrecisionAssumptions, clinicians: number, notesPerSide: number, confidence = 0.95): number {
  const c = a.compliance ?? 1;
  const d = a.designEffect ?? 1;
  const perClinician = a.betweenSd ** 2 + (2 * a.withinSd ** 2) / notesPerSide;
  // the resampled units: as many as the clinicians fill, at least two
  const units = Math.max(2, clinicians / Math.max(1, a.clusterSize ?? 1));
  return (studentTQuantile(1 - (1 - confidence) / 2, units - 1) * Math.sqrt(units / (units - 1)) * Math.sqrt((d * perClinician) / clinicians)) / c;
}

export function cliniciansNeeded(a: PrecisionAssumptions, target: number, notesPerSide: number, confidence = 0.95): number | null {
  if (!(target > 0) || !(notesPerSide >= 1) || !((a.compliance ?? 1) > 0)) return null;
  if (halfWidth(a, MAX_CLINICIANS, notesPerSide, confidence) > target) return null;
  // the half-width falls as clinicians are added: bisect on G
  let lo = 5;
  let hi = MAX_CLINICIANS;
  if (halfWidth(a, lo, notesPerSide, confidence) <= target) return lo;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (halfWidth(a, mid, notesPerSide, confidence) <= target) hi = mid;
    else lo = mid;
  }
  return hi;
}

export function precisionTable(a: PrecisionAssumptions, target = DEFAULT_HALF_WIDTH_MIN, sides: readonly number[] = NOTES_PER_SIDE): PrecisionRow[] {
  return sides.map((m) => {
    const g = cliniciansNeeded(a, target, m);
    return { notesPerSide: m, clinicians: g, notes: g === null ? null : g * 2 * m };
  });
}
