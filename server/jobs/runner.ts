import type { AppDeps } from '../deps';
import { keepLease } from './leases';
import { asJobFailure } from '../errors';
import { JobWaiting, type JobHandler } from './queue';

/**
 * Runs one job row with its handler: marks it running, feeds progress and
 * cancellation through, stores the result or a non-identifying error.
 * Shared by both queues so their behaviour cannot drift apart. Every change
 * of the row is announced on the event bus (`job` notices), so live views in
 * other processes follow a job without polling it.
 */
export async function runJob(
  deps: AppDeps,
  handlers: Map<string, JobHandler<unknown, AppDeps>>,
  jobId: string,
  workerId: string,
  shutdown: AbortSignal,
  local: Map<string, AbortController>,
): Promise<'succeeded' | 'failed' | 'cancelled' | 'skipped' | 'waiting'> {
  const db = deps.db.prisma;
  const changed = () => deps.events.publish('job', jobId);
  const job = await db.job.findUnique({ where: { id: jobId } });
  if (!job || job.status === 'succeeded' || job.status === 'failed' || job.status === 'cancelled') return 'skipped';
  if (job.cancelRequested) {
    await db.job.update({ where: { id: jobId }, data: { status: 'cancelled', finishedAt: new Date() } });
    await changed();
    return 'cancelled';
  }
  const handler = handlers.get(job.kind);
  if (!handler) {
    await db.job.update({ where: { id: jobId }, data: { status: 'failed', error: `unknown_kind: ingen hanterare för ${job.kind}`, finishedAt: new Date() } });
    await changed();
    return 'failed';
  }
  const controller = new AbortController();
  const onShutdown = () => controller.abort(new Error('shutdown'));
  shutdown.addEventListener('abort', onShutdown);
  local.set(jobId, controller);
  await db.job.update({
    where: { id: jobId },
    data: { status: 'running', startedAt: job.startedAt ?? new Date(), lockedBy: workerId, lockedAt: new Date(), attempts: { increment: 1 } },
  });
  await changed();
  const started = Date.now();
  const stopLease = keepLease(deps.db, jobId, workerId, deps.env.JOB_LEASE_SECONDS);
  try {
    const result = await handler({
      jobId,
      payload: job.payload,
      attempt: job.attempts + 1,
      deps,
      signal: controller.signal,
      progress: async (fraction, note) => {
        const row = await db.job.update({
          where: { id: jobId },
          data: { progress: Math.max(0, Math.min(1, fraction)), progressNote: note ?? null },
          select: { cancelRequested: true },
        });
        await changed();
        if (row.cancelRequested) controller.abort(new Error('cancelled'));
        if (controller.signal.aborted) throw controller.signal.reason;
      },
    });
    await db.job.update({
      where: { id: jobId },
      data: { status: 'succeeded', progress: 1, result: (result ?? null) as never, finishedAt: new Date(), lockedBy: null },
    });
    await changed();
    deps.logger.info('job.succeeded', { jobId, jobKind: job.kind, ms: Date.now() - started });
    return 'succeeded';
  } catch (error) {
    if (shutdown.aborted) {
      // Not the job's fault: leave it for the next process to pick up.
      await db.job.update({ where: { id: jobId }, data: { status: 'queued', lockedBy: null } });
      await changed();
      throw error;
    }
    if (error instanceof JobWaiting && !controller.signal.aborted) {
      await db.job.update({ where: { id: jobId }, data: { status: 'waiting', progressNote: error.message, lockedBy: null } });
      await changed();
      deps.logger.info('job.waiting', { jobId, jobKind: job.kind, code: error.code });
      return 'waiting';
    }
    const cancelled = controller.signal.aborted;
    const failure = asJobFailure(error);
    const message = failure ? `${failure.code}: ${failure.message}` : cancelled ? 'cancelled' : 'internal: oväntat fel i jobbet';
    await db.job.update({
      where: { id: jobId },
      // A note from an earlier wait ("Väntar på …") no longer holds once the job has ended.
      data: { status: cancelled ? 'cancelled' : 'failed', error: message, progressNote: null, finishedAt: new Date(), lockedBy: null },
    });
    await changed();
    if (!cancelled) deps.logger.error('job.failed', { jobId, jobKind: job.kind, error });
    return cancelled ? 'cancelled' : 'failed';
  } finally {
    stopLease();
    shutdown.removeEventListener('abort', onShutdown);
    local.delete(jobId);
  }
}
