import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app';
import { compose } from '../server/compose';
import type { Database } from '../server/db/client';
import { loadEnv } from '../server/env';
import { createLogger } from '../server/logger';
import { createSession } from '../server/modules/auth/sessions';
import { bootstrap } from '../server/seed/bootstrap';
import { createBenchDb } from './pg-temp';

/**
 * Live transcript load on PostgreSQL: LISTENERS open live views (SSE), one
 * per recording in progress, while a simulated worker finishes a window
 * every ACTIVITY_MS somewhere (each recording gets one every
 * LISTENERS × ACTIVITY_MS). Measured twice on the same database in one run:
 * LIVE_EVENTS=poll (every view reads the database every 300 ms, as before)
 * and the default push (LISTEN/NOTIFY; a view reads only on a notice, and
 * once a minute in case one was lost). Reported: database queries per second
 * issued by the server (counted at the Prisma client: every model operation
 * and raw statement, the simulated worker's writes included) and the delay
 * from a window's write to its segment reaching the view.
 */
const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 200);
const ACTIVITY_MS = 100;
const MEASURE_MS = Number(process.env.BENCH_LIVE_SECONDS ?? 20) * 1000;

function countQueries(db: Database): { count: () => number; reset: () => void } {
  let n = 0;
  db.prisma = db.prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        n++;
        return query(args);
      },
    },
  }) as unknown as Database['prisma'];
  return { count: () => n, reset: () => (n = 0) };
}

/** Reads one SSE response, calling `onSegment` with each segment event's window index. */
async function follow(res: Response, onSegment: (window: number) => void, onStatus: () => void): Promise<void> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      if (block.includes('event: segment')) onSegment(Number(/"window":(\d+)/.exec(block)![1]));
      else if (block.includes('event: status')) onStatus();
    }
  }
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN);

async function measure(url: string, dataDir: string, mode: 'poll' | 'auto', setup: boolean) {
  const env = loadEnv({ NODE_ENV: 'test', DATABASE_URL: url, DATA_DIR: dataDir, SCRYPT_LOG_N: '10', LOG_LEVEL: 'silent', DEMO_PILOT: 'false', LIVE_EVENTS: mode, DEMO_DATA: 'true' });
  const composed = await compose(env, createLogger('silent'));
  const { deps } = composed;
  if (setup) await bootstrap(deps, () => undefined);
  const counter = countQueries(deps.db);
  const server = createApp(deps).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const prisma = deps.db.prisma;
  const user = await prisma.user.findUniqueOrThrow({ where: { username: 'lakare1' } });
  if (setup) {
    await prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
    for (let i = 0; i < LISTENERS; i++) {
      const encounter = await prisma.encounter.create({ data: { label: `Bänk ${i}`, createdById: user.id, consentAt: new Date() } });
      await prisma.recording.create({ data: { id: `bench${String(i).padStart(4, '0')}`, encounterId: encounter.id, sampleRate: 16000 } });
    }
  }
  const recordings = (await prisma.recording.findMany({ where: { id: { startsWith: 'bench' } }, orderBy: { id: 'asc' } })).map((r) => r.id);
  const { token } = await createSession(deps, user.id);

  const written = new Map<string, number>(); // `${recording}:${window}` → write time
  const delays: number[] = [];
  let ready = 0;
  const controllers: AbortController[] = [];
  for (const id of recordings) {
    const controller = new AbortController();
    controllers.push(controller);
    const res = await fetch(`${base}/api/v1/recordings/${id}/events`, { headers: { cookie: `jv_session=${token}` }, signal: controller.signal });
    if (res.status !== 200) throw new Error(`events ${res.status}`);
    let first = true;
    void follow(
      res,
      (window) => {
        const at = written.get(`${id}:${window}`);
        if (at !== undefined) delays.push(Date.now() - at);
      },
      () => {
        if (first) ready++;
        first = false;
      },
    ).catch(() => undefined);
  }
  while (ready < recordings.length) await new Promise((r) => setTimeout(r, 50));

  // The simulated worker: one finished window every ACTIVITY_MS, round robin over the recordings.
  const next = new Map<string, number>();
  for (const id of recordings) next.set(id, await prisma.recordingWindow.count({ where: { recordingId: id } }));
  counter.reset();
  const started = Date.now();
  let turn = 0;
  let windows = 0;
  while (Date.now() - started < MEASURE_MS) {
    const id = recordings[turn++ % recordings.length]!;
    const index = next.get(id)!;
    next.set(id, index + 1);
    written.set(`${id}:${index}`, Date.now());
    await prisma.recordingWindow.create({
      data: { recordingId: id, index, startSample: index * 16000, endSample: (index + 1) * 16000, status: 'done', segments: [{ id: 'w1', start: index, end: index + 1, speaker: null, text: 'Syntetisk mening.' }] },
    });
    await deps.events.publish('recording', id);
    windows++;
    await new Promise((r) => setTimeout(r, Math.max(0, started + windows * ACTIVITY_MS - Date.now())));
  }
  const elapsed = (Date.now() - started) / 1000;
  const queries = counter.count();
  await new Promise((r) => setTimeout(r, 1500)); // let the last segments arrive
  for (const c of controllers) c.abort();
  server.closeAllConnections();
  server.close();
  await composed.close();
  const sorted = [...delays].sort((x, y) => x - y);
  return { mode, queriesPerSecond: queries / elapsed, windows, delivered: delays.length, p50: pct(sorted, 0.5), p95: pct(sorted, 0.95) };
}

export async function run(): Promise<void> {
  const db = await createBenchDb('live');
  if (!db) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jv-bench-live-'));
  try {
    console.log(`${LISTENERS} live views (SSE), one per recording in progress; a window finishes every ${ACTIVITY_MS} ms; ${MEASURE_MS / 1000} s per mode, same database, one run`);
    const before = await measure(db.url, dataDir, 'poll', true);
    const after = await measure(db.url, dataDir, 'auto', false);
    console.log('| mode | DB queries/s | windows written | segments delivered | delay p50 | delay p95 |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const r of [before, after]) {
      const name = r.mode === 'poll' ? 'before: poll every 300 ms' : 'after: LISTEN/NOTIFY';
      console.log(`| ${name} | ${r.queriesPerSecond.toFixed(0)} | ${r.windows} | ${r.delivered} | ${r.p50} ms | ${r.p95} ms |`);
    }
    console.log(`queries/s after ÷ before: ${(after.queriesPerSecond / before.queriesPerSecond).toFixed(3)}`);
  } finally {
    await db.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
