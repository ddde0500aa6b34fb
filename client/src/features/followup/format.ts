/** Swedish number formatting for the dashboard; "–" where a figure is missing or suppressed. */
export const num = (x: number | null | undefined, digits = 1) =>
  x == null || !Number.isFinite(x) ? '–' : x.toLocaleString('sv-SE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const pct = (x: number | null | undefined) => (x == null ? '–' : `${num(x * 100, 0)} %`);
export const ci = (c: { lower: number; upper: number } | null, digits = 1) => (c ? `${num(c.lower, digits)} till ${num(c.upper, digits)}` : '–');
export const kr = (x: number | null | undefined) => (x == null ? '–' : `${Math.round(x).toLocaleString('sv-SE')} kr`);
