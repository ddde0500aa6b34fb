import crypto from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { createApp } from '../server/app';
import { compose } from '../server/compose';
import { loadEnv } from '../server/env';
import { createLogger } from '../server/logger';
import { createSession } from '../server/modules/auth/sessions';
import { refreshFacts } from '../server/modules/followup/facts';
import { warmUpFollowup } from '../server/modules/followup/warm-up';
import { demoClinicians, syntheticBatches, type SyntheticBundle } from '../server/modules/followup/synthetic';
import { reportParts } from '../server/modules/followup/reports/jobs';
import { bootstrap } from '../server/seed/bootstrap';
import { seedNotesSql } from './report-seed-sql';

/**
 * Follow-up at scale, side by side in one run: 100,000 signed notes with
 * 1,000,000 timing events, then a region's year — 1,000,000 notes with
 * 10,000,000 events — each in a fresh PostgreSQL database, generated inside
 * PostgreSQL (report-seed-sql.ts). Per size: the first fact fill, the
 * dashboard's default view over HTTP (three calls) and the full reports in
 * both formats as the report job builds them. Targets on a 2-core machine:
 * dashboard < 1 s, each report < 5 min. BENCH_NOTES=100000 (comma-separated
 * sizes) runs fewer; BENCH_NODE_SEED=1 seeds the old way, in Node.
 */
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const SIZES = (process.env.BENCH_NOTES ?? '100000,1000000').split(',').map(Number);

