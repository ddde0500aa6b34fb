import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadGroundingCases } from '../../evals/validation/grounding-eval';
import { TestCaseSchema } from '../../server/contracts/testcase';
import { findPersonalData } from '../../server/modules/codesign/testcases/pii-gate';

// Locked folders (any sub-folder of grounding-sv/ other than dev/ whose cases have split "locked",
// e.g. locked-5/, written by someone who did not tune the checker) are run only to report, by the
// lead, and never scored in tests. This only checks that every case file there is valid (zod,
// unique ids across folders, planted spans that can be found), so a broken locked file is found
// before the one reporting run. No checker runs here and nothing about the locked cases' text is
// printed: a failure names only the case id, the draft's index and the error's kind.
const NEW = 'evals/fixtures/grounding-sv';

const count = (text: string, part: string) => text.split(part).length - 1;

describe('grounding cases (locked splits: valid, never scored)', () => {
  it('loads every case under the grounding folder; locked cases live outside dev/, dev cases inside', async () => {
    const all = await loadGroundingCases(NEW);
    const devIds = new Set((await loadGroundingCases(`${NEW}/dev`)).map((c) => c.id));
    const misplaced = all.filter((c) => (c.split === 'dev') !== devIds.has(c.id)).length;
    expect(misplaced).toBe(0);
  });

  it('every planted span occurs once in its draft, never in the reference, and spans do not overlap', async () => {
    const locked = (await loadGroundingCases(NEW)).filter((c) => c.split === 'locked');
    const bad: string[] = [];
    for (const c of locked) {
      c.drafts.forEach((d, i) => {
        if (d.planted.length === 0) bad.push(`${c.id} draft ${i}: no planted error`);
        const ranges = d.planted.map((p) => {
          // The evaluator finds an error by its span; a span found twice, or also in the correct
          // reference, would count a flag on correct text as a catch.
          if (count(d.note, p.span) !== 1) bad.push(`${c.id} draft ${i} ${p.kind}: span not exactly once in the draft`);
          if (c.reference.includes(p.span)) bad.push(`${c.id} draft ${i} ${p.kind}: span also in the reference`);
          const start = d.note.indexOf(p.span);
          return [start, start + p.span.length] as const;
        }).sort((a, b) => a[0] - b[0]);
        ranges.slice(1).forEach((r, j) => {
          if (r[0] < ranges[j]![1]) bad.push(`${c.id} draft ${i}: overlapping spans`);
        });
      });
    }
    expect(bad).toEqual([]);
  });
});

// The draft bench's splits (`npm run bench -- draft`: the retired locked splits in bench/draft-dev*
// and, with --locked, bench/draft-locked-*) are parsed the same way as the bench does (TestCaseSchema
// per *.json) and must pass the import PII gate; the drafter is not run. Every folder is checked, so a
// locked split that becomes development material (renamed) stays checked without naming it here.
describe('draft bench splits (valid, never scored here)', () => {
  const dirs = readdirSync('bench/', { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^draft-(dev|locked)/.test(d.name))
    .map((d) => `bench/${d.name}/`);
  it('the retired fourth locked split is among them', () => {
    expect(dirs).toContain('bench/draft-dev-5/');
  });
  it.each(dirs)('every case in %s is a valid test case with key facts and no personal data', (dir) => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    const bad = files.flatMap((f) => {
      const parsed = TestCaseSchema.safeParse(JSON.parse(readFileSync(dir + f, 'utf8')));
      if (!parsed.success) return [`${f}: not a test case`];
      if (parsed.data.keyFacts.length === 0) return [`${f}: no key facts`];
      return findPersonalData(parsed.data).length > 0 ? [`${f}: personal data`] : [];
    });
    expect(bad).toEqual([]);
  });
});
