import { svNumber } from '../../../../server/contracts/sv-number';

/** Figures as the studio shows them, the Swedish way: shares as percent, scores with two decimals and a decimal comma, "–" when missing. */
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${svNumber(x * 100, 1, true)} %`);
export const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? '–' : svNumber(x, digits, true));
