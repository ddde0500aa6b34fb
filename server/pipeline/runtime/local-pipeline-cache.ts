/**
 * One loaded pipeline per key (task, model folder, dtype) for the whole
 * process. Every runtime instance that uses a key holds a lease; concurrent
 * first uses share one load (a cached promise), and the pipeline is disposed
 * when the last lease is released. Runs on one pipeline are queued: on CPU,
 * parallel inference only competes for the same cores and multiplies memory.
 */

interface Disposable {
  dispose(): Promise<void>;
}

interface Entry {
  loaded: Promise<Disposable>;
  leases: number;
  queue: Promise<unknown>;
}

const entries = new Map<string, Entry>();

export interface PipelineLease<P> {
  /** Runs `fn` with the loaded pipeline, after earlier runs on the same pipeline. */
  run<T>(fn: (pipe: P) => Promise<T>): Promise<T>;
  release(): Promise<void>;
}

export function leasePipeline<P extends Disposable>(key: string, load: () => Promise<P>): PipelineLease<P> {
  let entry = entries.get(key);
  if (!entry) {
    const created: Entry = { loaded: load(), leases: 0, queue: Promise.resolve() };
    // A failed load is forgotten, so a later call can retry (e.g. after the model was copied in).
    created.loaded.catch(() => {
      if (entries.get(key) === created) entries.delete(key);
    });
    entries.set(key, created);
    entry = created;
  }
  const held = entry;
  held.leases += 1;
  let released = false;

  return {
    run<T>(fn: (pipe: P) => Promise<T>): Promise<T> {
      if (released) return Promise.reject(new Error('pipeline lease already released'));
      const result = held.queue.then(async () => fn((await held.loaded) as P));
      held.queue = result.catch(() => undefined);
      return result;
    },
    async release(): Promise<void> {
      if (released) return;
      released = true;
      held.leases -= 1;
      if (held.leases > 0) return;
      if (entries.get(key) === held) entries.delete(key);
      await held.queue;
      const pipe = await held.loaded.catch(() => null);
      await pipe?.dispose();
    },
  };
}

/** Keys of the pipelines loaded or loading now (for health pages and tests). */
export function loadedPipelineKeys(): string[] {
  return [...entries.keys()];
}
