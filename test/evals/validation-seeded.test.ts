import { describe, expect, it } from 'vitest';
import { evaluateSeeded, loadSeededCases } from '../../evals/validation/seeded-sv';

// The project's own synthetic Swedish cases: always present, so this always runs.
const DIR = 'evals/fixtures/seeded-sv';

describe('grounding on Swedish seeded-error cases', async () => {
  const cases = await loadSeededCases(DIR);

  it('has at least 25 cases across professions, half held out', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.profession)).size).toBeGreaterThanOrEqual(6);
    expect(cases.filter((c) => c.split === 'heldout').length).toBeGreaterThanOrEqual(12);
  });

  it('finds ≥ 90 % of planted errors with ≥ 70 % precision, and few flags on faithful notes', () => {
    const all = evaluateSeeded(cases);
    const dev = evaluateSeeded(cases.filter((c) => c.split === 'dev'));
    const heldout = evaluateSeeded(cases.filter((c) => c.split === 'heldout'));
    for (const [name, r] of [['all', all], ['dev', dev], ['heldout', heldout]] as const) {
      console.log(
        `seeded-sv ${name}: recall ${r.detected}/${r.planted} = ${r.recall.toFixed(3)}, precision ${r.precision.toFixed(3)} ` +
        `(${r.flagsOnErroneous} flags), faithful flags/note ${r.faithfulFlagsPerNote.toFixed(2)}`,
      );
    }
    console.log('recall by kind', JSON.stringify(all.recallByKind));
    expect(all.recall).toBeGreaterThanOrEqual(0.9);
    expect(all.precision).toBeGreaterThanOrEqual(0.7);
    expect(all.faithfulFlagsPerNote).toBeLessThanOrEqual(1);
  });
});
