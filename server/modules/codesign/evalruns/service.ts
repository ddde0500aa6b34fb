import type { AppDeps } from '../../../deps';
import { notFound } from '../../../errors';
import type { SessionUser } from '../../../http/route';
import { requireInGroup } from '../workflows/access';
import type { ResultRow } from './compare';
import type { CaseMetrics, CaseOutput } from './evaluate-case';
import { isCached } from './job';

/** A run with its workflow (404 when missing); routes about one run declare `guard: evalRunOf('member')`. */
export async function findRun(deps: AppDeps, id: string) {
  const run = await deps.db.prisma.evalRun.findUnique({ where: { id }, include: { workflowVersion: { include: { workflow: true } } } });
  if (!run) throw notFound('Körningen');
  return run;
}

/** A run named in a query (not the route's :id), checked readable by the caller (group designers and leads). */
export async function loadRun(deps: AppDeps, user: SessionUser, id: string) {
  const run = await findRun(deps, id);
  requireInGroup(user, run.workflowVersion.workflow.groupId, 'member');
  return run;
}

type RunWithVersion = Awaited<ReturnType<typeof findRun>>;

/**
 * A run's status as users should see it: the job row is the truth while the
 * run is unfinished (a job cancelled before it started never touched the run).
 */
export async function presentRun(deps: AppDeps, run: RunWithVersion) {
  const job = run.jobId ? await deps.db.prisma.job.findUnique({ where: { id: run.jobId } }) : null;
  const unfinished = run.status === 'queued' || run.status === 'running';
  const status = unfinished && job && ['failed', 'cancelled'].includes(job.status) ? job.status : run.status;
  return {
    id: run.id,
    workflowId: run.workflowVersion.workflowId,
    workflowName: run.workflowVersion.workflow.name,
    versionId: run.workflowVersionId,
    version: run.workflowVersion.version,
    drafterId: run.drafterId,
    status,
    jobId: run.jobId,
    progress: job?.progress ?? null,
    progressNote: job?.progressNote ?? null,
    error: job?.error ?? null,
    caseCount: Array.isArray(run.caseIds) ? run.caseIds.length : 0,
    // a JSON column: job.ts writes the run's metric means there, a number or null per metric
    summary: run.summary as Record<string, number | null> | null,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
  };
}

export async function resultRows(deps: AppDeps, runId: string): Promise<(ResultRow & { cached: boolean })[]> {
  const rows = await deps.db.prisma.evalResult.findMany({ where: { runId }, include: { testCase: { select: { slug: true, title: true } } } });
  return rows
    .map((r) => ({
      caseId: r.caseId,
      slug: r.testCase.slug,
      title: r.testCase.title,
      output: r.output as unknown as CaseOutput,
      metrics: r.metrics as unknown as CaseMetrics,
      durationMs: r.durationMs,
      cached: isCached(r.output),
    }))
    .sort((x, y) => x.slug.localeCompare(y.slug));
}
