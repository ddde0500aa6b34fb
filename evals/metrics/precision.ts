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
 */
import { studentTQuantile } from './distributions';

export interface PrecisionAssumptions {
  /** SD of one note's minutes around its clinician's mean */
  withinSd: number;
  /** SD of the true time saved between clinicians (minutes) */
  betweenSd: number;
  /** 1 without a schedule or without overrides */
  compliance?: number;
}

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
  const perClinician = a.betweenSd ** 2 + (2 * a.withinSd ** 2) / notesPerSide;
  return (studentTQuantile(1 - (1 - confidence) / 2, clinicians - 1) * Math.sqrt(clinicians / (clinicians - 1)) * Math.sqrt(perClinician / clinicians)) / c;
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
