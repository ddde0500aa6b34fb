import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { compose } from '../server/compose';
import { loadEnv } from '../server/env';
import { createLogger } from '../server/logger';
import { createSession } from '../server/modules/auth/sessions';
import { treeCpuSeconds } from './proc-cpu';
import { bootstrap } from '../server/seed/bootstrap';
import { createBenchDb } from './pg-temp';

/**
 * Throughput of the authenticated, audited encounter read
 * (GET /api/v1/encounters/:id by its clinician: session, user and roles,
 * the encounter, an access-log row) on both databases at 20 and 200
 * connections, over loopback with autocannon. Side by side in the same run:
 * our server (`server/main.ts`, production settings, access logging on) and
 * the minimal baseline (bench/api-baseline.ts: the same SQL on node:http and
 * the plain driver), each with the same number of web processes
 * (BENCH_API_PROCESSES, default 1; more uses node:cluster, WEB_PROCESSES). Each server
 * is its own process tree; autocannon runs in this one, so all share the
 * machine. Besides requests/s and latency, each row gives the CPU time the
 * server's processes used per request (from /proc) and the machine's load
 * average when the cell started: on a shared machine requests/s depend on
 * the neighbours, CPU per request much less. An extra PostgreSQL row runs
 * ours with SESSION_CACHE_SECONDS=0 (the session read from the database on
 * every request, as the baseline does), so the cache's share is visible.
 *
 * Options (environment): BENCH_API_SECONDS (10), BENCH_API_PROCESSES (1),
 * BENCH_API_DB (sqlite | postgresql: one only), BENCH_API_CONNECTIONS
 * ("20,200"), BENCH_API_NO_CACHE_ROW (0: leave that row out),
 * BENCH_API_CPU_PROF (a folder: node --cpu-prof for both servers),
 * BENCH_API_PRELOAD (a script given to both servers with --require; it is
 * sent SIGUSR2 after each cell, e.g. to print event-loop delay and GC),
 * BENCH_API_OURS_NODE_FLAGS (Node flags for ours instead of
 * scripts/server-node-flags.json, which `npm start` uses; "none" for none),
 * BENCH_API_OURS_ENV ("NAME=value,NAME=value": extra settings for ours only,
 * e.g. to try a setting without changing its default).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const SERVER_NODE_FLAGS = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'server-node-flags.json'), 'utf8')) as string[];
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const PROCESSES = Number(process.env.BENCH_API_PROCESSES ?? 1);
const CONNECTIONS = (process.env.BENCH_API_CONNECTIONS ?? '20,200').split(',').map(Number);
const OURS_ENV = Object.fromEntries((process.env.BENCH_API_OURS_ENV ?? '').split(',').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));

interface Target {
  name: string;
  child: ChildProcess;
  port: number;
}

function start(name: string, script: string, env: Record<string, string>): Promise<Target> {
  const prof = process.env.BENCH_API_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_CPU_PROF}`] : [];
  // Ours runs with the Node flags `npm start` gives the server; BENCH_API_OURS_NODE_FLAGS replaces them ("none": Node's defaults).
  const flags = process.env.BENCH_API_OURS_NODE_FLAGS ?? SERVER_NODE_FLAGS.join(' ');
  if (name === 'ours' && flags !== 'none') prof.push(...flags.split(' ').filter(Boolean));
  if (process.env.BENCH_API_PRELOAD) prof.push('--require', path.resolve(process.env.BENCH_API_PRELOAD));
  const child = spawn(process.execPath, [...prof, '--import', 'tsx', path.join(ROOT, script)], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // Ready = listening and, for ours, the start-up work done (the follow-up warm-up compiles the dashboard's
  // queries in the background after listen): the cells measure the steady state, not the first seconds.
  const ready = name === 'baseline' ? /listening (\d+)/ : /"event":"followup\.(warmed|warm_up_failed)"/;
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const port = /listening (\d+)|kör på http:\/\/[^:]+:(\d+)/.exec(out);
      if (port && ready.test(out)) {
        // From here on stdout is drained and dropped: the access log is written as in production.
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve({ name, child, port: Number(port[1] ?? port[2]) });
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}) before listening`)));
  });
}

async function stop(t: Target): Promise<void> {
  if (t.child.exitCode !== null || t.child.signalCode !== null) return;
  t.child.kill('SIGTERM');
  await new Promise((r) => t.child.once('exit', r));
}

interface Cell {
  rps: number;
  p50: number;
  p99: number;
  /** CPU ms of the server's processes per answered request, null without /proc */
  cpuMs: number | null;
}

async function load(t: Target, encounterId: string, cookie: string, connections: number, seconds: number): Promise<Cell> {
  const cpuBefore = treeCpuSeconds(t.child.pid!);
  const r = await autocannon({ url: `http://127.0.0.1:${t.port}/api/v1/encounters/${encounterId}`, connections, duration: seconds, headers: { cookie } });
  const cpuAfter = treeCpuSeconds(t.child.pid!);
  if (process.env.BENCH_API_PRELOAD) t.child.kill('SIGUSR2'); // the preload prints what it measured during the cell
  if (r.non2xx || r.errors || r.timeouts) console.log(`  (${t.name}, ${connections} conns: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts)`);
  const answered = r.requests.total;
  const cpuMs = cpuBefore !== null && cpuAfter !== null && answered > 0 ? ((cpuAfter - cpuBefore) * 1000) / answered : null;
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, cpuMs };
}

