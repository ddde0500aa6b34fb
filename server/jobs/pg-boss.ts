import crypto from 'node:crypto';
import PgBoss from 'pg-boss';
import type { AppDeps } from '../deps';
import type { Database } from '../db/client';
import { cancelJobRows, createJobRow, requeueWaiting, type JobHandler, type JobQueue } from './queue';
import { claimJob, requeueLost } from './leases';
import { runJob } from './runner';

/**
 * PostgreSQL scale-out: pg-boss distributes job ids to any number of worker
 * processes (`npm run worker`) on any number of machines. A worker that dies
 * mid-job stops renewing its lease on the Job row; within JOB_LEASE_SECONDS
 * another worker puts the job back in the queue and it is re-run (leases.ts;
 * handlers are idempotent: they write their results keyed by the job's inputs).
 */
const QUEUE = 'journalverkstan-jobs';

export function createPgBossQueue(db: Database, waitingRetryMs = 30_000): JobQueue<AppDeps> {
  const boss = new PgBoss({ connectionString: db.url, schema: 'pgboss', application_name: 'journalverkstan' });
  const handlers = new Map<string, JobHandler<unknown, AppDeps>>();
  const local = new Map<string, AbortController>();
  const workerId = `worker-${process.pid}-${crypto.randomBytes(3).toString('hex')}`;
  const shutdown = new AbortController();
  let started: Promise<void> | null = null;
  let reaper: NodeJS.Timeout | undefined;
  let retryWaiting: ReturnType<typeof setInterval> | undefined;

  const ensureStarted = () => {
    started ??= (async () => {
      boss.on('error', () => undefined); // surfaced through failed jobs; never log connection strings
      await boss.start();
      await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 3, retryDelay: 5, expireInSeconds: 60 * 60 });
    })();
    return started;
  };

  return {
    kind: 'pg-boss',
    register(kind, handler) {
      handlers.set(kind, handler as JobHandler<unknown, AppDeps>);
    },
    async enqueue(kind, payload, options = {}) {
      await ensureStarted();
      const job = await createJobRow(db, kind, payload, options);
      await boss.send(QUEUE, { jobId: job.id });
      return { id: job.id };
    },
    async cancel(jobId) {
      await cancelJobRows(db, jobId, local);
    },
    async startWorking(deps: AppDeps, concurrency: number) {
      await ensureStarted();
      const lease = deps.env.JOB_LEASE_SECONDS;
      for (let i = 0; i < concurrency; i++) {
        await boss.work<{ jobId: string }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
          // A message for a job another worker holds (a retried old message) is done here.
          if (job && (await claimJob(db, job.data.jobId, workerId, lease))) await runJob(deps, handlers, job.data.jobId, workerId, shutdown.signal, local);
        });
      }
      reaper ??= setInterval(() => {
        requeueLost(db, lease, async (jobId) => void (await boss.send(QUEUE, { jobId }))).catch((error) => deps.logger.error('jobs.requeue_failed', { error }));
      }, (lease * 1000) / 3);
      reaper.unref();
      // Any worker may put a waiting job back; the guarded update lets only one send it.
      retryWaiting ??= setInterval(() => {
        requeueWaiting(db, waitingRetryMs)
          .then(async (ids) => {
            for (const jobId of ids) await boss.send(QUEUE, { jobId });
          })
          .catch((error: unknown) => deps.logger.error('jobs.requeue_failed', { error }));
      }, waitingRetryMs);
      retryWaiting.unref();
    },
    async stop() {
      if (reaper) clearInterval(reaper);
      clearInterval(retryWaiting);
      shutdown.abort();
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
