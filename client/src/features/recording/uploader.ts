import { ApiError } from '../../api/problem';
import { putChunk, recordingState } from './api';
import { forgetChunk, pendingChunks } from './chunk-store';

/**
 * Sends the chunks waiting in IndexedDB, oldest first, and forgets each one
 * the server acknowledges. A lost network or a restarting server (no
 * answer, 5xx) is retried with growing pauses; anything else stops with the
 * server's Swedish problem. Only one pass runs at a time per recording.
 */
const BACKOFF_MS = [1000, 2000, 4000, 8000, 10_000];

export const isTransient = (error: unknown) => error instanceof ApiError && (error.status === 0 || error.status >= 500 || error.status === 429);

export interface UploaderEvents {
  onProgress(pending: number): void;
  onConnection(ok: boolean): void;
  onFatal(error: ApiError): void;
}

export class ChunkUploader {
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly recordingId: string,
    private readonly events: UploaderEvents,
  ) {}

  /** After a reload or restart: drop local copies of what the server already has. */
  async reconcile(): Promise<void> {
    const state = await this.withRetry(() => recordingState(this.recordingId));
    if (!state) return;
    for (const seq of state.received) await forgetChunk(this.recordingId, seq);
  }

  /** Upload everything pending; resolves when nothing is left (or the uploader is closed). */
  flush(): Promise<void> {
    this.again = true;
    this.wake?.();
    this.running ??= this.loop().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (this.again && !this.closed) {
      this.again = false;
      const pending = await pendingChunks(this.recordingId);
      this.events.onProgress(pending.length);
      for (const [i, chunk] of pending.entries()) {
        const sent = await this.withRetry(() => putChunk(this.recordingId, chunk.seq, chunk.bytes));
        if (sent === null) return;
        await forgetChunk(this.recordingId, chunk.seq);
        this.events.onProgress(pending.length - i - 1);
      }
    }
  }

  /** The call's result, or null when closed or refused for good (reported through onFatal). */
  async withRetry<T>(call: () => Promise<T>): Promise<T | null> {
    for (let attempt = 0; !this.closed; attempt++) {
      try {
        const result = await call();
        this.events.onConnection(true);
        return result;
      } catch (error) {
        if (!isTransient(error)) {
          this.events.onFatal(error instanceof ApiError ? error : new ApiError(0, 'client', 'Något gick fel'));
          return null;
        }
        this.events.onConnection(false);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    }
    return null;
  }
}
