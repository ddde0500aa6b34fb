import { z } from 'zod';
import type { TranscriptSegment } from '../../contracts/transcript';
import { openAudio, type DecodedAudio, type DecodeOptions, type OpenedAudio } from '../audio/decode-audio';
import { mixToMono } from '../audio/pcm';
import { lowestEnergyPoint } from '../audio/energy';
import { backgroundSpeechProbabilities } from '../audio/vad/background-vad';
import { speechProbabilities } from '../audio/vad/detect-speech';
import type { VadOptions } from '../audio/vad/region-tracker';
import { speechChunks, type ProbabilityFn, type SpeechChunk } from '../audio/vad/speech-chunks';
import {
  toRecordingTime,
  WindowOptionsSchema,
  WindowPacker,
  windowSamples,
  type AudioWindow,
  type WindowOptions,
} from '../audio/windows';
import { SegmentSequencer } from './segment-sequencer';
import type { Transcriber } from './transcriber';

const InputSchema = z.object({
  language: z.string().min(2).max(8),
  prompt: z.string().max(4000).optional(),
  /** 'per-channel': each channel holds one speaker (a stereo recorder with two microphones). */
  channelMode: z.enum(['mix', 'per-channel']).default('mix'),
  /** Speaker label per channel; defaults to "kanal 1", "kanal 2", … */
  speakerNames: z.array(z.string().min(1).max(64)).optional(),
});

export interface TranscribeRecordingInput extends z.input<typeof InputSchema> {
  /** The file's bytes, or audio already decoded to 16 kHz. */
  audio: Uint8Array | DecodedAudio;
  transcriber: Transcriber;
  decode?: Omit<DecodeOptions, 'channels'>;
  vad?: VadOptions;
  /** Default: speech only (pauses between regions left out), ≤ 30 s per window. */
  window?: WindowOptions;
  /** Each segment in time order, with its final id, as soon as no earlier one can still arrive. */
  onSegment?: (segment: TranscriptSegment) => void;
  /** `windowsTotal` counts the windows found so far: it grows until VAD has reached the end. */
  onProgress?: (progress: { windowsDone: number; windowsTotal: number }) => void;
  signal?: AbortSignal;
}

export interface StageTimings {
  decodeMs: number;
  /**
   * Time the pipeline stood waiting for VAD, or ran it. VAD runs on a worker
   * thread ahead of transcription (its first chunks while the rest of the
   * file is resampled), so only the part not hidden behind resampling and the
   * transcription of earlier windows counts; each track's first chunk is run
   * on the main thread, which would otherwise stand idle until the first
   * window is known.
   */
  vadMs: number;
  transcribeMs: number;
  totalMs: number;
}

export interface RecordingTranscription {
  segments: TranscriptSegment[];
  durationSeconds: number;
  /** Speech found by the VAD, summed over channels. */
  speechSeconds: number;
  windows: number;
  timings: StageTimings;
}

interface Track {
  samples: Float32Array;
  speaker: string | null;
}

interface Job {
  track: Track;
  window: AudioWindow;
  /** The window's audio, cut once: a transcriber told of it in advance (`prefetch`) knows it by this array. */
  samples?: Float32Array;
}

function samplesOf(job: Job): Float32Array {
  return (job.samples ??= windowSamples(job.track.samples, job.window));
}

/**
 * One track's windows as VAD finds its speech: regions go into a
 * WindowPacker (speech only, as for the whole file at once), closed windows
 * wait in `jobs`, and `frontier` bounds where any later window can start.
 */
class TrackFeed {
  readonly jobs: Job[] = [];
  frontier = -Infinity;
  speechSeconds = 0;
  private readonly packer: WindowPacker;
  private readonly pad: number;
  private readonly duration: number;

  /** The first chunk, asked for at once so VAD starts while the rest of the audio is still being resampled. */
  private first: Promise<IteratorResult<SpeechChunk>> | null;

  constructor(
    private readonly track: Track,
    private readonly chunks: AsyncGenerator<SpeechChunk>,
    window: WindowOptions | undefined,
  ) {
    const options = { speechOnly: true, ...window };
    this.pad = WindowOptionsSchema.parse(options).padSeconds;
    this.duration = track.samples.length / 16000;
    this.packer = new WindowPacker(options, (from, to) => lowestEnergyPoint(track.samples, 0, from, to));
    this.first = chunks.next();
    // Awaited in advance(); if the run stops before that, its failure must not surface as unhandled.
    this.first.catch(() => undefined);
  }

  get done(): boolean {
    return this.frontier === Infinity;
  }