type Col = [name: string, type: string];
async function insertUnnest(client: pg.Client, table: string, cols: Col[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const arrays = cols.map((_, i) => rows.map((r) => r[i] ?? null));
  const params = cols.map(([, type], i) => `$${i + 1}::${type === 'jsonb' ? 'text' : type}[]`).join(', ');
  const select = cols.map(([name, type]) => (type === 'jsonb' ? `"${name}"::jsonb` : `"${name}"`)).join(', ');
  await client.query(`INSERT INTO "${table}" (${cols.map(([n]) => `"${n}"`).join(', ')}) SELECT ${select} FROM unnest(${params}) AS t(${cols.map(([n]) => `"${n}"`).join(', ')})`, arrays);
}

const iso = (d: Date) => d.toISOString();
const json = (v: unknown) => (v == null ? null : JSON.stringify(v));

async function insertBundleFast(client: pg.Client, b: SyntheticBundle): Promise<void> {
  const now = iso(new Date());
  await insertUnnest(
    client,
    'Encounter',
    [['id', 'text'], ['label', 'text'], ['mode', 'text'], ['status', 'text'], ['createdById', 'text'], ['careUnitId', 'text'], ['professionId', 'text'], ['workflowVersionId', 'text'], ['createdAt', 'timestamp'], ['updatedAt', 'timestamp']],
    b.encounters.map((e) => [e.id, e.label, e.mode, e.status, e.createdById, e.careUnitId, e.professionId, e.workflowVersionId, iso(e.createdAt), now]),
  );
  await insertUnnest(
    client,
    'Draft',
    [['id', 'text'], ['encounterId', 'text'], ['workflowVersionId', 'text'], ['drafterId', 'text'], ['status', 'text'], ['sections', 'jsonb'], ['createdAt', 'timestamp'], ['updatedAt', 'timestamp']],
    b.drafts.map((d) => [d.id, d.encounterId, d.workflowVersionId, d.drafterId, d.status, json(d.sections), iso(d.createdAt), now]),
  );
  await insertUnnest(
    client,
    'SignedNote',
    [['id', 'text'], ['encounterId', 'text'], ['draftId', 'text'], ['version', 'int4'], ['text', 'text'], ['sections', 'jsonb'], ['signedById', 'text'], ['signedAt', 'timestamp'], ['rating', 'int4'], ['wrongTags', 'jsonb'], ['editStats', 'jsonb']],
    b.signedNotes.map((n) => [n.id, n.encounterId, n.draftId, n.version, n.text, json(n.sections), n.signedById, iso(n.signedAt), n.rating, json(n.wrongTags), json(n.editStats)]),
  );
  await insertUnnest(
    client,
    'TimeEvent',
    [['id', 'text'], ['encounterId', 'text'], ['draftId', 'text'], ['userId', 'text'], ['professionId', 'text'], ['careUnitId', 'text'], ['kind', 'text'], ['at', 'timestamp'], ['valueMs', 'int4'], ['createdAt', 'timestamp']],
    // an event row is written when it happens, so createdAt = at (as the timing module does)
    b.timeEvents.map((e) => [e.id, e.encounterId, e.draftId, e.userId, e.professionId, e.careUnitId, e.kind, iso(e.at), e.valueMs, iso(e.at)]),
  );
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

interface SizeResult {
  notes: number;
  events: number;
  seedMs: number;
  fillMs: number;
  views: number[];
  /** Node's CPU time per view (the server runs in this process): less sensitive to a shared machine than wall time */
  cpu: number[];
  reports: { format: string; ms: number; kib: number }[];
  load: string;
}

const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');

export async function run(): Promise<void> {
  const results: SizeResult[] = [];
  for (const notes of SIZES) {
    const r = await runSize(notes);
    if (!r) return;
    results.push(r);
  }
  console.log('\n| anteckningar | tidshändelser | seed | första faktafyllning | standardvy (3 anrop) | Node-CPU per vy | XLSX | Markdown | belastning (1/5/15 min) |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const rep = (f: string) => r.reports.find((x) => x.format === f) ?? { ms: NaN };
    console.log(`| ${r.notes.toLocaleString('sv-SE')} | ${r.events.toLocaleString('sv-SE')} | ${seconds(r.seedMs)} | ${seconds(r.fillMs)} | ${r.views.map(seconds).join(', ')} | ${r.cpu.map(seconds).join(', ')} | ${seconds(rep('xlsx').ms)} | ${seconds(rep('md').ms)} | ${r.load} |`);
  }
  console.log('Mål: standardvy < 1 s, rapport (jobb) < 5 min. Maskinen delas: se belastningen.');
}

async function runSize(notes: number): Promise<SizeResult | null> {
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL nås inte på ${ADMIN_URL.replace(/\/\/[^@]*@/, '//')}: benchmarken hoppas över.`);
    return null;
  }
  // BENCH_REUSE_DB=<name>: measure a database kept by an earlier run (BENCH_KEEP_DB=1) without seeding it again
  const reuse = process.env.BENCH_REUSE_DB;
  if (reuse && !/^[a-z0-9_]+$/.test(reuse)) throw new Error('BENCH_REUSE_DB: a database name of a-z, 0-9 and _');
  const name = reuse ?? `${process.env.BENCH_DB_PREFIX ?? 'jv_bench'}_${crypto.randomBytes(4).toString('hex')}`;
  if (!reuse) await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const composed = await compose(loadEnv({ NODE_ENV: 'test', DATA_DIR: `/tmp/${name}`, DATABASE_URL: url.toString(), SCRYPT_LOG_N: '10', LOG_LEVEL: 'silent' }), createLogger('silent'));
  const { deps } = composed;
  const server = createApp(deps).listen(0, '127.0.0.1');
  console.log(`\n${notes.toLocaleString('sv-SE')} anteckningar (databas ${name}; belastning ${load()})`);
  try {
    if (!reuse) await bootstrap(deps, () => undefined);
    // as server/main.ts does once it listens (there in the background; here
    // awaited, so that it cannot overlap the timed seeding and fill)
    await warmUpFollowup(deps);
    const clinicians = await demoClinicians(deps);
    const to = new Date(Date.now() - 86_400_000);
    const from = new Date(to.getTime() - 330 * 86_400_000);

    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    let t = Date.now();
    let events = 0;
    if (reuse) {
      events = Number((await client.query('SELECT count(*) AS n FROM "TimeEvent"')).rows[0].n);
    } else if (process.env.BENCH_NODE_SEED) {
      for (const b of syntheticBatches({ clinicians, notes, baselineShare: 0.25, from, to, seed: 1, prefix: 'b' }, 10_000)) {
        await insertBundleFast(client, b);
        events += b.timeEvents.length;
      }
    } else {
      const chunk = 100_000;
      for (let first = 0; first < notes; first += chunk) {
        await seedNotesSql(client, clinicians, from, to, first, Math.min(chunk, notes - first), 0.42 - first / 1e8);
        if (notes > chunk) process.stdout.write(`  seed ${Math.min(notes, first + chunk).toLocaleString('sv-SE')} (${seconds(Date.now() - t)})\n`);
      }
      events = Number((await client.query('SELECT count(*) AS n FROM "TimeEvent"')).rows[0].n);
    }
    await client.query('ANALYZE');
    await client.end();
    const seedMs = Date.now() - t;
    console.log(`seed: ${notes} signerade anteckningar, ${events} tidshändelser på ${seconds(seedMs)}`);
    // BENCH_SEED_ONLY=1 (with BENCH_KEEP_DB=1): prepare a database for later timed runs (BENCH_REUSE_DB) and stop
    if (process.env.BENCH_SEED_ONLY) return null;

    t = Date.now();
    const refreshed = await refreshFacts(deps);
    const fillMs = Date.now() - t;
    console.log(`första uppdatering av NoteFact (${refreshed.created} anteckningar): ${seconds(fillMs)}`);

    const lead = await deps.db.prisma.user.findUniqueOrThrow({ where: { username: 'ledare1' } });
    await deps.db.prisma.user.update({ where: { id: lead.id }, data: { mustChangePassword: false } });
    const { token } = await createSession(deps, lead.id);
    const port = (server.address() as { port: number }).port;
    const views: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 3; i++) {
      t = Date.now();
      const used = process.cpuUsage();
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/followup/dashboard`, { headers: { cookie: `jv_session=${token}` } });
      const body = (await res.json()) as { time: { groups: { ai: { active: { n: number } } }[] } };
      views.push(Date.now() - t);
      const c = process.cpuUsage(used);
      cpu.push((c.user + c.system) / 1000);
      if (res.status !== 200) throw new Error(`dashboard ${res.status}`);
      if (i === 0) console.log(`standardvy: ${body.time.groups.reduce((s, g) => s + g.ai.active.n, 0)} AI-anteckningar i ${body.time.groups.length} grupper`);
    }
    console.log(`standardvy (HTTP, 3 anrop): ${views.map(seconds).join(', ')} (mål < 1 s; belastning ${load()}); Node-CPU per anrop ${cpu.map(seconds).join(', ')}`);

    const period = { from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
    const reports: SizeResult['reports'] = [];
    // BENCH_VIEWS_ONLY=1: the views without the reports (a quick re-measurement); BENCH_FORMATS=md: only these reports
    const formats = (process.env.BENCH_FORMATS ?? 'xlsx,md').split(',').filter((x): x is 'xlsx' | 'md' => x === 'xlsx' || x === 'md');
    for (const format of process.env.BENCH_VIEWS_ONLY ? [] : formats) {
      t = Date.now();
      // as the job makes it, streamed; the bytes are counted here instead of stored
      const report = await reportParts(deps, { ...period, format });
      let bytes = 0;
      for await (const part of report.parts) bytes += part.length;
      reports.push({ format, ms: Date.now() - t, kib: bytes / 1024 });
      // the process's peak resident memory so far (the server and the views run in it too): the event sheet used to hold every note
      console.log(`rapport ${format}: ${seconds(Date.now() - t)}, ${(bytes / 1024).toFixed(0)} KiB (mål < 5 min); högsta RSS hittills ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
    }
    return { notes, events, seedMs, fillMs, views, cpu, reports, load: load() };
  } finally {
    server.close();
    await composed.close();
    // BENCH_KEEP_DB=1 keeps the database for profiling (drop it by hand afterwards)
    if (process.env.BENCH_KEEP_DB || reuse) console.log(`databasen ${name} finns kvar (BENCH_KEEP_DB)`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
