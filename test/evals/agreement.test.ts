import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaCi, krippendorffAlpha, krippendorffAlphaCi } from '../../evals/metrics/agreement';
import { bootstrapCi, seededRandom } from '../../evals/metrics/bootstrap';

// Krippendorff (2011), "Computing Krippendorff's alpha-reliability", §C:
// 4 observers × 12 units with missing values, transposed to units × raters.
const observers = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const units = observers[0]!.map((_, u) => observers.map((o) => o[u] ?? null));

describe('Krippendorff α on the published example', () => {
  it('matches the paper to three decimals', () => {
    expect(krippendorffAlpha(units, 'nominal')).toBeCloseTo(0.743, 3);
    expect(krippendorffAlpha(units, 'ordinal')).toBeCloseTo(0.815, 3);
    expect(krippendorffAlpha(units, 'interval')).toBeCloseTo(0.849, 3);
  });

  it('is 1 for perfect agreement and ignores units with a single value', () => {
    expect(krippendorffAlpha([[1, 1], [2, 2], [3, null], [5, 5]], 'interval')).toBe(1);
  });

  it('is NaN when there is nothing to compare', () => {
    expect(krippendorffAlpha([[1, null], [null, 2]], 'interval')).toBeNaN();
    expect(krippendorffAlpha([[3, 3], [3, 3]], 'ordinal')).toBeNaN();
  });

  it('has a reproducible bootstrap CI around the estimate', () => {
    const a = krippendorffAlphaCi(units, 'interval', { iterations: 500, seed: 7 });
    const b = krippendorffAlphaCi(units, 'interval', { iterations: 500, seed: 7 });
    expect(a).toEqual(b);
    expect(a.estimate).toBeCloseTo(0.849, 3);
    expect(a.lower).toBeLessThan(a.estimate);
    expect(a.upper).toBeGreaterThanOrEqual(a.estimate);
  });
});

describe('Cohen κ', () => {
  // 2×2 textbook example: yes/yes 20, yes/no 5, no/yes 10, no/no 15 → po 0.7, pe 0.5, κ 0.4.
  const a = [...Array(20).fill(1), ...Array(5).fill(1), ...Array(10).fill(0), ...Array(15).fill(0)] as number[];
  const b = [...Array(20).fill(1), ...Array(5).fill(0), ...Array(10).fill(1), ...Array(15).fill(0)] as number[];

  it('matches the 2×2 example', () => {
    expect(cohenKappa(a, b)).toBeCloseTo(0.4, 10);
    // With two categories quadratic weights change nothing.
    expect(cohenKappa(a, b, 'quadratic')).toBeCloseTo(0.4, 10);
  });

  it('quadratic κ equals 2·cov / (var_a + var_b + (mean_a − mean_b)²)', () => {
    const r1 = [1, 2, 3, 4, 5, 3, 2, 4, 5, 1, 3, 3];
    const r2 = [1, 3, 3, 5, 4, 2, 2, 4, 5, 2, 4, 3];
    const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
    const ma = mean(r1);
    const mb = mean(r2);
    const cov = mean(r1.map((v, i) => (v - ma) * (r2[i]! - mb)));
    const va = mean(r1.map((v) => (v - ma) ** 2));
    const vb = mean(r2.map((v) => (v - mb) ** 2));
    expect(cohenKappa(r1, r2, 'quadratic')).toBeCloseTo((2 * cov) / (va + vb + (ma - mb) ** 2), 10);
    expect(cohenKappa(r1, r2, 'quadratic')).toBeGreaterThan(cohenKappa(r1, r2));
  });

  it('drops pairs with a missing rating and rejects unequal lengths', () => {
    expect(cohenKappa([...a, null], [...b, 1])).toBeCloseTo(0.4, 10);
    expect(() => cohenKappa([1], [1, 2])).toThrow(RangeError);
  });

  it('has a seeded bootstrap CI', () => {
    const ci = cohenKappaCi(a, b, 'none', { iterations: 400, seed: 3 });
    expect(ci).toEqual(cohenKappaCi(a, b, 'none', { iterations: 400, seed: 3 }));
    expect(ci.lower).toBeLessThan(0.4);
    expect(ci.upper).toBeGreaterThan(0.4);
  });
});

describe('bootstrapCi', () => {
  it('is seeded and differs between seeds', () => {
    const rnd = seededRandom(11);
    const xs = Array.from({ length: 60 }, () => rnd());
    const mean = (s: readonly number[]) => s.reduce((a, b) => a + b, 0) / s.length;
    const one = bootstrapCi(xs, mean, { iterations: 300, seed: 1 });
    expect(bootstrapCi(xs, mean, { iterations: 300, seed: 1 })).toEqual(one);
    expect(bootstrapCi(xs, mean, { iterations: 300, seed: 2 }).lower).not.toBe(one.lower);
    expect(one.lower).toBeLessThan(one.estimate);
    expect(one.upper).toBeGreaterThan(one.estimate);
  });

  it('rejects nonsense options', () => {
    expect(() => bootstrapCi([1, 2], (s) => s.length, { confidence: 1.2 })).toThrow(RangeError);
  });
});
