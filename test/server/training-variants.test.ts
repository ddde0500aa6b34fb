import { describe, expect, it } from 'vitest';
import { DRUG_GROUPS } from '../../evals/lexicon/drugs';
import { loadSeedCases } from '../../prompts';
import { caseDataFrom } from '../../server/modules/training/cases';
import { scoreAnswer } from '../../server/modules/training/scoring';
import { plant, plantAll, spanProblems, unplant } from '../../server/modules/training/spans';
import { variantCatch } from '../../server/modules/training/variant-catch';
import { proposeVariants } from '../../server/modules/training/variants';
import { DRUG_CLASSES } from '../../server/modules/training/variants/drugs';

/**
 * The rules of "Skapa varianter" on every shipped test case: every proposal
 * plants where it says and changes nothing else, removing it restores the
 * draft, and the grounding checker flags what a reviewer's screen would show.
 */
const cases = loadSeedCases().filter((c) => c.language === 'sv');

describe('Skapa varianter', () => {
  it('swaps drugs only within classes whose substances are all in the drug lexicon', () => {
    const substances = new Set(DRUG_GROUPS.map((g) => g[0]));
    expect(DRUG_CLASSES.flat().filter((s) => !substances.has(s))).toEqual([]);
  });

  it('plants each proposal exactly at its span, and taking it out restores the draft', () => {
    let proposals = 0;
    for (const testCase of cases) {
      const base = caseDataFrom(testCase, testCase.referenceNote);
      for (const c of proposeVariants(base)) {
        proposals++;
        expect(base.draft[c.section]!.text.slice(c.start, c.end)).toBe(c.original);
        const planted = plant(base, c);
        expect(spanProblems(planted, 'x')).toEqual([]);
        const section = planted.draft[c.section]!.text;
        expect(section.slice(0, c.start) + c.original + section.slice(c.start + c.replacement.length)).toBe(base.draft[c.section]!.text);
        expect(unplant(planted, planted.errors[0]!.id)!.draft).toEqual(base.draft);
      }
    }
    expect(proposals).toBeGreaterThan(200);
  });

  it('plants several kept proposals together and refuses two that overlap', () => {
    const testCase = cases.find((c) => c.slug === 'lakare-04-hembesok-waran')!;
    const base = caseDataFrom(testCase, testCase.referenceNote);
    const proposals = proposeVariants(base);
    const apart = proposals.filter((c, i) => !proposals.slice(0, i).some((o) => o.section === c.section && o.start < c.end && c.start < o.end));
    const together = plantAll(base, apart, 'body.keys');
    expect(together.problems).toEqual([]);
    expect(together.data.errors).toHaveLength(apart.length);
    expect(spanProblems(together.data, 'x')).toEqual([]);
    const clash = proposals.find((c) => apart.every((a) => a.key !== c.key))!;
    const twin = apart.find((a) => a.section === clash.section && a.start < clash.end && clash.start < a.end)!;
    expect(plantAll(base, [twin, clash], 'body.keys').problems).toHaveLength(1);
  });

  it('scores a span mark by overlap and a "saknas" mark by shared words', () => {
    const testCase = cases.find((c) => c.slug === 'telefon-01-barn-feber')!;
    const base = caseDataFrom(testCase, testCase.referenceNote);
    const proposals = proposeVariants(base);
    const fever = proposals.find((c) => c.original === '39,2 grader')!;
    const drink = proposals.find((c) => c.rule === 'critical-delete' && c.original.startsWith('Dricker'))!;
    const data = plantAll(base, [fever, drink], 'x').data;
    const number = data.errors.find((e) => e.kind === 'number')!;
    const result = scoreAnswer(data, [
      { type: 'span', section: number.section, start: number.start + 1, end: number.start + 3, kind: 'drug' },
      { type: 'missing', section: null, text: 'att hon dricker' },
      { type: 'span', section: 0, start: 0, end: 4, kind: 'speaker' },
    ]);
    expect(result.errors.map((e) => [e.kind, e.found, e.kindCorrect])).toEqual([
      ['number', true, false],
      ['omission', true, true],
    ]);
    expect(result.falseMarks).toEqual([2]);
  });

  it('the grounding checker flags most swapped numbers, swapped drugs and inserted diagnoses, and no deletion', () => {
    const report = variantCatch(cases);
    const rate = (rule: string) => {
      const r = report.rules.find((x) => x.rule === rule)!;
      return r.caught / r.variants;
    };
    expect(rate('number-swap')).toBeGreaterThan(0.8);
    expect(rate('drug-swap')).toBeGreaterThan(0.8);
    expect(rate('diagnosis-insert')).toBeGreaterThan(0.8);
    expect(rate('critical-delete')).toBe(0);
  }, 60_000);
});
