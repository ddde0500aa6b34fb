import type { TrainingCaseData } from '../../../contracts/training';
import { diagnosisInserts } from './diagnoses';
import { drugSwaps } from './drugs';
import { negationFlips } from './negations';
import { numberSwaps } from './numbers';
import { criticalDeletes } from './omissions';
import type { Candidate, Rule } from './types';

export type { Candidate, RuleName } from './types';

/** At most this many proposals per rule, so the list stays one a designer can read. */
const PER_RULE = 4;

/**
 * "Skapa varianter": every error the rules can plant in a draft, each a
 * stand-alone proposal on the draft as it is (none overlaps a planted error).
 * Deterministic: the same draft gives the same proposals.
 */
export function proposeVariants(data: TrainingCaseData): Candidate[] {
  const free = (section: number, start: number, end: number) =>
    !data.errors.some((e) => e.section === section && (start < e.end && e.start < end || (e.start === e.end && start <= e.start && e.start <= end) || (start === end && e.start <= start && start <= e.end)));
  const rules: Rule[] = [numberSwaps, drugSwaps, negationFlips, diagnosisInserts, criticalDeletes];
  const all = rules.flatMap((rule) => rule({ data, free }).slice(0, PER_RULE));
  // Proposals may touch the same words (a dose swap and a drug swap, a number inside a sentence a deletion takes out):
  // all are shown, the editor lets only non-overlapping ones be kept together, and keeping refuses overlaps.
  return all.filter((c, i) => !all.slice(0, i).some((o) => o.section === c.section && o.start === c.start && o.end === c.end));
}
