import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/app';
import { postgresAvailable } from '../support/db';

/**
 * Issue #12 row 6: on PostgreSQL, a worker process killed with SIGKILL in the
 * middle of a job loses it to another worker within the lease (here 2 s; 30 s
 * by default), instead of pg-boss's one-hour expiry. A healthy long job keeps
 * its lease by renewing it.
 */
const pg = await postgresAvailable();
const LEASE = 2;
const WORKER = path.resolve(import.meta.dirname, '../support/blocking-worker.ts');

function startWorker(server: TestServer): { child: ChildProcess; line: (prefix: string) => Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, server.db.url, server.db.dataDir, String(LEASE)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    waiters.splice(0).forEach((w) => w());
  });
  const line = async (prefix: string) => {
    const until = Date.now() + 60_000;
    for (;;) {
      const found = out.split('\n').find((l) => l.startsWith(prefix));
      if (found) return found;
      if (Date.now() > until || child.exitCode !== null) throw new Error(`worker never said "${prefix}"`);
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 500);
      });
    }
  };
  return { child, line };
}

describe.skipIf(!pg)('crashed worker on PostgreSQL', () => {
  let server: TestServer;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    child?.kill('SIGKILL');
    await server?.close();
  });

  it('row 6: a job whose worker is killed (-9) runs again elsewhere within the lease, not after an hour', async () => {
    server = await startTestServer({ db: 'postgresql', workers: false, env: { JOB_LEASE_SECONDS: String(LEASE) } });
    const worker = startWorker(server);
    child = worker.child;
    await worker.line('ready');
    let reruns = 0;
    server.deps.jobs.register('test.block', async () => ({ rerunBy: 'web', n: ++reruns }));
    const { id } = await server.deps.jobs.enqueue('test.block', {});
    await worker.line(`started ${id}`);
    const jobRow = () => server.deps.db.prisma.job.findUniqueOrThrow({ where: { id } });
    const held = await jobRow();
    expect(held).toMatchObject({ status: 'running', attempts: 1 });
    expect(held.lockedBy).toContain(`worker-${child.pid}-`);

    // Another worker is active (its reaper runs), but a renewed lease is left alone: 2.5 leases later, still the same worker.
    await server.deps.jobs.startWorking(server.deps, 1);
    await new Promise((r) => setTimeout(r, 2.5 * LEASE * 1000));
    expect(await jobRow()).toMatchObject({ status: 'running', attempts: 1, lockedBy: held.lockedBy });

    child.kill('SIGKILL');
    const killedAt = Date.now();
    for (;;) {
      const row = await jobRow();
      if (row.status === 'succeeded') break;
      expect(Date.now() - killedAt, `job still ${row.status}`).toBeLessThan(60_000);
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (Date.now() - killedAt) / 1000;
    console.log(`[crashed worker] job ran again ${seconds.toFixed(1)} s after kill -9 (lease ${LEASE} s)`);
    expect(seconds).toBeLessThan(4 * LEASE + 5);
    expect(await jobRow()).toMatchObject({ status: 'succeeded', attempts: 2, result: { rerunBy: 'web', n: 1 } });
    expect(reruns).toBe(1);
  }, 120_000);
});
