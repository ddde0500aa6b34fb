import { z } from 'zod';
import type { TranscriptSegment } from '../../contracts/transcript';
import { decodeAudio, type DecodedAudio, type DecodeOptions } from '../audio/decode-audio';
import { mixToMono } from '../audio/pcm';
import { detectSpeech } from '../audio/vad/detect-speech';
import type { VadOptions } from '../audio/vad/region-tracker';
import { packWindows, toRecordingTime, windowSamples, type AudioWindow, type WindowOptions } from '../audio/windows';
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
  onProgress?: (progress: { windowsDone: number; windowsTotal: number }) => void;
  signal?: AbortSignal;
}

export interface StageTimings {
  decodeMs: number;
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
}

/**
 * Releases segments in time order with ids s1, s2, …. Windows are transcribed
 * in order of their start, so once a window is done nothing earlier than the
 * next window's start can still arrive; with one track that is every segment
 * at once, with one speaker per channel the tracks interleave correctly.
 */
class SegmentSequencer {
  private pending: TranscriptSegment[] = [];
  readonly released: TranscriptSegment[] = [];

  constructor(private readonly onSegment?: (segment: TranscriptSegment) => void) {}

  add(segments: TranscriptSegment[]): void {
    this.pending.push(...segments);
  }

  releaseBefore(time: number): void {
    this.pending.sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
    while (this.pending.length > 0 && (this.pending[0]!.start ?? 0) < time) {
      const segment = { ...this.pending.shift()!, id: `s${this.released.length + 1}` };
      this.released.push(segment);
      this.onSegment?.(segment);
    }
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
 * A whole recording → transcript: decode to 16 kHz, find speech with Silero
 * VAD, pack the speech (without the pauses between regions) into ≤ 30 s
 * windows and transcribe them one by one. Silence is
 * never sent to the model, which saves time and avoids Whisper's habit of
 * inventing text in silence.
 */
export async function transcribeRecording(input: TranscribeRecordingInput): Promise<RecordingTranscription> {
  const { language, prompt, channelMode, speakerNames } = InputSchema.parse(input);
  const { transcriber, signal } = input;
  const perChannel = channelMode === 'per-channel';
  const started = performance.now();

  const audio =
    input.audio instanceof Uint8Array
      ? await decodeAudio(input.audio, { ...input.decode, channels: perChannel ? 'separate' : 'mono' }, signal)
      : input.audio;
  const tracks: Track[] =
    perChannel && audio.channels.length > 1
      ? audio.channels.map((samples, i) => ({ samples, speaker: speakerNames?.[i] ?? `kanal ${i + 1}` }))
      : [{ samples: mixToMono(audio.channels), speaker: null }];
  const decodeMs = elapsed(started);

  const vadStarted = performance.now();
  const jobs: Job[] = [];
  let speechSeconds = 0;
  for (const track of tracks) {
    const regions = await detectSpeech(track.samples, input.vad, signal);
    speechSeconds += regions.reduce((sum, r) => sum + r.end - r.start, 0);
    const windows = packWindows(regions, track.samples, { speechOnly: true, ...input.window });
    jobs.push(...windows.map((window) => ({ track, window })));
  }
  jobs.sort((a, b) => a.window.start - b.window.start);
  const vadMs = elapsed(vadStarted);

  const sequencer = new SegmentSequencer(input.onSegment);
  let transcribeMs = 0;
  input.onProgress?.({ windowsDone: 0, windowsTotal: jobs.length });
  for (const [i, { track, window }] of jobs.entries()) {
    signal?.throwIfAborted();
    const windowStarted = performance.now();
    const segments = await transcriber.transcribe(
      { samples: windowSamples(track.samples, window), sampleRate: 16000 },
      { language, prompt, offsetSeconds: 0, speaker: track.speaker, signal },
    );
    transcribeMs += elapsed(windowStarted);
    signal?.throwIfAborted(); // a transcriber may finish its window without looking at the signal
    sequencer.add(segments.map((s) => ({ ...inRecordingTime(s, window), speaker: track.speaker ?? s.speaker })));
    sequencer.releaseBefore(jobs[i + 1]?.window.start ?? Infinity);
    input.onProgress?.({ windowsDone: i + 1, windowsTotal: jobs.length });
  }

  return {
    segments: sequencer.released,
    durationSeconds: audio.durationSeconds,
    speechSeconds,
    windows: jobs.length,
    timings: { decodeMs, vadMs, transcribeMs, totalMs: elapsed(started) },
  };
}
