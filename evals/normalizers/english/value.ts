/**
 * The number being read: an exact integer, a digit string (decimals, digit
 * sequences such as "one oh one"), or nothing yet — as in Whisper's
 * normaliser, where the type decides how the next word is attached.
 */
export type Value = bigint | string | null;

const FRACTION = /^\s*([-+]?)(?=\d|\.\d)(\d*)(?:\.(\d*))?(?:[eE]([-+]?\d+))?\s*$/;

const gcd = (a: bigint, b: bigint): bigint => {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
};

/** Python's `Fraction(str)` for decimal strings, reduced; null when Python raises ValueError. */
export function parseFraction(s: string): { num: bigint; den: bigint } | null {
  const m = FRACTION.exec(s);
  if (!m) return null;
  const [, sign, int = '', frac = '', exp = '0'] = m;
  let num = BigInt((int || '0') + frac);
  let den = 10n ** BigInt(frac.length);
  const e = Number(exp);
  if (e >= 0) num *= 10n ** BigInt(e);
  else den *= 10n ** BigInt(-e);
  if (sign === '-') num = -num;
  const g = gcd(num, den) || 1n;
  return { num: num / g, den: den / g };
}
