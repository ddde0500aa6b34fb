import { describe, expect, it } from 'vitest';
import { bootstrapCi, seededRandom } from '../../evals/metrics/bootstrap';
import { parseBaselineCsv, validateBaselineRows } from '../../server/modules/followup/baseline-import';
import { noteTimes } from '../../server/modules/followup/note-time';
import { editCounts } from '../../server/modules/followup/note-parts';
import { binomial, logFactorial, multinomial } from '../../server/modules/followup/multinomial';
import { difference, resample, resampleNotes } from '../../server/modules/followup/stats';

const at = (min: number) => new Date(Date.UTC(2026, 2, 1, 10, 0) + min * 60_000);
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

describe('time per note', () => {
  it('sums active editing up to the first signature and measures from the end of the consultation', () => {
    const t = noteTimes([
      { kind: 'recording_stopped', at: at(-1), valueMs: null },
      { kind: 'consultation_ended', at: at(0), valueMs: null },
      { kind: 'review_opened', at: at(3), valueMs: null },
      { kind: 'active_editing', at: at(4), valueMs: 60_000 },
      { kind: 'active_editing', at: at(6), valueMs: 90_000 },
      { kind: 'signed', at: at(7), valueMs: null },
      // an amendment after the first signature is not this note's time
      { kind: 'active_editing', at: at(30), valueMs: 600_000 },
      { kind: 'signed', at: at(31), valueMs: null },
    ]);
    expect(t).toEqual({ activeMs: 150_000, totalMs: 7 * 60_000 });
  });

  it('falls back to recording stop, then to review opened, and has no time without a signature', () => {
    expect(noteTimes([{ kind: 'recording_stopped', at: at(1), valueMs: null }, { kind: 'signed', at: at(5), valueMs: null }]).totalMs).toBe(4 * 60_000);
    expect(noteTimes([{ kind: 'review_opened', at: at(2), valueMs: null }, { kind: 'signed', at: at(5), valueMs: null }])).toEqual({ activeMs: 0, totalMs: 3 * 60_000 });
    expect(noteTimes([{ kind: 'signed', at: at(5), valueMs: null }])).toEqual({ activeMs: 0, totalMs: null });
    expect(noteTimes([{ kind: 'active_editing', at: at(1), valueMs: 5000 }])).toEqual({ activeMs: null, totalMs: null });
  });
});

describe('bootstrap', () => {
  const values = Array.from({ length: 57 }, (_, i) => Math.round(Math.exp(Math.sin(i * 1.7)) * 300) / 100);

  it('gives the same intervals as the evals library for the same seed and iterations', () => {
    // a resolution finer than the data: no rounding, so the resamples are the library's exactly
    const r = resample(values, 500, 11, 1e-9).summary;
    const m = bootstrapCi(values, mean, { iterations: 500, seed: 11 });
    const md = bootstrapCi(values, median, { iterations: 500, seed: 11 });
    expect(r.mean).toBeCloseTo(m.estimate, 12);
    expect(r.meanCi!.lower).toBeCloseTo(m.lower, 12);
    expect(r.meanCi!.upper).toBeCloseTo(m.upper, 12);
    expect(r.median).toBe(md.estimate);
    expect(r.medianCi!.lower).toBeCloseTo(md.lower, 12);
    expect(r.medianCi!.upper).toBeCloseTo(md.upper, 12);
  });

  it('resamples two series of the same notes with the same draws and skips missing values', () => {
    const total = values.map((v, i) => (i % 4 === 0 ? null : v * 2));
    const [a, b] = resampleNotes([values, total], 300, 5);
    // every present total is twice its active time, so with shared draws the resample means differ by that factor only where both exist
    expect(b!.summary.n).toBe(values.length - Math.ceil(values.length / 4));
    expect(b!.summary.mean).toBeCloseTo(mean(total.filter((x): x is number => x !== null)), 12);
    expect(a!.means.length).toBe(300);
  });

  it('rounds only the median intervals to the resolution', () => {
    const exact = resample(values, 500, 11, 1e-9).summary;
    const seconds = resample(values, 500, 11).summary;
    expect(seconds.meanCi).toEqual(exact.meanCi);
    expect(seconds.median).toBe(exact.median);
    expect(Math.abs(seconds.medianCi!.lower - exact.medianCi!.lower)).toBeLessThanOrEqual(1 / 120 + 1e-12);
  });

  it('suppresses groups under five and differences them as suppressed', () => {
    const small = resample([1, 2, 3, 4], 100, 1);
    expect(small.summary).toEqual({ n: 4, mean: null, median: null, meanCi: null, medianCi: null, suppressed: 'för få anteckningar (< 5)' });
    expect(difference(resample(values, 100, 1), small).mean).toBeNull();
  });
});

