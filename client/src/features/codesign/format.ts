/** Figures as the studio shows them: shares as percent, scores with two decimals, "–" when missing. */
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)} %`);
export const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '–' : x.toFixed(digits));
export const LABEL_NAMES: Record<string, string> = { utkast: 'Utkast', test: 'Test', produktion: 'Produktion' };
