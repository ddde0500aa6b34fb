import type { AppDeps, LiveWindowingService } from '../../deps';
import { pcm16ToFloat } from '../../pipeline/audio/pcm';
import { LiveWindower } from '../../pipeline/audio/live-windower';
import { chunkRows, contiguousPrefix, readChunk } from './audio-source';
import { saveWindow, toSamples } from './windows';

export const WINDOW_JOB = 'transcribe.window';
/** A windower nobody fed for this long is dropped; the next chunk rebuilds it from disk. */
const IDLE_MS = 10 * 60_000;

interface Entry {
  windower: LiveWindower;
  /** chunks 0…fed−1 have been appended */
  fed: number;
  /** index of the next window it will cut */
  next: number;
  lastUsed: number;
}

/**
 * The live transcript's windowing, in the process that receives the chunks.
 * Each acknowledged chunk advances the recording's LiveWindower over the
 * chunks that have arrived in order; each finished window becomes a
 * RecordingWindow row and a `transcribe.window` job. The windower is only a
 * cache: after a restart (or in another web process) it is rebuilt by
 * replaying the stored chunks, and the deterministic window indexes make the
 * replay create nothing twice. Work per recording runs one step at a time.
 */
export class LiveWindowing implements LiveWindowingService {
  private readonly entries = new Map<string, Entry>();
  private readonly chains = new Map<string, Promise<void>>();
  private closed = false;

  constructor(private readonly deps: AppDeps) {}

  /** Called after a chunk's ack is decided; runs in the background and never throws. */
  chunkAcknowledged(recordingId: string, createdById: string): void {
    if (this.closed) return;
    this.evictIdle();
    const previous = this.chains.get(recordingId) ?? Promise.resolve();
    const next = previous
      .then(() => this.advance(recordingId, createdById))
      .catch((error: unknown) => this.deps.logger.error('recording.windowing_failed', { code: recordingId, error }));
    this.chains.set(recordingId, next);
    void next.finally(() => {
      if (this.chains.get(recordingId) === next) this.chains.delete(recordingId);
    });
  }

  /** Wait for the recording's pending windowing, then drop its windower (the recording is complete). */
  async finish(recordingId: string): Promise<void> {
    await this.chains.get(recordingId);
    this.entries.delete(recordingId);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.chains.values()]);
    this.entries.clear();
  }

  private async advance(recordingId: string, createdById: string): Promise<void> {
    if (this.closed) return;
    const recording = await this.deps.db.prisma.recording.findUnique({ where: { id: recordingId }, select: { status: true } });
    if (recording?.status !== 'recording') return;
    const rows = contiguousPrefix(await chunkRows(this.deps, recordingId));
    let entry = this.entries.get(recordingId);
    if (!entry || entry.fed > rows.length) {
      entry = { windower: await LiveWindower.open(), fed: 0, next: 0, lastUsed: Date.now() };
      this.entries.set(recordingId, entry);
    }
    entry.lastUsed = Date.now();
    for (const row of rows.slice(entry.fed)) {
      if (this.closed) return;
      const windows = await entry.windower.append(pcm16ToFloat(await readChunk(this.deps, recordingId, row)));
      entry.fed++;
      for (const window of windows) {
        const index = entry.next++;
        if (await saveWindow(this.deps, recordingId, index, toSamples(window.start), toSamples(window.end))) {
          await this.deps.jobs.enqueue(WINDOW_JOB, { recordingId, index }, { createdById });
        }
      }
    }
  }

  private evictIdle(): void {
    const now = Date.now();
    for (const [id, entry] of this.entries) if (now - entry.lastUsed > IDLE_MS && !this.chains.has(id)) this.entries.delete(id);
  }
}

export function liveWindowing(deps: AppDeps): LiveWindowingService {
  const existing = deps.services.live;
  if (existing) return existing;
  const live = new LiveWindowing(deps);
  deps.services.live = live;
  deps.services.disposers.push(() => live.close());
  return live;
}
