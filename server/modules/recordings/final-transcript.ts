import { z } from 'zod';
import type { TranscriptSegment } from '../../contracts/transcript';
import type { AppJobContext } from '../../deps';
import { transcribeRecording } from '../../pipeline/asr/transcribe-recording';
import { LiveWindower, type LiveWindow } from '../../pipeline/audio/live-windower';
import type { RecordingRow } from './access';
import { chunkRows, readSamples } from './audio-source';
import { readExisting } from '../../storage/file-store';
import { assembleSegments, toSamples, transcribeWindowInto, windowSegments, type WindowContext } from './windows';

export interface FinalSegments {
  segments: TranscriptSegment[];
  windows: number;
  reusedWindows: number;
}

/**
 * A browser recording's windows, cut again by replaying its audio through a
 * fresh LiveWindower in the chunk sizes it arrived in. The live windowing did
 * the same while recording, so the windows match and their transcripts are
 * reused: after stop only the tail is left to transcribe. Recomputing rather
 * than trusting the rows keeps the job self-sufficient after any crash.
 */
async function replayWindows(ctx: AppJobContext, recording: RecordingRow): Promise<LiveWindow[]> {
  const total = toSamples(recording.durationSeconds ?? 0);
  const samples = await readSamples(ctx.deps, recording, 0, total);
  const sizes = (await chunkRows(ctx.deps, recording.id)).map((r) => r.bytes / 2);
  const windower = await LiveWindower.open();
  const windows: LiveWindow[] = [];
  let at = 0;
  for (const size of sizes.length ? sizes : [total]) {
    ctx.signal.throwIfAborted();
    windows.push(...(await windower.append(samples.subarray(at, at + size))));
    at += size;
  }
  if (at < total) windows.push(...(await windower.append(samples.subarray(at))));
  windows.push(...(await windower.flush()));
  return windows;
}

async function browserRecording(ctx: AppJobContext, recording: RecordingRow, wctx: WindowContext): Promise<FinalSegments> {
  const db = ctx.deps.db.prisma;
  const windows = await replayWindows(ctx, recording);
  const rows = new Map((await db.recordingWindow.findMany({ where: { recordingId: recording.id } })).map((r) => [r.index, r]));
  const perWindow: TranscriptSegment[][] = [];
  let reused = 0;
  for (const [index, window] of windows.entries()) {
    const startSample = toSamples(window.start);
    const endSample = toSamples(window.end);
    const row = rows.get(index);
    if (row && row.status === 'done' && row.startSample === startSample && row.endSample === endSample) {
      perWindow.push(windowSegments(row));
      reused++;
    } else {
      perWindow.push(await transcribeWindowInto(ctx.deps, recording.id, { index, startSample, endSample, samples: window.samples }, wctx));
    }
    await ctx.progress((index + 1) / windows.length, `${index + 1} av ${windows.length} fönster`);
  }
  await db.recordingWindow.deleteMany({ where: { recordingId: recording.id, index: { gte: windows.length } } });
  await ctx.deps.events.publish('recording', recording.id);
  return { segments: assembleSegments(perWindow), windows: windows.length, reusedWindows: reused };
}

const Speakers = z.array(z.string().min(1).max(64)).max(8);

async function uploadedFile(ctx: AppJobContext, recording: RecordingRow, wctx: WindowContext): Promise<FinalSegments> {
  const { env } = ctx.deps;
  const bytes = await readExisting(ctx.deps.files.audio, recording.storageKey!);
  const speakers = Speakers.safeParse(recording.speakers);
  const result = await transcribeRecording({
    audio: bytes,
    transcriber: wctx.transcriber,
    language: wctx.language,
    prompt: wctx.prompt,
    channelMode: recording.channels > 1 ? 'per-channel' : 'mix',
    speakerNames: speakers.success ? speakers.data : undefined,
    decode: { maxSeconds: env.AUDIO_MAX_MINUTES * 60 + 1 },
    signal: ctx.signal,
    onProgress: ({ windowsDone, windowsTotal }) => {
      // A cancelled job aborts ctx.signal, which transcribeRecording checks; the rejection itself carries nothing new.
      if (windowsTotal > 0) void ctx.progress(windowsDone / windowsTotal, `${windowsDone} av ${windowsTotal} fönster`).catch(() => undefined);
    },
  });
  return { segments: result.segments, windows: result.windows, reusedWindows: 0 };
}

export function finalSegments(ctx: AppJobContext, recording: RecordingRow, wctx: WindowContext): Promise<FinalSegments> {
  return recording.source === 'upload' ? uploadedFile(ctx, recording, wctx) : browserRecording(ctx, recording, wctx);
}

