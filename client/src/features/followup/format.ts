/** Swedish number formatting for the dashboard; "–" where a figure is missing or suppressed. */
export const num = (x: number | null | undefined, digits = 1) =>
  x == null || !Number.isFinite(x) ? '–' : x.toLocaleString('sv-SE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const pct = (x: number | null | undefined) => (x == null ? '–' : `${num(x * 100, 0)} %`);
export const kr = (x: number | null | undefined) => (x == null ? '–' : `${Math.round(x).toLocaleString('sv-SE')} kr`);
