import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { LogMelSettings } from './log-mel';

/*
 * Log-mel features computed on a worker thread (log-mel-worker.ts), for
 * windows a whole-file transcription will decode next: on the main thread
 * they would run between onnxruntime calls, with the model idle (2–3 % of a
 * tiny run, bench/README). One worker per process, started on first use,
 * unref'd while it has nothing to answer, so it never keeps the process alive.
 */

const ReplySchema = z.union([
  z.object({ id: z.number().int(), features: z.instanceof(Float32Array) }),
  z.object({ id: z.number().int(), error: z.string() }),
]);

interface Waiting {
  resolve: (features: Float32Array) => void;
  reject: (error: Error) => void;
}

interface MelWorker {
  thread: Worker;
  /**
   * Settings objects the worker holds an extractor for, by the key the requests name them with, oldest
   * first. At most KEPT_EXTRACTORS: a reloaded model brings new settings, and the old extractors must not
   * stay for the process's life; the worker drops what it is told to, so both sides agree without asking.
   */
  keys: Map<LogMelSettings, number>;
  waiting: Map<number, Waiting>;
}

let current: MelWorker | undefined;
/** Set when a worker could not run: every later request is refused at once (the caller computes on its own thread) instead of starting a worker that fails again. */
let broken: Error | undefined;
let nextId = 0;
let nextKey = 0;
const KEPT_EXTRACTORS = 4;

function start(): MelWorker {
  const thread = new Worker(new URL('./log-mel-worker-boot.mjs', import.meta.url));
  thread.unref();
  const started: MelWorker = { thread, keys: new Map(), waiting: new Map() };
  const failAll = (error: Error): void => {
    for (const w of started.waiting.values()) w.reject(error);
    started.waiting.clear();
    if (current === started) current = undefined; // the next request starts a fresh worker
  };
  thread.on('message', (message: unknown) => {
    // A listener that throws would be an uncaught exception on the main thread: a reply we cannot read ends the worker instead.
    const parsed = ReplySchema.safeParse(message);
    if (!parsed.success) {
      broken = new Error('log-mel worker: unreadable reply');
      failAll(broken);
      void thread.terminate();
      return;
    }
    const reply = parsed.data;
    const waiting = started.waiting.get(reply.id);
    started.waiting.delete(reply.id);
    if (started.waiting.size === 0) thread.unref();
    if ('error' in reply) waiting?.reject(new Error(`log-mel worker: ${reply.error}`));
    else waiting?.resolve(reply.features);
  });
  thread.on('error', (error) => {
    broken = error;
    failAll(error);
  });
  thread.on('exit', (code) => failAll(new Error(`log-mel worker exited with code ${code}`)));
  return started;
}

/**
 * The features `LogMelSpectrogram.fromSettings(settings).extract(samples)`
 * gives, as a copy of their own, computed off the main thread. `samples` is
 * copied to the worker (the caller keeps using it).
 */
export function backgroundLogMel(settings: LogMelSettings, samples: Float32Array): Promise<Float32Array> {
  if (broken) return Promise.reject(broken);
  const worker = (current ??= start());
  let key = worker.keys.get(settings);
  if (key === undefined) {
    const oldest = worker.keys.entries().next().value;
    if (oldest && worker.keys.size >= KEPT_EXTRACTORS) {
      worker.keys.delete(oldest[0]);
      worker.thread.postMessage({ kind: 'drop', key: oldest[1] });
    }
    key = nextKey++;
    worker.keys.set(settings, key);
    worker.thread.postMessage({ kind: 'settings', key, melFilters: settings.melFilters, window: settings.window });
  }
  const id = nextId++;
  // Keep the process alive while an answer is due, so an awaited request cannot be dropped at exit.
  worker.thread.ref();
  return new Promise<Float32Array>((resolve, reject) => {
    worker.waiting.set(id, { resolve, reject });
    worker.thread.postMessage({ kind: 'extract', id, key, samples });
  });
}