const load1 = () => os.loadavg()[0]!.toFixed(1);
const ms = (v: number | null) => (v === null ? '–' : v.toFixed(2));

async function prepare(url: string, dataDir: string) {
  const composed = await compose(loadEnv({ NODE_ENV: 'production', DATABASE_URL: url, DATA_DIR: dataDir, SCRYPT_LOG_N: '10', LOG_LEVEL: 'silent', DEMO_PILOT: 'false' }), createLogger('silent'));
  try {
    await bootstrap(composed.deps, () => undefined);
    const prisma = composed.deps.db.prisma;
    const user = await prisma.user.update({ where: { username: 'lakare1' }, data: { mustChangePassword: false } });
    const encounter = await prisma.encounter.create({ data: { label: 'Bänkbesök', createdById: user.id, careUnitId: user.careUnitId, professionId: user.professionId } });
    const { token } = await createSession(composed.deps, user.id);
    return { encounterId: encounter.id, cookie: `jv_session=${token}` };
  } finally {
    await composed.close();
  }
}

export async function run(): Promise<void> {
  const rows: string[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jv-bench-api-'));
  const only = process.env.BENCH_API_DB?.toLowerCase();
  const pgDb = only === 'sqlite' ? null : await createBenchDb('api');
  const databases = [
    { kind: 'SQLite', url: `file:${path.join(dataDir, 'bench.db')}` },
    ...(pgDb ? [{ kind: 'PostgreSQL', url: pgDb.url }] : []),
  ].filter((d) => !only || d.kind.toLowerCase() === only);
  const loadAtStart = load1();
  console.log(
    `GET /api/v1/encounters/:id (session + roles, encounter, access-log insert), autocannon on loopback, ${SECONDS} s per cell; ` +
      `${PROCESSES} web process(es) each for ours and the baseline; ours with Node flags: ${process.env.BENCH_API_OURS_NODE_FLAGS ?? SERVER_NODE_FLAGS.join(' ')}` +
      `${process.env.BENCH_API_OURS_ENV ? ` and ${process.env.BENCH_API_OURS_ENV}` : ''}; ` +
      `${os.cpus().length} cores shared with this load generator and whatever else runs`,
  );
  try {
    for (const db of databases) {
      const { encounterId, cookie } = await prepare(db.url, dataDir);
      const env = { NODE_ENV: 'production', DATABASE_URL: db.url, DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', DEMO_DATA: 'false', WEB_PROCESSES: String(PROCESSES) };
      const variants = [
        { label: '', env: { ...env, ...OURS_ENV } },
        // The session read from the database on every request, as in the baseline: the cache's share made visible.
        ...(db.kind === 'PostgreSQL' && process.env.BENCH_API_NO_CACHE_ROW !== '0' ? [{ label: ', no session cache', env: { ...env, ...OURS_ENV, SESSION_CACHE_SECONDS: '0' } }] : []),
      ];
      const baseline = await start('baseline', 'bench/api-baseline.ts', env);
      try {
        for (const variant of variants) {
          const ours = await start('ours', 'server/main.ts', variant.env);
          try {
            for (const t of [ours, baseline]) await load(t, encounterId, cookie, 20, 2); // warm-up: JIT, pools, plans
            for (const connections of variant.label ? [200] : CONNECTIONS) {
              // Alternating, so drift in the machine's load hits both alike.
              const loadNow = load1();
              const a = await load(ours, encounterId, cookie, connections, SECONDS);
              const b = await load(baseline, encounterId, cookie, connections, SECONDS);
              rows.push(
                `| ${db.kind}${variant.label} | ${connections} | ${PROCESSES} / ${PROCESSES} | ${a.rps.toFixed(0)} | ${b.rps.toFixed(0)} | ${(a.rps / b.rps).toFixed(2)} | ${a.p50} / ${b.p50} | ${a.p99} / ${b.p99} | ${ms(a.cpuMs)} / ${ms(b.cpuMs)} | ${loadNow} |`,
              );
            }
          } finally {
            await stop(ours);
          }
        }
      } finally {
        await stop(baseline);
      }
    }
  } finally {
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log('| database | connections | processes ours / baseline | req/s ours | req/s baseline | ratio | p50 ms ours / baseline | p99 ms ours / baseline | CPU ms/request ours / baseline | load avg (1 min) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
  console.log(`Load average (1 min): ${loadAtStart} at the start, ${load1()} at the end, on ${os.cpus().length} cores.`);
  console.log('Targets (PostgreSQL, 200 connections): ratio ≥ 0.5, p99 < 250 ms.');
}
