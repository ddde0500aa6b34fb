import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';
import { wavHeader } from '../../server/pipeline/audio/wav-encode';
import { encodeWav, speechLikeSignal } from '../support/audio/signals';
import { createTempDb, postgresAvailable, type TempDb } from '../support/db';
import { Client, waitForJob } from '../support/http';
import { spawnServer, type ServerProcess } from '../support/processes';
import { openEvents, until } from '../support/sse';
import { TINY_SYNTHETIC_DIMS, makeSyntheticWhisper } from '../support/synthetic/whisper';
import { MODEL_ID, encounterWithConsent, pcm16, putChunk, sha256, splitChunks } from './recordings-support';

/*
 * Scale-out on PostgreSQL as a region would run it: two web processes and two
 * worker processes, each with its own DATA_DIR and no folder in common (as on
 * four machines). A clinician records through web A; the live transcript is
 * cut by A, transcribed by the workers and followed through web B (pushed by
 * LISTEN/NOTIFY across the processes); the audio plays back through B; a
 * worker killed in the middle of a job does not stop the transcription (its
 * lease on the Job row runs out and the other worker takes the job). The ASR model is the synthetic Whisper, installed in
 * each worker's own MODELS_DIR.
 */
const pg = await postgresAvailable();
const RATE = 16000;
// Synthetic Swedish, written for this test.
const SCRIPT = [{ start: 0, end: 2, text: 'Jag har haft huvudvärk i en vecka.' }];
const knownPassword = (username: string) => `Testlösen-Åäö-${username.length}-987`;

