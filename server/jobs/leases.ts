import type { Database } from '../db/client';

/**
 * Leases for jobs on the shared PostgreSQL queue. pg-boss only notices a
 * crashed worker when its message expires (an hour, since transcription and
 * evaluation runs are long), so the Job row carries its own short lease: the
 * worker running a job renews `lockedAt` every third of JOB_LEASE_SECONDS
 * (runner.ts), and every worker puts jobs whose lease ran out back in the
 * queue (a new pg-boss message). Claiming is one guarded update, so a job is
 * never run twice at once, also when the old message is retried later.
 */
export const MAX_CRASHED_ATTEMPTS = 3;

/** Running without a live lease: renewed too long ago, or never (a row left by an older version or by hand). */
const lostLease = (leaseSeconds: number) => ({
  status: 'running',
  OR: [{ lockedAt: { lt: new Date(Date.now() - leaseSeconds * 1000) } }, { lockedAt: null }],
});

/** Take the job for this worker if it is queued, or running under a lease that ran out. */
export async function claimJob(db: Database, jobId: string, workerId: string, leaseSeconds: number): Promise<boolean> {
  const { count } = await db.prisma.job.updateMany({
    where: { id: jobId, OR: [{ status: 'queued' }, lostLease(leaseSeconds)] },
    data: { status: 'running', lockedBy: workerId, lockedAt: new Date() },
  });
  return count === 1;
}

/** Renew the lease while the handler runs; returns the function that stops renewing. */
export function keepLease(db: Database, jobId: string, workerId: string, leaseSeconds: number): () => void {
  const timer = setInterval(() => {
    db.prisma.job.updateMany({ where: { id: jobId, status: 'running', lockedBy: workerId }, data: { lockedAt: new Date() } }).catch(() => undefined);
  }, (leaseSeconds * 1000) / 3);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Jobs whose worker stopped renewing: back to the queue (`send` posts the new
 * message), or failed after MAX_CRASHED_ATTEMPTS, so a job that kills its
 * worker every time cannot take the workers down one after another forever.
 */
export async function requeueLost(db: Database, leaseSeconds: number, send: (jobId: string) => Promise<void>): Promise<number> {
  const stale = lostLease(leaseSeconds);
  const lost = await db.prisma.job.findMany({ where: stale, select: { id: true, attempts: true } });
  let requeued = 0;
  for (const job of lost) {
    const giveUp = job.attempts >= MAX_CRASHED_ATTEMPTS;
    const { count } = await db.prisma.job.updateMany({
      where: { id: job.id, ...stale },
      data: giveUp
        ? { status: 'failed', error: 'worker_lost: jobbet avbröts när arbetsprocessen stannade, flera gånger. Starta det igen.', finishedAt: new Date(), lockedBy: null }
        : { status: 'queued', lockedBy: null },
    });
    if (count === 1 && !giveUp) {
      await send(job.id);
      requeued++;
    }
  }
  return requeued;
}