  async advance(): Promise<void> {
    const pending = this.first ?? this.chunks.next();
    this.first = null;
    const next = await pending;
    const chunk: SpeechChunk = next.done ? { regions: [], frontier: Infinity } : next.value;
    const windows: AudioWindow[] = [];
    for (const region of chunk.regions) {
      this.speechSeconds += region.end - region.start;
      windows.push(...this.packer.add(region, this.duration));
    }
    if (chunk.frontier === Infinity) {
      const last = this.packer.close(this.duration);
      if (last) windows.push(last);
    }
    this.jobs.push(...windows.map((window) => ({ track: this.track, window })));
    // A later window starts at its first region minus the pad, never before a region still pending or open.
    this.frontier = chunk.frontier === Infinity ? Infinity : Math.min(this.packer.pendingStart ?? Infinity, chunk.frontier) - this.pad;
  }
}

function elapsed(since: number): number {
  return performance.now() - since;
}

const roundMs = (t: number): number => Math.round(t * 1000) / 1000;

/** Segment times of a window's audio → recording time (a packed window leaves out the pauses). */
function inRecordingTime(segment: TranscriptSegment, window: AudioWindow): TranscriptSegment {
  const start = segment.start === null ? null : roundMs(toRecordingTime(window, segment.start, 'start'));
  const end = segment.end === null ? null : roundMs(toRecordingTime(window, segment.end, 'end'));
  return { ...segment, start, end: end !== null && start !== null ? Math.max(start, end) : end };
}

/**
 * How many windows the next batch may take: `batchSize`, except at the end
 * of a file. Once VAD has read everything, the windows left go as one batch
 * when they are at most half a batch more (17 windows at batch 4: 4, 4, 4, 5
 * instead of 4, 4, 4, 4, 1): a decoder step reads every weight whatever the
 * number of rows, so a last batch of one window costs nearly as much as a
 * full one (real-size Whisper tiny: a step of one row 7.9 ms, of four
 * 16.4 ms; bench/README).
 */
function tailBatch(feeds: readonly TrackFeed[], batchSize: number): number {
  const left = feeds.reduce((n, f) => n + f.jobs.length, 0);
  return feeds.every((f) => f.done) && left <= batchSize + Math.floor(batchSize / 2) ? Math.max(left, batchSize) : batchSize;
}

/**
 * A whole recording → transcript: decode to 16 kHz, find speech with Silero
 * VAD, pack the speech (without the pauses between regions) into ≤ 30 s
 * windows and transcribe them (a batch of several at once where the
 * transcriber offers `transcribeMany`). VAD runs on a worker thread
 * ahead of transcription, so a window is transcribed as soon as it is closed
 * while Silero reads the audio after it. Silence is
 * never sent to the model, which saves time and avoids Whisper's habit of
 * inventing text in silence.
 */
