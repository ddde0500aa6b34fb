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
 * text is empty or not a number. The client's inputs all read numbers with it.
 */
export function parseSvNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-').replace(',', '.');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : null;
}

/** A share 0–1 as a whole percentage: 0.813 → "81 %". */
export const svPercent = (share: number | null | undefined, digits = 0): string =>
  share === null || share === undefined || !Number.isFinite(share) ? 'saknas' : `${svNumber(share * 100, digits)} %`;

/** "1 anteckning" / "3 anteckningar": the count with the right form of the noun. */
export const svCount = (n: number, one: string, many: string): string => `${svNumber(n, 0)} ${n === 1 ? one : many}`;
