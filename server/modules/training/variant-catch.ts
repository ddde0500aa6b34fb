import type { TestCase } from '../../contracts/testcase';
import { caseDataFrom } from './cases';
import { flagsFor } from './flags';
import { plant } from './spans';
import { proposeVariants, type RuleName } from './variants';

/**
 * How many of "Skapa varianter"'s errors the grounding checker flags. Each
 * proposal is planted alone in the test case's reference note and the
 * checker runs exactly as the review screen runs it (flags.ts, section by
 * section against the consultation). A variant is caught when a flag
 * overlaps its span; a deletion has no span, and the checker does not look
 * for omissions, so deletions are reported but cannot be caught.
 */
export interface RuleCatch {
  rule: RuleName;
  variants: number;
  caught: number;
  /** caught by a flag of severity critical */
  caughtCritical: number;
}

export interface CatchReport {
  cases: number;
  variants: number;
  rules: RuleCatch[];
  /** flags on the unplanted reference notes: the checker's false alarms on correct text */
  flagsOnReference: number;
}

const RULES: RuleName[] = ['number-swap', 'unit-swap', 'drug-swap', 'negation-flip', 'diagnosis-insert', 'critical-delete'];

export function variantCatch(cases: readonly TestCase[]): CatchReport {
  const rules = new Map(RULES.map((rule) => [rule, { rule, variants: 0, caught: 0, caughtCritical: 0 }]));
  let variants = 0;
  let flagsOnReference = 0;
  for (const testCase of cases) {
    const base = caseDataFrom(testCase, testCase.referenceNote);
    flagsOnReference += flagsFor(base).length;
    for (const c of proposeVariants(base)) {
      const planted = plant(base, { ...c, origin: c.rule });
      const error = planted.errors[0]!;
      const hits = error.start === error.end ? [] : flagsFor(planted).filter((f) => f.section === error.section && f.start < error.end && error.start < f.end);
      const tally = rules.get(c.rule)!;
      tally.variants++;
      variants++;
      if (hits.length > 0) tally.caught++;
      if (hits.some((f) => f.severity === 'critical')) tally.caughtCritical++;
    }
  }
  return { cases: cases.length, variants, rules: [...rules.values()], flagsOnReference };
}
