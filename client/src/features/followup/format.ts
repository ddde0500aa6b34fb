import type { LegendPayload } from 'recharts';

/** Swedish number formatting for the dashboard; "–" where a figure is missing or suppressed. */
export const num = (x: number | null | undefined, digits = 1) =>
  x == null || !Number.isFinite(x) ? '–' : x.toLocaleString('sv-SE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
export const pct = (x: number | null | undefined) => (x == null ? '–' : `${num(x * 100, 0)} %`);
export const kr = (x: number | null | undefined) => (x == null ? '–' : `${Math.round(x).toLocaleString('sv-SE')} kr`);

/**
 * A legend in the order the series are drawn (before, then after; without AI, then with). Recharts 3
 * sorts legend items alphabetically by default, which put "Efter" before "Före" and "Med AI" before
 * "Utan AI", the reverse of the bars above them.
 */
export const inDrawingOrder = (dataKeys: readonly string[]) => (item: LegendPayload) => dataKeys.indexOf(String(item.dataKey));
