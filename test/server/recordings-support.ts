import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApp } from '../../server/app';
import { compose } from '../../server/compose';
import type { AppDeps } from '../../server/deps';
import { loadEnv } from '../../server/env';
import { createLogger } from '../../server/logger';
import { bootstrap } from '../../server/seed/bootstrap';
import { createTempDb, type TempDb } from '../support/db';
import { Client } from '../support/http';
import { TINY_SYNTHETIC_DIMS, makeSyntheticWhisper, type WhisperScript } from '../support/synthetic/whisper';

/**
 * Helpers for the recordings tests. Unlike support/app.ts, a server here can
 * be stopped and started again on the same database, DATA_DIR and port: the
 * "server restart" of the resume protocol.
 */
export const MODEL_ID = 'synthetic-whisper-sv';

export interface Instance {
  baseUrl: string;
  port: number;
  deps: AppDeps;
  /** stop the process's server, queue and database connections; the data stays */
  stop(): Promise<void>;
}

export async function startInstance(db: TempDb, env: Record<string, string>, port = 0): Promise<Instance & { passwords: { admin?: string; demo?: string } }> {
  const parsed = loadEnv({
    NODE_ENV: 'test',
    DATA_DIR: db.dataDir,
    DATABASE_URL: db.url,
    MODELS_DIR: path.join(db.dataDir, 'models'),
    ASR_MODEL: MODEL_ID,
    ASR_DTYPE: 'fp32',
    SCRYPT_LOG_N: '10',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  const composed = await compose(parsed, createLogger(parsed.LOG_LEVEL));
  const boot = await bootstrap(composed.deps, () => undefined);
  await composed.deps.jobs.startWorking(composed.deps, 1);
  const app = createApp(composed.deps, { gatewayRoutes: composed.deps.services.gatewayRoutes as never });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${actual}`,
    port: actual,
    deps: composed.deps,
    passwords: { admin: boot.adminPassword, demo: boot.demoPassword },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await composed.close();
    },
  };
}

/** A synthetic Whisper (scripted Swedish output) in the instance's MODELS_DIR. */
export async function installSyntheticWhisper(db: TempDb, scripts: WhisperScript[]): Promise<void> {
  await makeSyntheticWhisper({ dir: path.join(db.dataDir, 'models', MODEL_ID), dims: TINY_SYNTHETIC_DIMS, scripts });
}

export { createTempDb, type TempDb };

export const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** 16-bit little-endian PCM bytes of float samples, as the browser recorder sends them. */
export function pcm16(samples: Float32Array): Uint8Array {
  const out = new Uint8Array(samples.length * 2);
  const view = new DataView(out.buffer);
  samples.forEach((x, i) => view.setInt16(2 * i, Math.round(Math.max(-1, Math.min(1, x)) * 32767), true));
  return out;
}

export function splitChunks(bytes: Uint8Array, chunkBytes: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += chunkBytes) chunks.push(bytes.slice(at, at + chunkBytes));
  return chunks;
}

export function putChunk(client: Client, recordingId: string, seq: number, chunk: Uint8Array, sha = sha256(chunk)) {
  return client.request('PUT', `/api/v1/recordings/${recordingId}/chunks/${seq}`, chunk, {
    'content-type': 'application/octet-stream',
    'x-chunk-sha256': sha,
  });
}

/** A clinician's encounter with consent given, ready to record. */
export async function encounterWithConsent(client: Client, body: Record<string, unknown> = { label: 'Besök 14.30' }): Promise<string> {
  const created = await client.post('/api/v1/encounters', body);
  if (created.status !== 201) throw new Error(`encounter: ${created.status} ${created.text}`);
  const consent = await client.post(`/api/v1/encounters/${created.body.encounter.id}/consent`);
  if (consent.status !== 200) throw new Error(`consent: ${consent.status}`);
  return created.body.encounter.id as string;
}

export async function waitForJob(client: Client, jobId: string, timeoutMs = 60_000): Promise<{ status: string; error: string | null; result: any }> {
  const started = Date.now();
  for (;;) {
    const res = await client.get(`/api/v1/jobs/${jobId}`);
    if (['succeeded', 'failed', 'cancelled'].includes(res.body?.status)) return res.body;
    if (Date.now() - started > timeoutMs) throw new Error(`job ${jobId} still ${res.body?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export function readStoredWav(deps: AppDeps, storageKey: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(deps.env.dataDir, 'audio', storageKey)));
}
