import { svPercent } from '../../../../server/contracts/sv-number';

/** "72 %", or "–" when there is nothing to show. */
export const pct = (x: number | null) => (x === null ? '–' : svPercent(x));
export const seconds = (ms: number | null) => (ms === null ? '–' : `${Math.round(ms / 1000)} s`);
