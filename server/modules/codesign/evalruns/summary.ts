import type { CaseMetrics } from './evaluate-case';

/** What a run's summary holds: the figures the gate and the run list read. */
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
  const m = results.map((r) => r.metrics);
  return {
    cases: results.length,
    cachedCases: results.filter((r) => r.cached).length,
    meanRouge1: mean(m.map((x) => x.rouge1)),
    meanRougeL: mean(m.map((x) => x.rougeL)),
    meanKeyFactRecall: mean(m.map((x) => x.keyFactRecall)),
    meanCriticalKeyFactRecall: mean(m.map((x) => x.criticalKeyFactRecall)),
    maxCriticalFlagsPerCase: Math.max(0, ...m.map((x) => x.flags.critical)),
    criticalFlags: m.reduce((a, x) => a + x.flags.critical, 0),
    flags: m.reduce((a, x) => a + x.flags.total, 0),
    meanCompleteness: mean(m.map((x) => x.completeness)),
    meanLix: mean(m.map((x) => x.lix)),
    totalDurationMs: results.reduce((a, r) => a + r.durationMs, 0),
  };
}
