import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../evals/datasets/csv';
import { meanRougeF1, rouge } from '../../evals/metrics/rouge';

describe('rouge (hand-computed cases)', () => {
  it('scores unigrams, bigrams and the LCS', () => {
    const s = rouge('a b c d', 'a b d');
    expect(s.rouge1).toEqual({ precision: 1, recall: 0.75, f1: 6 / 7 });
    expect(s.rouge2.f1).toBeCloseTo(0.4, 12); // hits 1 of 2 predicted, 3 reference bigrams
    expect(s.rougeL.f1).toBeCloseTo(6 / 7, 12);
  });

  it('rougeLsum takes the union LCS per reference line and never counts a token twice', () => {
    const s = rouge('a b c\nd e', 'a c\nb e d');
    // Line "a b c": LCS with "a c" gives a, c; with "b e d" gives b → 3 hits.
    // Line "d e": rouge-score's backtrack picks "d" from "b e d" → 1 hit.
    expect(s.rougeLsum.f1).toBeCloseTo(4 / 5, 12);
    expect(s.rougeL.f1).toBeCloseTo(3 / 5, 12);
  });

  it('gives 0 for an empty side and 1 for identical texts', () => {
    expect(rouge('', 'feber').rougeL.f1).toBe(0);
    expect(rouge('feber', '').rougeLsum.f1).toBe(0);
    const same = rouge('Kontaktorsak:\nHosta sedan en vecka.', 'Kontaktorsak:\nHosta sedan en vecka.');
    expect([same.rouge1.f1, same.rouge2.f1, same.rougeL.f1, same.rougeLsum.f1]).toEqual([1, 1, 1, 1]);
  });

  it('keeps å, ä, ö inside words with the unicode tokenizer', () => {
    const ascii = rouge('Patienten mår bättre', 'Patienten mår sämre');
    const unicode = rouge('Patienten mår bättre', 'Patienten mår sämre', { tokenizer: 'unicode' });
    // rouge-score splits "mår" into "m r" and "bättre" into "b ttre".
    expect(ascii.rouge1.f1).toBeCloseTo(3 / 5, 12);
    expect(unicode.rouge1.f1).toBeCloseTo(2 / 3, 12);
    expect(unicode.rouge2.f1).toBeCloseTo(1 / 2, 12);
  });

  it('lowercases and ignores punctuation', () => {
    expect(rouge('Feber, HOSTA!', 'feber hosta').rouge2.f1).toBe(1);
  });

  it('averages F1 over documents', () => {
    const m = meanRougeF1([rouge('a b', 'a b'), rouge('a b', 'c d')]);
    expect(m).toEqual({ n: 2, rouge1: 0.5, rouge2: 0.5, rougeL: 0.5, rougeLsum: 0.5 });
  });
});

const ACI = join(import.meta.dirname, '../../../shared/datasets/aci-bench');
if (!existsSync(ACI)) console.warn(`skipping ACI-Bench ROUGE reproduction: ${ACI} is missing`);

describe.skipIf(!existsSync(ACI))('rouge reproduces ACI-Bench test1 (Yim et al. 2023, Table 6)', () => {
  const load = (path: string) => parseCsvRecords(readFileSync(join(ACI, path), 'utf8'));
  const references = new Map(load('challenge_data/clinicalnlp_taskB_test1.csv').map((r) => [r.encounter_id!, r.note!]));

  it.each([
    ['transcript_clinicalnlp_taskB_test1.csv', 32.84, 12.53, 30.61],
    ['bart-large-xsum-samsum_clinicalnlp_taskB_test1_division_combined.csv', 53.46, 25.08, 48.62],
    ['test1ChatGPT_.csv', 47.44, 19.01, 42.47],
    ['test1GPT-4_.csv', 51.76, 22.58, 45.97],
  ])('%s', (file, r1, r2, rlsum) => {
    const predictions = load(`predictions_test1/${file}`);
    expect(predictions).toHaveLength(40);
    const mean = meanRougeF1(predictions.map((p) => {
      const reference = references.get(p.encounter_id!);
      if (reference === undefined) throw new Error(`no reference for ${p.encounter_id}`);
      return rouge(reference, p.note!);
    }));
    const got = [mean.rouge1, mean.rouge2, mean.rougeLsum].map((x) => (x * 100).toFixed(2));
    console.log(`${file}: R1/R2/RLsum ${got.join('/')} (published ${r1}/${r2}/${rlsum})`);
    expect(got).toEqual([r1, r2, rlsum].map((x) => x.toFixed(2)));
  });
});
