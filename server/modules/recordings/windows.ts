import { z } from 'zod';
import { TranscriptSegmentSchema, type TranscriptSegment } from '../../contracts/transcript';
import type { AppDeps } from '../../deps';
import type { Transcriber } from '../../pipeline/asr/transcriber';

/**
 * RecordingWindow rows: the windows the live windower cut, and their
 * segments once transcribed; each change is a `recording` notice for the
 * live views. Creating a row is idempotent (its index is
 * deterministic), so replaying the windower after a restart cannot enqueue a
 * window twice.
 */
export const RATE = 16_000;

/** Seconds of a live window → sample positions in the recording. */
export const toSamples = (seconds: number) => Math.round(seconds * RATE);

/** true when this call created the row; false when it already existed. */
export async function saveWindow(deps: AppDeps, recordingId: string, index: number, startSample: number, endSample: number): Promise<boolean> {
  try {
    await deps.db.prisma.recordingWindow.create({ data: { recordingId, index, startSample, endSample } });
    await deps.events.publish('recording', recordingId);
    return true;
  } catch (error) {
    const existing = await deps.db.prisma.recordingWindow.findUnique({ where: { recordingId_index: { recordingId, index } } });
    if (existing) return false;
    throw error;
  }
}

export interface WindowContext {
  transcriber: Transcriber;
  language: string;
  prompt?: string;
  signal?: AbortSignal;
}

/** Transcribe one window's samples and store its segments (ids per window). */
export async function transcribeWindowInto(
  deps: AppDeps,
  recordingId: string,
  window: { index: number; startSample: number; endSample: number; samples: Float32Array },
  ctx: WindowContext,
): Promise<TranscriptSegment[]> {
  const segments = await ctx.transcriber.transcribe(
    { samples: window.samples, sampleRate: RATE },
    { language: ctx.language, prompt: ctx.prompt, offsetSeconds: window.startSample / RATE, speaker: null, signal: ctx.signal },
  );
  const data = { startSample: window.startSample, endSample: window.endSample, status: 'done', segments };
  await deps.db.prisma.recordingWindow.upsert({
    where: { recordingId_index: { recordingId, index: window.index } },
    create: { recordingId, index: window.index, ...data },
    update: data,
  });
  await deps.events.publish('recording', recordingId);
  return segments;
}

export function windowSegments(row: { segments: unknown }): TranscriptSegment[] {
  return row.segments === null ? [] : z.array(TranscriptSegmentSchema).parse(row.segments);
}

/** Window segments (ids per window) → one transcript in time order with ids s1…sN. */
export function assembleSegments(perWindow: readonly TranscriptSegment[][]): TranscriptSegment[] {
  return perWindow
    .flat()
    .map((segment, order) => ({ segment, order }))
    .sort((a, b) => (a.segment.start ?? 0) - (b.segment.start ?? 0) || a.order - b.order)
    .map(({ segment }, i) => ({ ...segment, id: `s${i + 1}` }));
}
