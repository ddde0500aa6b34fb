import { describe, expect, it } from 'vitest';
import { characterErrorRate, corpusErrorRate, wordErrorRate, wordErrorRateOfWords } from '../../evals/metrics/wer';

/**
 * Full-matrix Levenshtein with the Omi benchmark's backtrace (match, then
 * substitution, then deletion, else insertion), to check the banded version.
 */
function reference(ref: string[], hyp: string[]) {
  const m = ref.length, n = hyp.length;
  const dp = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      dp[i]![j] = ref[i - 1] === hyp[j - 1] ? dp[i - 1]![j - 1]! : 1 + Math.min(dp[i - 1]![j]!, dp[i]![j - 1]!, dp[i - 1]![j - 1]!);
    }
  }
  let i = m, j = n, s = 0, d = 0, ins = 0;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && ref[i - 1] === hyp[j - 1]) { i--; j--; }
    else if (i > 0 && j > 0 && dp[i]![j] === dp[i - 1]![j - 1]! + 1) { s++; i--; j--; }
    else if (i > 0 && dp[i]![j] === dp[i - 1]![j]! + 1) { d++; i--; }
    else { ins++; j--; }
  }
  return { distance: dp[m]![n]!, s, d, ins };
}

function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('wordErrorRate', () => {
  it('counts substitutions, deletions and insertions', () => {
    const r = wordErrorRate('hon har ont i magen sedan igår', 'hon hade ont magen sedan igår kväll');
    expect([r.substitutions, r.deletions, r.insertions]).toEqual([1, 1, 1]);
    expect(r.rate).toBeCloseTo(3 / 7, 12);
    expect(r.alignment).toEqual([
      { op: 'equal', ref: 'hon', hyp: 'hon' },
      { op: 'sub', ref: 'har', hyp: 'hade' },
      { op: 'equal', ref: 'ont', hyp: 'ont' },
      { op: 'del', ref: 'i', hyp: null },
      { op: 'equal', ref: 'magen', hyp: 'magen' },
      { op: 'equal', ref: 'sedan', hyp: 'sedan' },
      { op: 'equal', ref: 'igår', hyp: 'igår' },
      { op: 'ins', ref: null, hyp: 'kväll' },
    ]);
  });

  it('applies the chosen normaliser to both sides', () => {
    const ref = 'Blodtrycket är hundrafyrtio över nittio.';
    const hyp = 'blodtrycket är 140/90';
    expect(wordErrorRate(ref, hyp, 'swedish').rate).toBe(0);
    expect(wordErrorRate(ref, hyp, 'none').rate).toBeCloseTo(4 / 5, 12);
  });

  it('defines the rate of an empty reference as 1 with words, 0 without', () => {
    expect(wordErrorRate('', 'hej').rate).toBe(1);
    expect(wordErrorRate('', '').rate).toBe(0);
    expect(wordErrorRate('hej', '').rate).toBe(1);
  });

  it('gives the same counts as the full-matrix algorithm with the same tie-breaking', () => {
    const rand = lcg(3);
    const vocab = ['och', 'att', 'hosta', 'feber', 'ont', 'i', 'magen', 'sedan', 'tre', 'dagar'];
    const sentence = (n: number) => Array.from({ length: n }, () => vocab[Math.floor(rand() * vocab.length)]!);
    for (let t = 0; t < 300; t++) {
      const ref = sentence(Math.floor(rand() * 60));
      // Hypotheses close to the reference (realistic) and unrelated ones (worst case for the band).
      const hyp = t % 3 === 0 ? sentence(Math.floor(rand() * 60)) : ref.flatMap((w) => {
        const x = rand();
        return x < 0.08 ? [] : x < 0.16 ? [vocab[Math.floor(rand() * vocab.length)]!] : x < 0.22 ? [w, 'eh'] : [w];
      });
      const got = wordErrorRateOfWords(ref, hyp);
      const want = reference(ref, hyp);
      expect([got.errors, got.substitutions, got.deletions, got.insertions]).toEqual([want.distance, want.s, want.d, want.ins]);
      expect(got.alignment.filter((a) => a.op !== 'ins').map((a) => a.ref)).toEqual(ref);
      expect(got.alignment.filter((a) => a.op !== 'del').map((a) => a.hyp)).toEqual(hyp);
    }
  });
});

describe('characterErrorRate', () => {
  it('aligns characters of the normalised text', () => {
    const r = characterErrorRate('Waran', 'varan', 'swedish');
    expect(r.substitutions).toBe(1);
    expect(r.rate).toBeCloseTo(1 / 5, 12);
  });
});

describe('corpusErrorRate', () => {
  it('reports the mean of per-file rates and the pooled rate', () => {
    const a = wordErrorRate('ett två tre fyra', 'ett två tre fyra'); // 0 of 4
    const b = wordErrorRate('hosta', 'feber'); // 1 of 1
    const c = corpusErrorRate([a, b]);
    expect(c.meanRate).toBe(0.5);
    expect(c.pooledRate).toBeCloseTo(1 / 5, 12);
    expect([c.files, c.substitutions, c.referenceLength]).toEqual([2, 1, 5]);
  });
});
