/**
 * Numbers as Swedish readers write them: decimal comma, a space between
 * thousands (U+00A0 from Intl replaced by a plain space so text exports and
 * tests compare simply), a minus sign, and "saknas" for a missing value.
 * Shared by server messages, exports and the client.
 */
export function svNumber(x: number | null | undefined, digits = 2, fixed = false): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return 'saknas';
  return x
    .toLocaleString('sv-SE', { minimumFractionDigits: fixed ? digits : 0, maximumFractionDigits: digits })
    .replace(/[\u00a0\u202f]/g, ' ');
}

/**
 * Reads a number typed the Swedish way, the inverse of svNumber: spaces
 * between thousands ("20 000"), a decimal comma ("62,5"; a point is taken
 * too), a minus sign; "0," on its way to "0,7" reads as 0. Null when the
 * text is empty or not a number. The client's number fields read their text
 * with readNumberField (client/src/format/number-field.ts), built on this.
 */
export function parseSvNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-').replace(',', '.');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : null;
}

/**
 * What a number field holds: nothing, a number, or text that is no number.
 * parseSvNumber says null for both empty and "abc"; a form must tell them
 * apart, because an empty field can mean "no requirement" and a mistyped one
 * must never be read that way.
 */
export type SvNumberInput = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'invalid' };
export function readSvNumber(text: string): SvNumberInput {
  if (!text.trim()) return { kind: 'empty' };
  const value = parseSvNumber(text);
  return value === null ? { kind: 'invalid' } : { kind: 'number', value };
}

/**
 * A 95 % interval written the one way the workbench writes intervals: "4,3 till 7,2" (+ unit), both ends
 * with the decimals of the estimate beside it. "till", not a dash, because either end may be negative.
 * "–" when there is no interval.
 */
export function svInterval(c: { lower: number | null; upper: number | null } | null | undefined, digits: number, unit = ''): string {
  if (!c || c.lower === null || c.upper === null || !Number.isFinite(c.lower) || !Number.isFinite(c.upper)) return '–';
  return `${svNumber(c.lower, digits, true)} till ${svNumber(c.upper, digits, true)}${unit ? ` ${unit}` : ''}`;
}

/** A share 0–1 as a whole percentage: 0.813 → "81 %". */
export const svPercent = (share: number | null | undefined, digits = 0): string =>
  share === null || share === undefined || !Number.isFinite(share) ? 'saknas' : `${svNumber(share * 100, digits)} %`;

/** "1 anteckning" / "3 anteckningar": the count with the right form of the noun. */
export const svCount = (n: number, one: string, many: string): string => `${svNumber(n, 0)} ${n === 1 ? one : many}`;
