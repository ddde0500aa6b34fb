import { meets, type MetricId } from '../../../../evals/metrics';
import type { AppDeps } from '../../../deps';
import { mean, type RunSummary } from '../evalruns/summary';
import { RoundConfigSchema } from '../ratings/items';
import { resultsOf } from '../ratings/service';
import { readiness } from '../../training/readiness';
import { parseGateConfig, type GateConfig } from './config';
import { criterionMessage, type Criterion } from './messages';

/**
 * Does a workflow version meet its group's gate? Reads the latest succeeded
 * evaluation run of the version (and of the current produktion version, for
 * the "not below produktion" criterion, compared on the cases both ran) and
 * the latest closed rating round that included it. Each checked criterion
 * reports its threshold, the measured value (null when there was nothing to
 * measure, which fails) and a plain Swedish sentence.
 */
export interface GateResult {
  passed: boolean;
  criteria: Criterion[];
  runId: string | null;
  roundId: string | null;
  config: GateConfig;
}

type Key = Criterion['key'];
/**
 * The criteria measured by an evaluation run, with the registry metric each
 * bounds (its direction says whether the bound is a ceiling or a floor); the
 * others (ratings, training) are floors.
 */
const METRIC_OF: Partial<Record<Key, MetricId>> = {
  maxCriticalFlagsPerCase: 'criticalFlags',
  minKeyFactRecall: 'keyFactRecall',
  keyFactRecallNotBelowProduktion: 'keyFactRecall',
  minCriticalKeyFactRecall: 'criticalKeyFactRecall',
};
const ORDER: Key[] = ['maxCriticalFlagsPerCase', 'minKeyFactRecall', 'keyFactRecallNotBelowProduktion', 'minCriticalKeyFactRecall', 'minRaters', 'minAlpha', 'minMeanPdqi', 'minTrainedShare', 'minTrainingDetection'];

async function latestRun(deps: AppDeps, versionId: string) {
  return deps.db.prisma.evalRun.findFirst({ where: { workflowVersionId: versionId, status: 'succeeded' }, orderBy: { createdAt: 'desc' } });
}

/** Mean key-fact recall of both runs over the cases both ran (a run on fewer cases is not compared with a mean over more). */
async function recallOnSharedCases(deps: AppDeps, runId: string, otherRunId: string): Promise<{ mine: number | null; theirs: number | null }> {
  const rows = await deps.db.prisma.evalResult.findMany({ where: { runId: { in: [runId, otherRunId] } }, select: { runId: true, caseId: true, metrics: true } });
  const byRun = (id: string) => new Map(rows.filter((r) => r.runId === id).map((r) => [r.caseId, (r.metrics as { keyFactRecall: number | null }).keyFactRecall]));
  const mine = byRun(runId);
  const theirs = byRun(otherRunId);
  const shared = [...mine.keys()].filter((c) => theirs.has(c));
  return { mine: mean(shared.map((c) => mine.get(c) ?? null)), theirs: mean(shared.map((c) => theirs.get(c) ?? null)) };
}

export async function evaluateGate(deps: AppDeps, groupId: string | null, versionId: string): Promise<GateResult> {
  const db = deps.db.prisma;
  const group = groupId ? await db.workingGroup.findUnique({ where: { id: groupId }, include: { profession: true } }) : null;
  const config = parseGateConfig(group?.gateConfig, group?.profession.code);
  const version = await db.workflowVersion.findUniqueOrThrow({ where: { id: versionId } });
  const run = await latestRun(deps, versionId);
  const summary = (run?.summary ?? null) as RunSummary | null;
  const rounds = groupId ? await db.ratingRound.findMany({ where: { groupId, status: 'closed' }, orderBy: { closedAt: 'desc' } }) : [];
  const round = rounds.find((r) => RoundConfigSchema.safeParse(r.config).data?.versionIds.includes(versionId));
  const results = round ? await resultsOf(deps, { id: round.id, config: RoundConfigSchema.parse(round.config) }) : null;

  // The version produktion points at now; comparing a version with itself is no check.
  const produktion = await db.workflowLabel.findUnique({ where: { workflowId_label: { workflowId: version.workflowId, label: 'produktion' } } });
  const produktionVersion = produktion && produktion.versionId !== versionId ? await db.workflowVersion.findUnique({ where: { id: produktion.versionId } }) : null;
  const produktionRun = produktionVersion ? await latestRun(deps, produktionVersion.id) : null;
  const shared = run && produktionRun ? await recallOnSharedCases(deps, run.id, produktionRun.id) : null;

  const training = config.minTrainedShare !== null || config.minTrainingDetection !== null ? (await readiness(deps)).byProfession.find((r) => r.professionId === group?.professionId) : undefined;

  const values: Record<Key, { measured: number | null; threshold: number | null } | null> = {
    maxCriticalFlagsPerCase: { measured: summary?.maxCriticalFlagsPerCase ?? null, threshold: config.maxCriticalFlagsPerCase },
    minKeyFactRecall: { measured: summary?.meanKeyFactRecall ?? null, threshold: config.minKeyFactRecall },
    keyFactRecallNotBelowProduktion:
      config.keyFactRecallNotBelowProduktion && produktionVersion ? { measured: shared?.mine ?? null, threshold: shared?.theirs ?? null } : null,
    minCriticalKeyFactRecall: { measured: summary?.meanCriticalKeyFactRecall ?? null, threshold: config.minCriticalKeyFactRecall },
    minRaters: { measured: results?.raters ?? null, threshold: config.minRaters },
    minAlpha: { measured: results?.alpha.overall ?? null, threshold: config.minAlpha },
    minMeanPdqi: { measured: results?.versions.find((v) => v.versionId === versionId)?.pdqi.mean ?? null, threshold: config.minMeanPdqi },
    minTrainedShare: { measured: training?.trainedShare ?? null, threshold: config.minTrainedShare },
    minTrainingDetection: { measured: training?.criticalDetection ?? null, threshold: config.minTrainingDetection },
  };
  const context = { hasRun: run !== null, hasRound: round !== undefined, produktionVersion: produktionVersion?.version ?? null };
  const criteria = ORDER.flatMap((key): Criterion[] => {
    const v = values[key];
    if (v === null || (v.threshold === null && key !== 'keyFactRecallNotBelowProduktion')) return [];
    // Rounded to what the message shows, so "0,81 – kravet minst 0,81" never fails on a hidden digit.
    const round3 = (x: number) => Math.round(x * 1000) / 1000;
    const id = METRIC_OF[key];
    const passed =
      v.measured !== null &&
      v.threshold !== null &&
      (id ? meets(id, round3(v.measured), round3(v.threshold)) : round3(v.measured) >= round3(v.threshold));
    const criterion = { key, threshold: v.threshold, measured: v.measured, passed };
    return [{ ...criterion, ...criterionMessage(criterion, context) }];
  });
  return { passed: criteria.every((c) => c.passed), criteria, runId: run?.id ?? null, roundId: round?.id ?? null, config };
}
