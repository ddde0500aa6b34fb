import { svNumber } from '../../../../server/contracts/sv-number';

/** A figure the server measured as not measurable (null), e.g. a metric the registry cannot compute for a case. */
const NOT_MEASURABLE = 'ej mätbart';
/** A figure not there at all (undefined), e.g. the summary of a run still running. */
const ABSENT = '–';
const missing = (x: null | undefined) => (x === null ? NOT_MEASURABLE : ABSENT);

/** Figures as the studio shows them, the Swedish way: shares as percent, scores with two decimals and a decimal comma; "ej mätbart" for null, "–" when absent. */
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? missing(x) : `${svNumber(x * 100, 1, true)} %`);
export const num = (x: number | null | undefined, digits = 2) => (x === null || x === undefined ? missing(x) : svNumber(x, digits, true));