describe.skipIf(!pg)('two web and two worker processes sharing no folder (PostgreSQL)', () => {
  let db: TempDb;
  const dirs: Record<'webA' | 'webB' | 'worker1' | 'worker2', string> = { webA: '', webB: '', worker1: '', worker2: '' };
  const procs: ServerProcess[] = [];
  let webA: string;
  let webB: string;
  let workers: ServerProcess[];
  let a: Client;
  let b: Client;
  let database: Database; // the test's own view of the shared database, for what the API does not show

  beforeAll(async () => {
    db = await createTempDb('postgresql');
    for (const name of Object.keys(dirs) as (keyof typeof dirs)[]) dirs[name] = fs.mkdtempSync(path.join(os.tmpdir(), `jv-scale-${name}-`));
    for (const w of ['worker1', 'worker2'] as const) {
      await makeSyntheticWhisper({ dir: path.join(dirs[w], 'models', MODEL_ID), dims: TINY_SYNTHETIC_DIMS, scripts: [{ segments: SCRIPT }] });
    }
    const env = (dir: string) => ({
      NODE_ENV: 'test',
      DATABASE_URL: db.url,
      DATA_DIR: dir,
      MODELS_DIR: path.join(dir, 'models'),
      HOST: '127.0.0.1',
      PORT: '0',
      SCRYPT_LOG_N: '10',
      LOG_LEVEL: 'info',
      RUN_JOBS_IN_WEB: 'false',
      JOB_CONCURRENCY: '1',
      ASR_MODEL: MODEL_ID,
      ASR_DTYPE: 'fp32',
      DEMO_PILOT: 'false',
      JOB_LEASE_SECONDS: '4', // a killed worker's job is taken over after this (default 30)
    });
    // Web A first: it creates the schema and the demo workspace, as the first machine of a deployment does.
    const first = spawnServer('web A', 'main', env(dirs.webA));
    procs.push(first);
    webA = `http://127.0.0.1:${(await first.waitFor(/kör på http:\/\/[^:]+:(\d+)/))[1]}`;
    const password = (await first.waitFor(/samma engångslösenord för alla: ([^)\s]+)\)/))[1]!;
    const second = spawnServer('web B', 'main', env(dirs.webB));
    workers = [spawnServer('worker 1', 'worker', env(dirs.worker1)), spawnServer('worker 2', 'worker', env(dirs.worker2))];
    procs.push(second, ...workers);
    webB = `http://127.0.0.1:${(await second.waitFor(/kör på http:\/\/[^:]+:(\d+)/))[1]}`;
    for (const w of workers) await w.waitFor(/"event":"worker.started"/);
    a = new Client(webA);
    await a.login('lakare1', password);
    // Sessions live in the database: the same clinician signs in through B with the changed password, no sticky sessions.
    b = new Client(webB);
    await b.login('lakare1', knownPassword('lakare1'));
    database = await openDatabase(db.url);
  }, 180_000);

  afterAll(async () => {
    await database?.close();
    await Promise.all(procs.map((p) => p.stop()));
    await db?.drop();
    for (const dir of Object.values(dirs)) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const ranBy = (jobId: string) => procs.filter((p) => p.output().includes(`"event":"job.succeeded","jobId":"${jobId}"`)).map((p) => p.name);
  const filesUnder = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile());

  it('records through web A, transcribes on the workers, streams live and plays back through web B', async () => {
    const encounterId = await encounterWithConsent(a);
    const created = await a.post(`/api/v1/encounters/${encounterId}/recordings`, { sampleRate: RATE, channels: 1 });
    expect(created.status).toBe(201);
    const id = created.body.recording.id as string;
    const cookie = b.cookieHeader();
    const live = openEvents(webB, `/api/v1/recordings/${id}/events`, cookie);

    // 2 s silence, 6 s speech, 3 s silence, 4 s speech: the pause closes the first window while recording goes on.
    const samples = new Float32Array(15 * RATE);
    samples.set(speechLikeSignal(6, RATE, 2), 2 * RATE);
    samples.set(speechLikeSignal(4, RATE, 4), 11 * RATE);
    const pcm = pcm16(samples);
    const chunks = splitChunks(pcm, RATE * 2);
    for (const [seq, chunk] of chunks.slice(0, 11).entries()) expect((await putChunk(a, id, seq, chunk)).status).toBe(200);
    await until(() => live.events.some((e) => e.event === 'segment'), 60_000, 'a live segment through web B');
    expect(live.events.find((e) => e.event === 'segment')).toMatchObject({ id: 'w0', data: { window: 0, text: SCRIPT[0]!.text } });

    for (const [i, chunk] of chunks.slice(11).entries()) expect((await putChunk(a, id, 11 + i, chunk)).status).toBe(200);
    const done = await a.post(`/api/v1/recordings/${id}/complete`, { chunkCount: chunks.length, sha256: sha256(pcm) });
    expect(done.status).toBe(202);
    await live.done; // web B ends the stream once the transcript exists
    expect(live.events.filter((e) => e.event === 'segment').map((e) => e.data.window)).toEqual([0, 1]);
    expect(live.events.at(-1)).toMatchObject({ event: 'status', data: { state: 'transcribed' } });

    const job = await waitForJob(b, done.body.job.id, 60_000);
    expect(job.status, job.error ?? '').toBe('succeeded');
    // The worker logs the success just after the row says so.
    await until(() => ranBy(done.body.job.id).length > 0, 10_000, 'the job.succeeded line of a worker');
    expect(ranBy(done.body.job.id)).toHaveLength(1);
    expect(ranBy(done.body.job.id)[0]).toMatch(/^worker/);

    // Playback through B of what was recorded through A, sample for sample, whole and by range.
    const whole = await fetch(`${webB}/api/v1/recordings/${id}/audio`, { headers: { cookie } });
    expect(whole.status).toBe(200);
    const expected = Buffer.concat([Buffer.from(wavHeader(pcm.length, 1, RATE)), Buffer.from(pcm)]);
    expect(Buffer.from(await whole.arrayBuffer()).equals(expected)).toBe(true);
    const part = await fetch(`${webB}/api/v1/recordings/${id}/audio`, { headers: { cookie, range: 'bytes=100000-200043' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(expected.subarray(100000, 200044))).toBe(true);

    // Nothing of the audio touched any machine's disk.
    for (const dir of Object.values(dirs)) expect(filesUnder(dir).filter((f) => !f.startsWith('models'))).toEqual([]);
  }, 180_000);

  it('finishes a transcription when the worker running it is killed mid-job', async () => {
    const encounterId = await encounterWithConsent(a);
    // Four minutes of speech in 6 s turns with 2 s pauses: decoding, VAD and the windows take seconds, so the kill lands mid-job.
    const turns = 30;
    const samples = new Float32Array(turns * 8 * RATE);
    for (let i = 0; i < turns; i++) samples.set(speechLikeSignal(6, RATE, 10 + i), (8 * i + 1) * RATE);
    const upload = await a.request('POST', `/api/v1/encounters/${encounterId}/uploads`, encodeWav([samples], RATE, 's16'), { 'content-type': 'audio/wav' });
    expect(upload.status, upload.text).toBe(202);
    const jobId = upload.body.job.id as string;

    const running = await waitForClaim(database, jobId);
    const victim = workers.find((w) => running.lockedBy.startsWith(`worker-${w.pid}-`))!;
    expect(victim).toBeDefined();
    victim.child.kill('SIGKILL');
    expect(await victim.exited).toBeNull(); // killed by the signal, not exited
    // Killed mid-job: the row still says running, under the dead worker's lock.
    expect(await database.prisma.job.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: 'running', lockedBy: running.lockedBy });
    const survivor = workers.find((w) => w !== victim)!;

    const job = await waitForJob(b, jobId, 150_000);
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(job.result.segments).toBeGreaterThan(0);
    // The worker logs the success just after the row says so: wait for its line before asking who ran it.
    await survivor.waitFor(new RegExp(`"event":"job.succeeded","jobId":"${jobId}"`), 10_000);
    expect(ranBy(jobId)).toEqual([survivor.name]);
  }, 240_000);
});

/** Polls the Job row until a worker has claimed it (running, with its lock): the kill then lands while it decodes the audio. */
async function waitForClaim(database: Database, jobId: string): Promise<{ lockedBy: string; progress: number }> {
  for (let i = 0; i < 4800; i++) {
    const row = await database.prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    if (row.status === 'running' && row.lockedBy && row.progress < 1) return { lockedBy: row.lockedBy, progress: row.progress };
    if (!['queued', 'running'].includes(row.status)) throw new Error(`job ${row.status} at ${row.progress} before it could be interrupted`);
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no worker claimed the job');
}
