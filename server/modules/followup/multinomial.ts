/**
 * Exact multinomial draws for the bootstrap of series with few distinct
 * values (ratings 1–5 of tens of thousands of notes). Drawing n notes with
 * replacement from K distinct values is the same, in distribution, as
 * drawing the K counts from Multinomial(n, shares): K binomial draws instead
 * of n index draws. Binomials by inversion, searching outward from the mode
 * (Kemp 1986), so one draw costs O(1 + standard deviation) steps and uses
 * one uniform number.
 */

/** log(k!): summed for small k, Stirling's series beyond (absolute error < 2e-12). */
const SMALL = 16;
const LOG_FACTORIAL: number[] = [0];
for (let k = 1; k < SMALL; k++) LOG_FACTORIAL.push(LOG_FACTORIAL[k - 1]! + Math.log(k));
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

export function logFactorial(k: number): number {
  if (k < SMALL) return LOG_FACTORIAL[k]!;
  const x = k + 1;
  const x2 = x * x;
  return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + (1 / 12 - (1 / 360 - 1 / (1260 * x2)) / x2) / x;
}

/** One draw from Binomial(n, p) for a uniform u in [0, 1). */
export function binomial(n: number, p: number, u: number): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const atMode = Math.exp(logFactorial(n) - logFactorial(mode) - logFactorial(n - mode) + mode * Math.log(p) + (n - mode) * Math.log(q));
  let cum = atMode;
  if (u < cum) return mode;
  // Visit outcomes in the fixed order mode, mode+1, mode−1, mode+2, … (each
  // side while it has outcomes left): inversion in any fixed order is exact.
  let up = mode;
  let down = mode;
  let pUp = atMode;
  let pDown = atMode;
  let last = mode;
  while (up < n || down > 0) {
    if (up < n) {
      pUp *= ((n - up) / (up + 1)) * (p / q);
      up++;
      cum += pUp;
      last = up;
      if (u < cum) return up;
    }
    if (down > 0) {
      pDown *= (down / (n - down + 1)) * (q / p);
      down--;
      cum += pDown;
      last = down;
      if (u < cum) return down;
    }
  }
  // u beyond the summed mass by rounding (≈ 1e-12): the last outcome visited.
  return last;
}

/**
 * Counts of `n` draws over categories with the given shares (summing to 1),
 * by conditional binomials, written into `out`.
 */
export function multinomial(n: number, shares: Float64Array, random: () => number, out: Int32Array): void {
  let left = n;
  let mass = 1;
  const last = shares.length - 1;
  for (let k = 0; k < last; k++) {
    const c = left > 0 ? binomial(left, Math.min(1, shares[k]! / mass), random()) : 0;
    out[k] = c;
    left -= c;
    mass -= shares[k]!;
  }
  out[last] = left;
}
