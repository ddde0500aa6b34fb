import { describe, expect, it } from 'vitest';
import { medicalTermErrorRate } from '../../evals/metrics/medical-wer';

const TERMS = ['förmaksflimmer', 'Waran', 'högt blodtryck', 'metformin'];

describe('medicalTermErrorRate', () => {
  it('counts a split, misspelt or missing term as a miss', () => {
    const r = medicalTermErrorRate(
      'Patienten har förmaksflimmer och tar Waran. Hon har högt blodtryck.',
      'patienten har förmaks flimmer och tar varan hon har högt blodtryck',
      TERMS,
      'swedish',
    );
    expect(r).toEqual({
      rate: 2 / 3,
      occurrences: 3,
      missed: 2,
      terms: [
        { term: 'förmaksflimmer', occurrences: 1, missed: 1 },
        { term: 'Waran', occurrences: 1, missed: 1 },
        { term: 'högt blodtryck', occurrences: 1, missed: 0 },
      ],
    });
  });

  it('misses a multi-word term when a word is inserted inside it', () => {
    const r = medicalTermErrorRate('högt blodtryck', 'högt mycket blodtryck', ['högt blodtryck'], 'none');
    expect(r.missed).toBe(1);
  });

  it('counts every occurrence and is 0 when no term occurs', () => {
    expect(medicalTermErrorRate('Waran och Waran', 'waran och varan', ['Waran'], 'swedish').rate).toBe(0.5);
    expect(medicalTermErrorRate('ont i magen', 'ont i magen', TERMS, 'swedish')).toEqual({ rate: 0, occurrences: 0, missed: 0, terms: [] });
  });
});
