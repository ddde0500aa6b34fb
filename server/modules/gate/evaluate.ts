import type { AppDeps } from '../../deps';
import type { RunSummary } from '../evalruns/summary';
import { RoundConfigSchema } from '../ratings/items';
import { resultsOf } from '../ratings/service';
import { parseGateConfig, type GateConfig } from './config';

/**
 * Does a workflow version meet its group's gate? Reads the latest succeeded
 * evaluation run of the version and the latest closed rating round that
 * included it. Each configured criterion reports its threshold and the
 * measured value (null when there was nothing to measure, which fails).
 */
export interface Criterion {
  key: keyof GateConfig;
  label: string;
  threshold: number;
  measured: number | null;
  passed: boolean;
}

export interface GateResult {
  passed: boolean;
  criteria: Criterion[];
  runId: string | null;
  roundId: string | null;
  config: GateConfig;
}

const LABELS: Record<keyof GateConfig, string> = {
  maxCriticalFlagsPerCase: 'Högst antal kritiska flaggor i något testfall',
  minKeyFactRecall: 'Lägsta andel nyckelfakta',
  minCriticalKeyFactRecall: 'Lägsta andel kritiska nyckelfakta',
  minMeanPdqi: 'Lägsta medel-PDQI-9',
  minAlpha: 'Lägsta överensstämmelse (α)',
  minRaters: 'Minsta antal bedömare',
};

export async function evaluateGate(deps: AppDeps, groupId: string | null, versionId: string): Promise<GateResult> {
  const db = deps.db.prisma;
  const group = groupId ? await db.workingGroup.findUnique({ where: { id: groupId } }) : null;
  const config = parseGateConfig(group?.gateConfig);
  const run = await db.evalRun.findFirst({ where: { workflowVersionId: versionId, status: 'succeeded' }, orderBy: { createdAt: 'desc' } });
  const summary = (run?.summary ?? null) as RunSummary | null;
  const rounds = groupId ? await db.ratingRound.findMany({ where: { groupId, status: 'closed' }, orderBy: { closedAt: 'desc' } }) : [];
  const round = rounds.find((r) => RoundConfigSchema.safeParse(r.config).data?.versionIds.includes(versionId));
  const results = round ? await resultsOf(deps, { id: round.id, config: RoundConfigSchema.parse(round.config) }) : null;
  const pdqi = results?.versions.find((v) => v.versionId === versionId)?.pdqi.mean ?? null;

  const measured: Record<keyof GateConfig, number | null> = {
    maxCriticalFlagsPerCase: summary?.maxCriticalFlagsPerCase ?? null,
    minKeyFactRecall: summary?.meanKeyFactRecall ?? null,
    minCriticalKeyFactRecall: summary?.meanCriticalKeyFactRecall ?? null,
    minMeanPdqi: pdqi,
    minAlpha: results?.alpha.overall ?? null,
    minRaters: results?.raters ?? null,
  };
  const criteria = (Object.keys(LABELS) as (keyof GateConfig)[]).flatMap((key): Criterion[] => {
    const threshold = config[key];
    if (threshold === null) return [];
    const value = measured[key];
    const passed = value !== null && (key === 'maxCriticalFlagsPerCase' ? value <= threshold : value >= threshold);
    return [{ key, label: LABELS[key], threshold, measured: value, passed }];
  });
  return { passed: criteria.every((c) => c.passed), criteria, runId: run?.id ?? null, roundId: round?.id ?? null, config };
}
