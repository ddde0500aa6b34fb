import { z } from 'zod';
import { TestCaseSchema } from '../../../contracts/testcase';
import type { AppDeps } from '../../../deps';
import type { AppJobContext } from '../../../deps';
import { JobFailure } from '../../../errors';
import type { NoteDrafter } from '../../../pipeline/draft/drafter';
import { specOf } from '../workflows/service';
import { resultCacheKey } from './cache-key';
import { drafterForJob, drafterKindOf } from './drafters';
import { evaluateCase, type CaseMetrics } from './evaluate-case';
import { summarise } from './summary';

export const EVAL_RUN_JOB = 'evalrun.run';
const PayloadSchema = z.object({ runId: z.string() });
const CaseIdsSchema = z.array(z.string());

/**
 * Runs a workflow version over a set of test cases. Restart-safe and
 * worker-capable: all state is in the database. A case that already has a
 * result in this run is skipped (a restarted job continues where it
 * stopped), and a case whose cache key matches a result of any earlier run
 * is copied instead of drafted again, so a rerun only does what changed.
 */
export async function runEvalJob(ctx: AppJobContext): Promise<unknown> {
  const { runId } = PayloadSchema.parse(ctx.payload);
  const db = ctx.deps.db.prisma;
  const run = await db.evalRun.findUnique({ where: { id: runId }, include: { workflowVersion: true } });
  if (!run) throw new JobFailure('not_found', 'Körningen finns inte längre.');
  try {
    await db.evalRun.update({ where: { id: runId }, data: { status: 'running' } });
    const result = await evaluateAll(ctx, run);
    await db.evalRun.update({ where: { id: runId }, data: { status: 'succeeded', summary: result as never, finishedAt: new Date() } });
    return { runId, summary: result };
  } catch (error) {
    const shutdown = ctx.signal.aborted && (ctx.signal.reason as Error | undefined)?.message === 'shutdown';
    // On shutdown the job goes back to the queue, so the run stays "running".
    if (!shutdown) {
      await db.evalRun.update({ where: { id: runId }, data: { status: ctx.signal.aborted ? 'cancelled' : 'failed', finishedAt: new Date() } });
    }
    throw error;
  }
}

type RunRow = { id: string; drafterId: string; caseIds: unknown; workflowVersion: { spec: unknown } };

async function evaluateAll(ctx: AppJobContext, run: RunRow) {
  const db = ctx.deps.db.prisma;
  const spec = specOf(run.workflowVersion);
  const caseIds = CaseIdsSchema.parse(run.caseIds);
  const drafter = drafterForJob(ctx.deps, drafterKindOf(run.drafterId), spec);
  try {
    for (const [i, caseId] of caseIds.entries()) {
      ctx.signal.throwIfAborted();
      await evaluateOne(ctx.deps, run, spec, caseId, drafter, ctx.signal);
      await ctx.progress((i + 1) / caseIds.length, `${i + 1} av ${caseIds.length} testfall`);
    }
  } finally {
    await drafter.dispose();
  }
  const rows = await db.evalResult.findMany({ where: { runId: run.id } });
  return summarise(rows.map((r) => ({ metrics: r.metrics as unknown as CaseMetrics, durationMs: r.durationMs, cached: isCached(r.output) })));
}

export function isCached(output: unknown): boolean {
  return typeof (output as { cachedFromRunId?: unknown } | null)?.cachedFromRunId === 'string';
}

async function evaluateOne(
  deps: AppDeps,
  run: RunRow,
  spec: ReturnType<typeof specOf>,
  caseId: string,
  drafter: NoteDrafter,
  signal: AbortSignal,
): Promise<void> {
  const db = deps.db.prisma;
  if (await db.evalResult.findUnique({ where: { runId_caseId: { runId: run.id, caseId } } })) return;
  const row = await db.testCase.findUnique({ where: { id: caseId } });
  if (!row) return; // deleted since the run was queued: the summary counts what exists
  const testCase = TestCaseSchema.parse(row.data);
  const cacheKey = resultCacheKey(spec, testCase, run.drafterId);
  const hit = await db.evalResult.findFirst({ where: { cacheKey, runId: { not: run.id } }, orderBy: { createdAt: 'desc' } });
  const data = hit
    ? {
        output: { ...(hit.output as Record<string, unknown>), cachedFromRunId: hit.runId },
        metrics: hit.metrics as never,
        durationMs: hit.durationMs,
      }
    : await evaluateCase(drafter, spec, testCase, signal).then((o) => ({ output: o.output, metrics: o.metrics as never, durationMs: o.durationMs }));
  try {
    await db.evalResult.create({ data: { runId: run.id, caseId, cacheKey, output: data.output as never, metrics: data.metrics, durationMs: data.durationMs } });
  } catch (error) {
    // A second worker finished the same case first: its row is as good as ours.
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
}
