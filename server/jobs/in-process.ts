import crypto from 'node:crypto';
import type { AppDeps } from '../deps';
import type { Database } from '../db/client';
import { cancelJobRows, createJobRow, requeueWaiting, type JobHandler, type JobQueue } from './queue';
import { runJob } from './runner';

/**
 * The embedded default: the Job table is the queue. Claiming is a guarded
 * update (status queued → running), so it is also safe if two processes
 * share one database. On start, jobs left "running" by a process that died
 * are put back in the queue: jobs survive a restart.
 */
export function createInProcessQueue(db: Database, pollMs = 1000, waitingRetryMs = 30_000): JobQueue<AppDeps> {
  const handlers = new Map<string, JobHandler<unknown, AppDeps>>();
  const local = new Map<string, AbortController>();
  const workerId = `web-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  let shutdown = new AbortController();
  // Idle loops wait on a timer; enqueue() and stop() wake them at once.
  const sleepers = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of sleepers) wake();
    sleepers.clear();
  };
  let loops: Promise<void>[] = [];
  let retryWaiting: ReturnType<typeof setInterval> | undefined;

  async function claim(): Promise<string | null> {
    const next = await db.prisma.job.findFirst({ where: { status: 'queued' }, orderBy: { createdAt: 'asc' }, select: { id: true } });
    if (!next) return null;
    const { count } = await db.prisma.job.updateMany({
      where: { id: next.id, status: 'queued' },
      data: { status: 'running', lockedBy: workerId, lockedAt: new Date() },
    });
    return count === 1 ? next.id : claim();
  }

  async function loop(deps: AppDeps): Promise<void> {
    while (!shutdown.signal.aborted) {
      const id = await claim().catch((error) => {
        deps.logger.error('jobs.claim_failed', { error });
        return null;
      });
      if (id) {
        await runJob(deps, handlers, id, workerId, shutdown.signal, local).catch(() => undefined);
        continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        sleepers.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  return {
    kind: 'in-process',
    register(kind, handler) {
      handlers.set(kind, handler as JobHandler<unknown, AppDeps>);
    },
    async enqueue(kind, payload, options = {}) {
      const job = await createJobRow(db, kind, payload, options);
      wakeAll();
      return { id: job.id };
    },
    async cancel(jobId) {
      await cancelJobRows(db, jobId, local);
    },
    async startWorking(deps, concurrency) {
      shutdown = new AbortController();
      const { count } = await db.prisma.job.updateMany({ where: { status: 'running' }, data: { status: 'queued', lockedBy: null } });
      if (count) deps.logger.info('jobs.recovered', { count });
      loops = Array.from({ length: concurrency }, () => loop(deps));
      retryWaiting = setInterval(() => {
        requeueWaiting(db, waitingRetryMs).then(
          (ids) => ids.length > 0 && wakeAll(),
          (error: unknown) => deps.logger.error('jobs.requeue_failed', { error }),
        );
      }, waitingRetryMs);
      retryWaiting.unref();
    },
    async stop() {
      clearInterval(retryWaiting);
      shutdown.abort();
      wakeAll();
      await Promise.allSettled(loops);
      loops = [];
    },
  };
}
