/**
 * The pre-registered rule for time saved (analysis plan §1): time is saved
 * only when the whole 95 % interval lies above zero, and takes longer only
 * when it lies wholly below. The dashboard and the reports read it from here
 * so that neither can call a saving "sparad" that the other calls uncertain.
 */
export type TimeVerdict = 'sparad' | 'längre' | 'osäker' | 'saknas';

export function timeVerdict(saved: { mean: number | null; meanCi?: { lower: number; upper: number } | null }): TimeVerdict {
  if (saved.mean === null) return 'saknas';
  if (saved.meanCi && saved.meanCi.lower > 0) return 'sparad';
  if (saved.meanCi && saved.meanCi.upper < 0) return 'längre';
  return 'osäker';
}

/** The words the reports and the dashboard use for an uncertain saving. */
export const UNCERTAIN_TIME_SV = 'ingen tidsvinst visad (intervallet omfattar noll)';
