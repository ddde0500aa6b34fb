import { describe, expect, it } from 'vitest';
import { RunDetailSchema } from '../../server/contracts/api/evalruns';
import { compareRuns, type ResultRow } from '../../server/modules/codesign/evalruns/compare';
import type { CaseMetrics } from '../../server/modules/codesign/evalruns/evaluate-case';
import { summarise } from '../../server/modules/codesign/evalruns/summary';

/*
 * A case's metric the registry cannot measure is stored as null ("ej
 * mätbart"), not as 0: the run's answer carries it, and the run's means and
 * the comparison skip it instead of counting a 0.
 */
const metrics = (over: Partial<CaseMetrics>): CaseMetrics => ({
  rouge1: 0.5,
  rougeL: 0.4,
  keyFactRecall: 1,
  criticalKeyFactRecall: 1,
  flags: { total: 1, critical: 0, byKind: { unsupported: 1 } },
  completeness: 1,
  missingRequired: [],
  lix: 40,
  chars: 120,
  words: 20,
  ...over,
});
const unmeasurable = metrics({ rouge1: null, rougeL: null, completeness: null, lix: null, chars: null, words: null });
const row = (caseId: string, m: CaseMetrics): ResultRow => ({ caseId, slug: caseId, title: caseId, output: { sections: [] }, metrics: m, durationMs: 10 });

describe('eval run metrics that cannot be measured', () => {
  it('a run with them is a valid answer (null, not a 0 the contract demanded)', () => {
    const run = { id: 'r1', workflowId: 'w1', version: 1, drafterId: 'extractive', status: 'succeeded', jobId: null, progress: 1, progressNote: null, error: null, caseCount: 1, summary: null, createdAt: '2026-12-07T10:00:00Z' };
    const result = { caseId: 'c1', slug: 'c1', title: 'Fall', cached: false, durationMs: 10, metrics: unmeasurable, output: { sections: [] } };
    expect(RunDetailSchema.safeParse({ run, results: [result] }).success).toBe(true);
  });

  it('the summary means skip them', () => {
    const summary = summarise([
      { metrics: unmeasurable, durationMs: 10, cached: false },
      { metrics: metrics({}), durationMs: 10, cached: false },
    ]);
    expect(summary).toMatchObject({ cases: 2, meanRouge1: 0.5, meanRougeL: 0.4, meanCompleteness: 1, meanLix: 40 });
    expect(summarise([{ metrics: unmeasurable, durationMs: 10, cached: false }]).meanRouge1).toBeNull();
  });

  it('a comparison counts only the cases where both runs measured the metric', () => {
    const a = [row('c1', metrics({})), row('c2', metrics({}))];
    const b = [row('c1', unmeasurable), row('c2', metrics({ rouge1: 0.7 }))];
    const rouge1 = compareRuns(a, b).aggregate.find((m) => m.key === 'rouge1')!;
    expect(rouge1).toMatchObject({ n: 1, meanA: 0.5, meanB: 0.7 });
    expect(rouge1.meanDelta).toBeCloseTo(0.2);
  });
});