describe('multinomial resampling of few distinct values', () => {
  it('computes log factorials to 1e-12 on both sides of the Stirling switch', () => {
    let exact = 0;
    for (let k = 1; k <= 300; k++) {
      exact += Math.log(k);
      expect(Math.abs(logFactorial(k) - exact)).toBeLessThan(1e-12 * Math.max(1, exact));
    }
  });

  it('draws binomials with the right distribution, small and large', () => {
    const random = seededRandom(7);
    // small n: each outcome's frequency against its probability
    const n = 12;
    const p = 0.3;
    const draws = 60_000;
    const freq = new Array(n + 1).fill(0);
    for (let i = 0; i < draws; i++) freq[binomial(n, p, random())]++;
    for (let k = 0; k <= n; k++) {
      const prob = Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log(1 - p));
      // outcomes expected at least 10 times: within 5 standard deviations
      if (draws * prob >= 10) expect(Math.abs(freq[k] - draws * prob)).toBeLessThan(5 * Math.sqrt(draws * prob * (1 - prob)));
    }
    // large n: mean and variance
    for (const [bigN, q] of [[60_000, 0.25], [5_000, 0.002], [100, 0.999]] as const) {
      const xs = Array.from({ length: 20_000 }, () => binomial(bigN, q, random()));
      const m = mean(xs);
      const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
      const variance = bigN * q * (1 - q);
      expect(Math.abs(m - bigN * q)).toBeLessThan(5 * Math.sqrt(variance / xs.length));
      expect(v / variance).toBeGreaterThan(0.93);
      expect(v / variance).toBeLessThan(1.07);
    }
    expect(binomial(10, 0, 0.5)).toBe(0);
    expect(binomial(10, 1, 0.5)).toBe(10);
  });

  it('keeps every draw: the counts add up to n', () => {
    const out = new Int32Array(4);
    const random = seededRandom(3);
    for (let i = 0; i < 200; i++) {
      multinomial(1001, Float64Array.from([0.1, 0.2, 0.3, 0.4]), random, out);
      expect(out.reduce((a, b) => a + b, 0)).toBe(1001);
    }
  });

  it('gives ratings the same estimates and, within resampling noise, the same intervals as drawing every note', () => {
    const ratings = Array.from({ length: 6000 }, (_, i) => 1 + ((i * 7919) % 97) % 5);
    const counted = resample(ratings, 2000, 5).summary;
    const drawn = resampleNotes([ratings], 2000, 5)[0]!.summary;
    expect(counted.mean).toBe(drawn.mean);
    expect(counted.median).toBe(drawn.median);
    expect(counted.meanCi!.upper - counted.meanCi!.lower).toBeGreaterThan(0.05);
    expect(Math.abs(counted.meanCi!.lower - drawn.meanCi!.lower)).toBeLessThan(0.01);
    expect(Math.abs(counted.meanCi!.upper - drawn.meanCi!.upper)).toBeLessThan(0.01);
    expect(counted.medianCi).toEqual(drawn.medianCi);
    // the same seed gives the same interval (a re-run report prints the same)
    expect(resample(ratings, 2000, 5).summary).toEqual(counted);
  });
});

describe('baseline CSV and edit stats', () => {
  const professions = [{ id: 'p1', code: 'lakare', name: 'Läkare' }];
  it('reads semicolon files with quotes and decimal commas, and numbers rows as in the file', () => {
    const rows = parseBaselineCsv('\uFEFFYrkesgrupp;Anteckningstyp;Minuter\r\nLäkare;"Besök; nybesök";7,5\r\n\r\nlakare;Telefon;3\r\n');
    expect(rows).toEqual([
      { row: 2, values: { profession: 'Läkare', noteType: 'Besök; nybesök', minutes: '7,5' } },
      { row: 4, values: { profession: 'lakare', noteType: 'Telefon', minutes: '3' } },
    ]);
    expect(validateBaselineRows(rows, professions).records).toEqual([
      { professionId: 'p1', noteType: 'Besök; nybesök', minutes: 7.5 },
      { professionId: 'p1', noteType: 'Telefon', minutes: 3 },
    ]);
  });

  it('refuses a header without the needed columns', () => {
    expect(() => parseBaselineCsv('yrke,minuter\nlakare,3')).toThrow(
      expect.objectContaining({ status: 422, detail: 'Rubrikraden saknar kolumner.', errors: [expect.objectContaining({ field: 'row.1.noteType' })] }),
    );
  });

  it('reads edit stats as the sign step writes them and tolerates other shapes', () => {
    expect(editCounts([{ key: 'a', distance: 5, normalized: 0.1, draftChars: 50, signedChars: 52 }, { key: 'b', distance: 2, normalized: 0, draftChars: 10, signedChars: 10 }])).toEqual({ distance: 7, draftChars: 60 });
    expect(editCounts({ anamnes: 3, status: 4 })).toEqual({ distance: 7, draftChars: null });
    expect(editCounts('trasig')).toBeNull();
    expect(editCounts(null)).toBeNull();
  });
});
