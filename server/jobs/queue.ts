import type { Database } from '../db/client';

/**
 * Long work (transcription, drafting, evaluation runs) runs as jobs. The Job
 * row in the database is what users see (status, progress, result); the
 * queue only decides who runs which job when. Two queues share this contract:
 * in-process (embedded SQLite default) and pg-boss (PostgreSQL, several
 * `npm run worker` processes).
 */
export interface JobContext<P = unknown, D = unknown> {
  jobId: string;
  payload: P;
  attempt: number;
  /** the app's dependencies (AppDeps); generic so the queue's contract does not import the composition it is part of */
  deps: D;
  /** aborted when a user cancels the job or the process shuts down */
  signal: AbortSignal;
  /** fraction 0..1 and a short non-identifying note ("3 av 10 fönster") */
  progress(fraction: number, note?: string): Promise<void>;
}

export type JobHandler<P = unknown, D = unknown> = (ctx: JobContext<P, D>) => Promise<unknown>;

export interface EnqueueOptions {
  createdById?: string | null;
  /** the Job row's id, when the caller has already named the job in its own row (a report) */
  id?: string;
}

export interface JobQueue<D = unknown> {
  readonly kind: 'in-process' | 'pg-boss';
  register<P>(kind: string, handler: JobHandler<P, D>): void;
  enqueue(kind: string, payload: unknown, options?: EnqueueOptions): Promise<{ id: string }>;
  /** ask a job to stop; a running handler sees its signal abort */
  cancel(jobId: string): Promise<void>;
  /** begin taking jobs (web process on the embedded default, or a worker) */
  startWorking(deps: D, concurrency: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Thrown by a handler that cannot run yet for a reason that will pass
 * without anyone resubmitting (a model not installed yet). The job is put
 * aside as `waiting` with this message as its progress note, and the queue
 * tries it again every JOB_WAITING_RETRY_SECONDS, on whichever worker is
 * free, so it runs once the reason is gone: no restart, nothing lost.
 */
export class JobWaiting extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Waiting jobs last tried at least `olderThanMs` ago, put back in the queue (guarded, so one process takes each); their ids. */
export async function requeueWaiting(db: Database, olderThanMs: number): Promise<string[]> {
  const due = await db.prisma.job.findMany({ where: { status: 'waiting', updatedAt: { lte: new Date(Date.now() - olderThanMs) } }, select: { id: true } });
  const taken: string[] = [];
  for (const { id } of due) {
    const { count } = await db.prisma.job.updateMany({ where: { id, status: 'waiting' }, data: { status: 'queued' } });
    if (count === 1) taken.push(id);
  }
  return taken;
}


/** The Job row both queues write on enqueue (the queue itself then wakes a worker its own way). */
export function createJobRow(db: Database, kind: string, payload: unknown, options: EnqueueOptions) {
  return db.prisma.job.create({ data: { id: options.id, kind, payload: payload as never, createdById: options.createdById ?? null } });
}

/**
 * Cancel: a queued or waiting job never starts (its "Väntar på …" note goes); a running one is asked to stop,
 * and stops at once if it runs in this process.
 */
export async function cancelJobRows(db: Database, jobId: string, local: Map<string, AbortController>): Promise<void> {
  await db.prisma.job.updateMany({
    where: { id: jobId, status: { in: ['queued', 'waiting'] } },
    data: { status: 'cancelled', cancelRequested: true, progressNote: null, finishedAt: new Date() },
  });
  await db.prisma.job.updateMany({ where: { id: jobId, status: 'running' }, data: { cancelRequested: true } });
  local.get(jobId)?.abort(new Error('cancelled'));
}
