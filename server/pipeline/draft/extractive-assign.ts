import type { WorkflowSpec } from '../../contracts/workflow';
import { carries, type Weighed } from './extractive-budget';
import { sectionLimits } from './extractive-settings';

/** A sentence ready to file: its text, what it cites, and its sections in order of preference. */
export interface Placed extends Weighed {
  evidence: string[];
  candidates: number[];
}

/**
 * Transcript order within a section. A section over its limits (max tecken,
 * sentence count) passes on the sentences that carry least (`carries`),
 * latest first among equals, to their next candidate section, or leaves them
 * out: a full heading used to drop whatever came last, which was often the
 * clinician's closing judgement or plan, while an early remark stayed.
 */
export function assign(units: Placed[], workflow: WorkflowSpec): Array<Array<{ text: string; evidence: string[] }>> {
  // Max tecken and sentence counts from the style hints: what the working group set (extractive-settings.ts).
  const limits = sectionLimits(workflow.sections);
  const value = units.map((u) => carries(u));
  const choice = units.map(() => 0);
  const placed = () => {
    const seen = workflow.sections.map(() => new Set<string>());
    const at = workflow.sections.map(() => [] as number[]);
    units.forEach((unit, u) => {
      const index = unit.candidates[choice[u] ?? 0];
      if (index === undefined || limits[index] === undefined || seen[index]?.has(unit.text)) return;
      seen[index]?.add(unit.text);
      at[index]?.push(u);
    });
    return at;
  };
  for (let round = 0; round <= units.length; round++) {
    let moved = false;
    placed().forEach((members, index) => {
      const limit = limits[index]!;
      let chars = members.reduce((n, u) => n + units[u]!.text.length + 1, 0);
      let count = members.length;
      const cheapest = [...members].sort((a, b) => value[a]! - value[b]! || b - a);
      for (const u of cheapest) {
        if (count <= limit.maxSentences && chars <= limit.maxChars) break;
        choice[u] = (choice[u] ?? 0) + 1;
        chars -= units[u]!.text.length + 1;
        count -= 1;
        moved = true;
      }
    });
    if (!moved) break;
  }
  return placed().map((members) => members.map((u) => ({ text: units[u]!.text, evidence: units[u]!.evidence })));
}
