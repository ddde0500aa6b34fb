import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppDeps } from '../../server/deps';
import { startAppOn, type RunningApp } from '../support/app';
import { createTempDb, type TempDb } from '../support/db';
import { Client, waitForJob } from '../support/http';
import { TINY_SYNTHETIC_DIMS, makeSyntheticWhisper, type WhisperScript } from '../support/synthetic/whisper';

/**
 * Helpers for the recordings tests. A server here is stopped and started
 * again on the same database, DATA_DIR and port: the "server restart" of the
 * resume protocol.
 */
export const MODEL_ID = 'synthetic-whisper-sv';

export type Instance = RunningApp;

/** The app on `db` with the synthetic Whisper configured as the ASR model; restartable on the same port. */
export function startInstance(db: TempDb, env: Record<string, string>, port = 0): Promise<Instance> {
  return startAppOn(db, { env: { ASR_MODEL: MODEL_ID, ASR_DTYPE: 'fp32', ...env }, port });
}

/** A synthetic Whisper (scripted Swedish output) in the instance's MODELS_DIR. */
export async function installSyntheticWhisper(db: TempDb, scripts: WhisperScript[]): Promise<void> {
  await makeSyntheticWhisper({ dir: path.join(db.dataDir, 'models', MODEL_ID), dims: TINY_SYNTHETIC_DIMS, scripts });
}

export { createTempDb, waitForJob, type TempDb };

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

/** A stored audio file's bytes, from whichever backend the instance uses (null when missing). */
export function readStoredWav(deps: AppDeps, storageKey: string): Promise<Uint8Array | null> {
  return deps.files.audio.read(storageKey);
}

/** Files under DATA_DIR/audio: none at all when audio lives in the database. */
export function audioFilesOnDisk(deps: AppDeps): string[] {
  const root = path.join(deps.env.dataDir, 'audio');
  return fs.existsSync(root) ? (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile()) : [];
}
