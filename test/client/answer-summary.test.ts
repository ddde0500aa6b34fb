import { describe, expect, it } from 'vitest';
import { answerSentence } from '../../client/src/features/followup/AnswerSummary';
import type { TimeGroup } from '../../server/contracts/api/followup';

const group = (mean: number, lower: number, upper: number) =>
  ({ professionName: 'Arbetsterapeut', saved: { active: { mean, meanCi: { lower, upper }, clinicians: 6, notes: 120, withoutComparison: 0 } } }) as unknown as TimeGroup;

/** The dashboard's headline follows the report's pre-registered rule: "sparad" only when the whole interval is above zero. */
describe('answerSentence', () => {
  it('does not call a saving "sparad" when the interval includes zero', () => {
    const text = answerSentence(group(2.8, -0.5, 6.1));
    expect(text).not.toMatch(/sparad/);
    expect(text).toContain('ingen tidsvinst visad (intervallet omfattar noll)');
    expect(text).toContain('[−0,5 till 6,1]');
  });
  it('says "sparad" when the whole interval is above zero, "längre" when below', () => {
    expect(answerSentence(group(1.2, 0.6, 1.8))).toMatch(/^Arbetsterapeut: 1,2 min sparad per anteckning \[0,6 till 1,8\]/);
    expect(answerSentence(group(-1.2, -1.8, -0.6))).toMatch(/^Arbetsterapeut: 1,2 min längre per anteckning/);
  });
});
