import { z } from 'zod';
import type { AppDeps } from '../../deps';
import type { AppJobContext } from '../../deps';
import { JobFailure } from '../../errors';
import { JobWaiting } from '../../jobs/queue';
import { configuredTranscriber } from './transcriber';
import type { Transcriber } from '../../pipeline/asr/transcriber';
import { readSamples } from './audio-source';
import { TRANSCRIBE_JOB } from './capture';
import { finalSegments } from './final-transcript';
import { WINDOW_JOB } from './live';
import { vocabularyPrompt } from './prompt';
import { transcribeWindowInto } from './windows';
import { createTranscriptFromSegments } from '../transcripts/service';

/**
 * `transcribe.window` (a live window, while recording goes on) and
 * `transcribe.recording` (the whole recording → the Transcript row). Both
 * read everything from the database and DATA_DIR, so any worker can run
 * them, and both are idempotent: a rerun after a crash reuses what is done.
 */
const WindowPayload = z.object({ recordingId: z.string().min(1), index: z.number().int().nonnegative() });
const RecordingPayload = z.object({ recordingId: z.string().min(1) });

/** What a clinician reads while the audio waits: one sentence, no server paths (the install instruction is on Administration › Modeller). */
export const WAITING_FOR_ASR_MODEL = 'Väntar på taligenkänningsmodell: ljudet är sparat och transkriberas automatiskt när modellen är installerad.';

/**
 * The transcriber, or null while its model is not installed: checked
 * before any audio is read, and again each time a waiting job is retried,
 * so installing the model is enough (no restart).
 */
export async function readyTranscriber(deps: AppDeps): Promise<Transcriber | null> {
  const transcriber = configuredTranscriber(deps);
  const status = await transcriber.status();
  return status.state === 'missing' ? null : transcriber;
}

async function encounterPrompt(deps: AppDeps, encounterId: string) {
  const encounter = await deps.db.prisma.encounter.findUnique({ where: { id: encounterId }, select: { workflowVersionId: true } });
  return vocabularyPrompt(deps, encounter?.workflowVersionId ?? null);
}

async function transcribeWindowJob({ deps, payload, signal }: AppJobContext) {
  const { recordingId, index } = WindowPayload.parse(payload);
  const db = deps.db.prisma;
  const window = await db.recordingWindow.findUnique({ where: { recordingId_index: { recordingId, index } } });
  const recording = await db.recording.findUnique({ where: { id: recordingId } });
  if (!window || !recording || recording.deletedAt) return { skipped: 'gone' };
  if (window.status === 'done') return { skipped: 'done' };
  try {
    const transcriber = await readyTranscriber(deps);
    // No model yet: the window is left to the whole-recording job, which waits for the model.
    if (!transcriber) {
      await db.recordingWindow.updateMany({ where: { recordingId, index, status: 'queued' }, data: { status: 'failed' } });
      return { skipped: 'model_missing' };
    }
    const samples = await readSamples(deps, recording, window.startSample, window.endSample);
    const segments = await transcribeWindowInto(deps, recordingId, { ...window, samples }, {
      transcriber,
      language: deps.env.ASR_LANGUAGE,
      prompt: await encounterPrompt(deps, recording.encounterId),
      signal,
    });
    return { segments: segments.length };
  } catch (error) {
    // The live view must not wait for a window that failed; the final job retries it.
    await db.recordingWindow.updateMany({ where: { recordingId, index, status: 'queued' }, data: { status: 'failed' } });
    await deps.events.publish('recording', recordingId);
    throw error;
  }
}

async function transcribeRecordingJob(ctx: AppJobContext) {
  const { deps, payload } = ctx;
  const { recordingId } = RecordingPayload.parse(payload);
  const db = deps.db.prisma;
  const recording = await db.recording.findUnique({ where: { id: recordingId } });
  if (!recording) throw new JobFailure('not_found', 'Inspelningen finns inte längre.');
  const done = await db.transcript.findFirst({ where: { recordingId, source: 'asr', status: 'complete', deletedAt: null }, select: { id: true } });
  if (done) return { transcriptId: done.id, reused: true };
  if (recording.status !== 'complete' || !recording.storageKey) throw new JobFailure('audio_deleted', 'Inspelningens ljud finns inte (raderat eller inte avslutat).');
  const transcriber = await readyTranscriber(deps);
  if (!transcriber) throw new JobWaiting('asr_model_missing', WAITING_FOR_ASR_MODEL);
  const language = deps.env.ASR_LANGUAGE;
  const prompt = await encounterPrompt(deps, recording.encounterId);
  const result = await finalSegments(ctx, recording, { transcriber, language, prompt, signal: ctx.signal });
  const transcript = await createTranscriptFromSegments(deps, {
    encounterId: recording.encounterId,
    recordingId,
    source: 'asr',
    language,
    segments: result.segments,
    producer: { ...transcriber.info, settings: { ...transcriber.info.settings, language, prompt: prompt ? 'workflow-vocabulary' : 'none' } },
  });
  return { transcriptId: transcript.id, segments: result.segments.length, windows: result.windows, reusedWindows: result.reusedWindows };
}

export function registerRecordingJobs(deps: AppDeps): void {
  deps.jobs.register(WINDOW_JOB, transcribeWindowJob);
  deps.jobs.register(TRANSCRIBE_JOB, transcribeRecordingJob);
}
