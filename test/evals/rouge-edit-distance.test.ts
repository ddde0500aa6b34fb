import { describe, expect, it } from 'vitest';
import { editDistance, levenshtein } from '../../evals/metrics/edit-distance';

/** Textbook O(n·m) dynamic programme over code points, to check the bit-parallel version. */
function naive(a: string, b: string): number {
  const x = [...a], y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const curr = [i];
    for (let j = 1; j <= y.length; j++) {
      curr[j] = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = curr;
  }
  return prev[y.length]!;
}

/** Deterministic pseudo-random generator so failures can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('levenshtein', () => {
  it('matches known distances', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('bättre', 'sämre')).toBe(3);
    expect(levenshtein('', 'hosta')).toBe(5);
    expect(levenshtein('hosta', 'hosta')).toBe(0);
  });

  it('agrees with the textbook algorithm on random texts across block boundaries', () => {
    const rand = lcg(42);
    const alphabet = 'aäoö tsn.';
    const text = (max: number) => Array.from({ length: Math.floor(rand() * max) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let t = 0; t < 400; t++) {
      const max = t % 4 === 0 ? 200 : 40;
      const a = text(max), b = text(max);
      expect(levenshtein(a, b), `${a} | ${b}`).toBe(naive(a, b));
    }
  });

  it('handles 5,000-character notes exactly', () => {
    const rand = lcg(7);
    const base = Array.from({ length: 5000 }, () => 'abcdeåäö \n'[Math.floor(rand() * 10)]).join('');
    const edited = base.slice(0, 1200) + 'Bedömning: ändrad text.' + base.slice(1300, 4000) + base.slice(4100);
    expect(levenshtein(base, edited)).toBe(naive(base, edited));
  });

  it('counts code points after NFC, so a decomposed ä is one character', () => {
    expect(levenshtein('ma\u0308rta', 'märta')).toBe(0);
    expect(levenshtein('😀a', 'a')).toBe(1);
  });
});

describe('editDistance', () => {
  it('normalises by the longer text', () => {
    expect(editDistance('feber och hosta', 'feber och snuva')).toEqual({ distance: 4, normalized: 4 / 15, lengthA: 15, lengthB: 15 });
    expect(editDistance('', '').normalized).toBe(0);
    expect(editDistance('abc', '').normalized).toBe(1);
  });
});
