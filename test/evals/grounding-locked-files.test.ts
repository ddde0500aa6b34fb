import { describe, expect, it } from 'vitest';
import { loadGroundingCases } from '../../evals/validation/grounding-eval';

// Locked folders (any sub-folder of grounding-sv/ other than dev/ whose cases have split "locked",
// e.g. locked-4/, written by someone who did not tune the checker) are run only to report, by the
// lead, and never scored in tests. This only checks that every case file there is valid (zod,
// unique ids across folders), so a broken locked file is found before the one reporting run. No
// checker runs here and nothing about the locked cases is printed.
const NEW = 'evals/fixtures/grounding-sv';

describe('grounding cases (locked splits: valid, never scored)', () => {
  it('loads every case under the grounding folder; locked cases live outside dev/, dev cases inside', async () => {
    const all = await loadGroundingCases(NEW);
    const devIds = new Set((await loadGroundingCases(`${NEW}/dev`)).map((c) => c.id));
    const misplaced = all.filter((c) => (c.split === 'dev') !== devIds.has(c.id)).length;
    expect(misplaced).toBe(0);
  });
});
