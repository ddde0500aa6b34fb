import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/*
 * Silero speech probabilities computed on a worker thread (see vad-worker.ts),
 * so a whole-file transcription can find speech in later audio while Whisper
 * transcribes earlier windows. One worker per process, started on first use
 * and unref'd so it never keeps the process alive.
 */

const ReplySchema = z.union([
  z.object({ id: z.number().int(), probabilities: z.instanceof(Float32Array) }),
  z.object({ id: z.number().int(), error: z.string() }),
]);

interface Pending {
  resolve: (probabilities: Float32Array) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

function failAll(error: Error): void {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
  worker = undefined; // the next request starts a fresh worker
}

function vadWorker(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./vad-worker-boot.mjs', import.meta.url));
  started.unref();
  started.on('message', (message: unknown) => {
    const reply = ReplySchema.parse(message);
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) started.unref();
    if ('error' in reply) waiting?.reject(new Error(`VAD worker: ${reply.error}`));
    else waiting?.resolve(reply.probabilities);
  });
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => failAll(new Error(`VAD worker exited with code ${code}`)));
  worker = started;
  return started;
}

/** Silero's per-frame speech probabilities of 16 kHz mono `samples`, computed off the main thread. */
export function backgroundSpeechProbabilities(samples: Float32Array): Promise<Float32Array> {
  const target = vadWorker();
  const id = nextId++;
  // Keep the process alive while an answer is due, so an awaited request cannot be dropped at exit.
  target.ref();
  return new Promise<Float32Array>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    target.postMessage({ id, samples });
  });
}
