import { afterEach, describe, expect, it } from 'vitest';
import { compose, type Composed } from '../../server/compose';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/logger';
import { JobFailure } from '../../server/errors';
import { createTempDb, postgresAvailable, type TempDb } from '../support/db';

const pg = await postgresAvailable();

async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('job queue on $kind', ({ kind, skip }) => {
  const open: Composed[] = [];
  let db: TempDb | undefined;
  const boot = async () => {
    db ??= await createTempDb(kind);
    const env = loadEnv({ NODE_ENV: 'test', DATA_DIR: db.dataDir, DATABASE_URL: db.url, LOG_LEVEL: 'silent' });
    const c = await compose(env, createLogger('silent'));
    open.push(c);
    return c;
  };
  afterEach(async () => {
    for (const c of open.splice(0)) await c.close();
    await db?.drop();
    db = undefined;
  });

  it.skipIf(skip)('runs a job, reports progress and stores the result', async () => {
    const { deps } = await boot();
    const seen: number[] = [];
    deps.jobs.register<{ n: number }>('test.count', async ({ payload, progress }) => {
      for (let i = 1; i <= payload.n; i++) {
        await progress(i / payload.n, `${i} av ${payload.n}`);
        seen.push(i);
      }
      return { total: payload.n };
    });
    await deps.jobs.startWorking(deps, 1);
    const { id } = await deps.jobs.enqueue('test.count', { n: 3 });
    const job = await waitFor(async () => {
      const row = await deps.db.prisma.job.findUnique({ where: { id } });
      return row?.status === 'succeeded' && row;
    });
    expect(job).toMatchObject({ progress: 1, progressNote: '3 av 3', result: { total: 3 }, attempts: 1 });
    expect(seen).toEqual([1, 2, 3]);
  });

  it.skipIf(skip)('a failing job stores a readable error; an unknown kind fails clearly', async () => {
    const { deps } = await boot();
    deps.jobs.register('test.fail', async () => {
      throw new JobFailure('model_missing', 'Modellen är inte installerad.');
    });
    await deps.jobs.startWorking(deps, 1);
    const a = await deps.jobs.enqueue('test.fail', {});
    const b = await deps.jobs.enqueue('test.unknown', {});
    const rowA = await waitFor(async () => {
      const r = await deps.db.prisma.job.findUnique({ where: { id: a.id } });
      return r?.status === 'failed' && r;
    });
    expect(rowA.error).toBe('model_missing: Modellen är inte installerad.');
    const rowB = await waitFor(async () => {
      const r = await deps.db.prisma.job.findUnique({ where: { id: b.id } });
      return r?.status === 'failed' && r;
    });
    expect(rowB.error).toMatch(/^unknown_kind/);
  });

  it.skipIf(skip)('a running job can be cancelled', async () => {
    const { deps } = await boot();
    let started = false;
    deps.jobs.register('test.slow', async ({ progress, signal }) => {
      started = true;
      for (let i = 0; i < 400 && !signal.aborted; i++) {
        await progress(i / 400);
        await new Promise((r) => setTimeout(r, 25));
      }
      signal.throwIfAborted();
    });
    await deps.jobs.startWorking(deps, 1);
    const { id } = await deps.jobs.enqueue('test.slow', {});
    await waitFor(async () => started);
    await deps.jobs.cancel(id);
    const row = await waitFor(async () => {
      const r = await deps.db.prisma.job.findUnique({ where: { id } });
      return r?.status === 'cancelled' && r;
    });
    expect(row.finishedAt).not.toBeNull();
  });

  it.skipIf(skip)('a job survives a restart: queued work left by a stopped process runs in the next one', async () => {
    const first = await boot();
    const { id } = await first.deps.jobs.enqueue('test.restart', { v: 7 });
    // Simulate a process that died mid-job: the row says running.
    await first.deps.db.prisma.job.update({ where: { id }, data: { status: 'running', lockedBy: 'dead-process' } });
    await first.close();
    open.splice(0);

    const second = await boot();
    second.deps.jobs.register<{ v: number }>('test.restart', async ({ payload }) => ({ doubled: payload.v * 2 }));
    await second.deps.jobs.startWorking(second.deps, 1);
    const row = await waitFor(async () => {
      const r = await second.deps.db.prisma.job.findUnique({ where: { id } });
      return r?.status === 'succeeded' && r;
    }, 30_000);
    expect(row.result).toEqual({ doubled: 14 });
  });

  it.skipIf(skip || kind !== 'postgresql')('several workers share one queue', async () => {
    const workers = [await boot(), await boot()];
    const ranBy = new Map<string, number>();
    workers.forEach((w, i) =>
      w.deps.jobs.register('test.share', async () => {
        await new Promise((r) => setTimeout(r, 150));
        ranBy.set(`w${i}`, (ranBy.get(`w${i}`) ?? 0) + 1);
      }),
    );
    for (const w of workers) await w.deps.jobs.startWorking(w.deps, 1);
    const ids = await Promise.all(Array.from({ length: 8 }, () => workers[0]!.deps.jobs.enqueue('test.share', {})));
    await waitFor(async () => (await workers[0]!.deps.db.prisma.job.count({ where: { id: { in: ids.map((j) => j.id) }, status: 'succeeded' } })) === 8, 30_000);
    expect([...ranBy.values()].reduce((a, b) => a + b, 0)).toBe(8);
    expect(ranBy.size).toBe(2);
  });
});

