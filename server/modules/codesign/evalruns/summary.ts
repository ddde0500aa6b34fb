import { type CaseMetrics, type RunMetricId, caseValue } from './evaluate-case';

/** What a run's summary holds: the figures the gate and the run list read, over the registry's run metrics. */
export interface RunSummary {
  cases: number;
  cachedCases: number;
  meanRouge1: number | null;
  meanRougeL: number | null;
  meanKeyFactRecall: number | null;
  meanCriticalKeyFactRecall: number | null;
  /** the largest number of critical grounding flags on any one case */
  maxCriticalFlagsPerCase: number;
  criticalFlags: number;
  flags: number;
  meanCompleteness: number | null;
  meanLix: number | null;
  totalDurationMs: number;
}

export function mean(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function summarise(results: readonly { metrics: CaseMetrics; durationMs: number; cached: boolean }[]): RunSummary {
  const values = (id: RunMetricId) => results.map((r) => caseValue(r.metrics, r.durationMs, id));
  const sum = (id: RunMetricId) => values(id).reduce<number>((a, x) => a + (x ?? 0), 0);
  return {
    cases: results.length,
    cachedCases: results.filter((r) => r.cached).length,
    meanRouge1: mean(values('rouge1')),
    meanRougeL: mean(values('rougeL')),
    meanKeyFactRecall: mean(values('keyFactRecall')),
    meanCriticalKeyFactRecall: mean(values('criticalKeyFactRecall')),
    maxCriticalFlagsPerCase: Math.max(0, ...values('criticalFlags').map((x) => x ?? 0)),
    criticalFlags: sum('criticalFlags'),
    flags: sum('flags'),
    meanCompleteness: mean(values('completeness')),
    meanLix: mean(values('lix')),
    totalDurationMs: sum('durationMs'),
  };
}
