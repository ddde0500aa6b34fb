import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { correlate, loadMtsCorrelation } from '../../evals/validation/mts-correlation';
import { evaluatePrimock, loadPrimock } from '../../evals/validation/consultation-checklists';
import { pearson, spearman } from '../../evals/validation/correlation';

const MTS = '../shared/datasets/mts-dialog/Correlation-Study';
const PRIMOCK = '../shared/datasets/primock57';

if (!existsSync(MTS)) console.log(`skipping MTS-Dialog correlation: ${MTS} is missing (public data set, not part of the repository)`);
if (!existsSync(PRIMOCK)) console.log(`skipping PriMock57 key-fact recall: ${PRIMOCK} is missing (public data set, not part of the repository)`);

describe('correlation helpers', () => {
  it('computes Pearson and Spearman with ties', () => {
    expect(pearson([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 12);
    // Ranks [1, 2.5, 2.5, 4] and [2, 3.5, 3.5, 1]: covariance −1.5 over variance 4.5 each.
    expect(spearman([1, 2, 2, 3], [10, 20, 20, 5])).toBeCloseTo(-1 / 3, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe.skipIf(!existsSync(MTS))('MTS-Dialog correlation study', () => {
  it('correlates the flag rate with human hallucination rates on all 400 summaries', async () => {
    const rows = await loadMtsCorrelation(MTS);
    const r = correlate(rows);
    console.log(
      `MTS-Dialog (n=${r.rows}) vs human hallucination rate — flags/sentence: Pearson ${r.flagsPerSentence.pearson.toFixed(3)}, ` +
      `Spearman ${r.flagsPerSentence.spearman.toFixed(3)}; flags/100 words: Pearson ${r.flagsPer100Words.pearson.toFixed(3)}, ` +
      `Spearman ${r.flagsPer100Words.spearman.toFixed(3)}; ROUGE-1 F1: Pearson ${r.rouge1F1.pearson.toFixed(3)}, ` +
      `Spearman ${r.rouge1F1.spearman.toFixed(3)}`,
    );
    expect(r.rows).toBe(400);
    expect(new Set(rows.map((row) => row.id)).size).toBe(100);
    expect(r.flagsPerSentence.pearson).toBeGreaterThan(0);
    expect(r.flagsPerSentence.spearman).toBeGreaterThan(0);
  });
});

describe.skipIf(!existsSync(PRIMOCK))('PriMock57 key-fact recall', () => {
  it('scores every checklist against the human note and two baselines', async () => {
    const consultations = await loadPrimock(PRIMOCK);
    const r = evaluatePrimock(consultations);
    console.log(
      `PriMock57 (${r.consultations} checklists, ${r.facts} facts, ${r.criticalFacts} critical) — human notes: recall ` +
      `${r.human.recall.toFixed(3)}, critical ${r.human.criticalRecall.toFixed(3)}; first transcript sentence: ` +
      `${r.firstSentence.recall.toFixed(3)} / ${r.firstSentence.criticalRecall.toFixed(3)}; whole transcript: ` +
      `${r.fullTranscript.recall.toFixed(3)} / ${r.fullTranscript.criticalRecall.toFixed(3)}`,
    );
    expect(r.consultations).toBe(27);
    expect(new Set(consultations.map((c) => c.id)).size).toBe(20);
    expect(consultations.every((c) => c.facts.length > 0 && c.note.length > 0 && c.transcript.length > 0)).toBe(true);
    expect(r.human.recall).toBeGreaterThan(r.firstSentence.recall);
    expect(r.human.criticalRecall).toBeGreaterThan(r.firstSentence.criticalRecall);
    // The whole conversation contains more checklist facts than a concise note.
    expect(r.fullTranscript.recall).toBeGreaterThan(r.human.recall);
  });
});