export async function transcribeRecording(input: TranscribeRecordingInput): Promise<RecordingTranscription> {
  const { language, prompt, channelMode, speakerNames } = InputSchema.parse(input);
  const { transcriber, signal } = input;
  const perChannel = channelMode === 'per-channel';
  const started = performance.now();

  const audio: OpenedAudio =
    input.audio instanceof Uint8Array
      ? await openAudio(input.audio, { ...input.decode, channels: perChannel ? 'separate' : 'mono' }, signal)
      : { ...input.audio, fill: () => undefined };
  const tracks: Track[] =
    perChannel && audio.channels.length > 1
      ? audio.channels.map((samples, i) => ({ samples, speaker: speakerNames?.[i] ?? `kanal ${i + 1}` }))
      : [{ samples: mixToMono(audio.channels), speaker: null }];
  // VAD's first chunks go to the worker as soon as they are resampled (speechChunks fills up to
  // what it reads), so Silero runs on them while the rest of the recording is resampled here.
  const feeds = tracks.map((track) => {
    // Chunk 0 here, the rest on the worker: the first window needs both of the first two chunks.
    let chunk = 0;
    const probabilities: ProbabilityFn = (samples) => (chunk++ === 0 ? speechProbabilities(samples, signal) : backgroundSpeechProbabilities(samples));
    return new TrackFeed(track, speechChunks(track.samples, probabilities, input.vad, signal, audio.fill), input.window);
  });
  audio.fill(Infinity);
  const decodeMs = elapsed(started);
  const sequencer = new SegmentSequencer(input.onSegment);
  let vadMs = 0;
  let transcribeMs = 0;
  let windowsDone = 0;
  const windowsFound = (): number => windowsDone + feeds.reduce((n, f) => n + f.jobs.length, 0);
  const frontier = (): number => Math.min(...feeds.map((f) => f.frontier));
  // The earliest window found so far, across tracks.
  const nextJob = (): { feed: TrackFeed; start: number } | null =>
    feeds.reduce<{ feed: TrackFeed; start: number } | null>((best, feed) => {
      const start = feed.jobs[0]?.window.start;
      return start !== undefined && (!best || start < best.start) ? { feed, start } : best;
    }, null);

  // Windows whose start lies before the frontier: found, and nothing earlier can still come.
  const ready = (): number => feeds.reduce((n, f) => n + f.jobs.filter((j) => j.window.start < frontier()).length, 0);
  const batchSize = transcriber.transcribeMany ? Math.max(1, transcriber.batchSize ?? 1) : 1;
  // The windows the next batch will take (in start order, before the frontier), as far as they are known now.
  const upcoming = (): Job[] =>
    feeds
      .flatMap((f) => f.jobs.filter((j) => j.window.start < frontier()))
      .sort((a, b) => a.window.start - b.window.start)
      .slice(0, tailBatch(feeds, batchSize));
  const prefetch = (jobs: Job[]): void => {
    if (transcriber.prefetch && jobs.length > 0) transcriber.prefetch(jobs.map((job) => ({ samples: samplesOf(job), sampleRate: 16000 as const })));
  };

  const behindFeed = (): TrackFeed | null =>
    feeds.reduce<TrackFeed | null>((low, f) => (!f.done && (!low || f.frontier < low.frontier) ? f : low), null);
  const readAhead = async (): Promise<void> => {
    for (let behind = behindFeed(); behind && ready() < batchSize; behind = behindFeed()) await behind.advance();
    prefetch(upcoming());
  };

  for (;;) {
    const next = nextJob();
    const behind = behindFeed();
    // Read VAD on when no window is ready, or to fill a batch: VAD runs at ~100× real time, a full batch saves far more.
    if (!next || next.start >= frontier() || (behind && ready() < batchSize)) {
      if (!behind) break; // VAD is done and every window transcribed
      // Windows already found get their features prepared while VAD reads on (the main thread would only wait).
      prefetch(upcoming());
      const vadStarted = performance.now();
      await behind.advance();
      vadMs += elapsed(vadStarted);
      continue;
    }
    if (windowsDone === 0) input.onProgress?.({ windowsDone, windowsTotal: windowsFound() });
    signal?.throwIfAborted();
    const batch: Job[] = [];
    const cap = tailBatch(feeds, batchSize);
    for (let job = nextJob(); job && job.start < frontier() && batch.length < cap; job = nextJob()) batch.push(job.feed.jobs.shift()!);
    const requests = batch.map((job) => ({
      audio: { samples: samplesOf(job), sampleRate: 16000 as const },
      options: { language, prompt, offsetSeconds: 0, speaker: job.track.speaker, signal },
    }));
    const windowStarted = performance.now();
    const running =
      requests.length > 1 && transcriber.transcribeMany
        ? transcriber.transcribeMany(requests)
        : transcriber.transcribe(requests[0]!.audio, requests[0]!.options).then((segments) => [segments]);
    // While this batch decodes, VAD is read on until the next batch is known, and its windows are prepared.
    const lookAhead = readAhead();
    lookAhead.catch(() => undefined); // awaited below; if the batch fails first, this must not surface as unhandled
    const results = await running;
    transcribeMs += elapsed(windowStarted);
    const aheadStarted = performance.now();
    await lookAhead;
    vadMs += elapsed(aheadStarted);
    signal?.throwIfAborted(); // a transcriber may finish its window without looking at the signal
    batch.forEach(({ track, window }, i) => {
      sequencer.add(results[i]!.map((s) => ({ ...inRecordingTime(s, window), speaker: track.speaker ?? s.speaker })));
    });
    sequencer.releaseBefore(Math.min(nextJob()?.start ?? Infinity, frontier()));
    windowsDone += batch.length;
    input.onProgress?.({ windowsDone, windowsTotal: windowsFound() });
  }
  sequencer.releaseBefore(Infinity);
  if (windowsDone === 0) input.onProgress?.({ windowsDone: 0, windowsTotal: 0 }); // no speech at all

  return {
    segments: sequencer.released,
    durationSeconds: audio.durationSeconds,
    speechSeconds: feeds.reduce((sum, f) => sum + f.speechSeconds, 0),
    windows: windowsDone,
    timings: { decodeMs, vadMs, transcribeMs, totalMs: elapsed(started) },
  };
}
