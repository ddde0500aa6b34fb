import { FRAME_SAMPLES } from './silero-model';
import { padRegion, RegionTracker, type SampleRegion, type SpeechRegion, type VadOptions } from './region-tracker';

const SAMPLE_RATE = 16000;
/** The first chunk is short so the main thread has it quickly; it runs there while the worker reads the second. */
const FIRST_CHUNK_FRAMES = 625; // 20 s
/**
 * Every later chunk: 160 s, which speechProbabilities runs as 16 streams of
 * 10 s, in about as many Silero steps as a 40 s chunk (a step's cost is
 * mostly per call). The first two chunks then hold 3 minutes: enough for a
 * whole first batch of windows (4 × 30 s of speech) as soon as both are read.
 * (Doubling 20, 40, 80, 120 s took four chunks one after another on the
 * worker: 0.65 s of waiting before the first batch, bench/README.)
 */
const CHUNK_FRAMES = 5000;
/** Each chunk after the first pre-rolls 2 s, so Silero's recurrent state has settled when the chunk begins. */
const WARMUP_FRAMES = 62;

export type ProbabilityFn = (samples: Float32Array) => Promise<Float32Array>;

export interface SpeechChunk {
  /** Regions that ended within this chunk, padded, in time order. */
  regions: SpeechRegion[];
  /** No region found later starts before this (seconds); Infinity after the last chunk. */
  frontier: number;
}

/** Chunks requested from `probabilities` before the caller has read the current one. */
const LOOKAHEAD = 2;

/**
 * Speech regions of a whole 16 kHz track, chunk by chunk, with the next two
 * chunks' probabilities already being computed (by `probabilities`, e.g. on
 * the VAD worker) while the caller uses the current one. The first two are
 * requested on the first `next()`: the first window usually closes only
 * after ~45 s of audio, so both are needed before transcription can start.
 * `fill(n)`, when given, is called before samples up to n are read (the
 * audio may still be being resampled). Region rules are those of
 * `detectSpeech`; across chunks one RegionTracker carries the hysteresis,
 * and Silero's state is re-settled by the pre-roll, the same scheme
 * `speechProbabilities` uses between its batched streams.
 */
export async function* speechChunks(
  samples: Float32Array,
  probabilities: ProbabilityFn,
  options: VadOptions = {},
  signal?: AbortSignal,
  fill?: (until: number) => void,
): AsyncGenerator<SpeechChunk> {
  const frames = Math.ceil(samples.length / FRAME_SAMPLES);
  const chunks: Array<{ from: number; to: number }> = [];
  for (let from = 0, size = FIRST_CHUNK_FRAMES; from < frames; from += size, size = CHUNK_FRAMES) {
    chunks.push({ from, to: Math.min(frames, from + size) });
  }
  const requested: Promise<Float32Array>[] = [];
  const request = (i: number): void => {
    if (i >= chunks.length || requested[i]) return;
    const { from, to } = chunks[i]!;
    const preroll = Math.min(from, WARMUP_FRAMES);
    fill?.(to * FRAME_SAMPLES);
    requested[i] = probabilities(samples.slice((from - preroll) * FRAME_SAMPLES, to * FRAME_SAMPLES)).then((p) => p.subarray(preroll));
    // If the caller stops early, a prefetched chunk's failure must not surface as unhandled.
    requested[i].catch(() => undefined);
  };
  const tracker = new RegionTracker(options, FRAME_SAMPLES, SAMPLE_RATE);
  const pad = (r: SampleRegion): SpeechRegion => padRegion(r, options, SAMPLE_RATE, samples.length);
  for (let i = 0; i < LOOKAHEAD; i++) request(i);
  for (let i = 0; i < chunks.length; i++) {
    const current = await requested[i]!;
    signal?.throwIfAborted();
    request(i + LOOKAHEAD);
    const last = i + 1 === chunks.length;
    const raw: SampleRegion[] = [];
    const { from } = chunks[i]!;
    current.forEach((p, k) => {
      const region = tracker.push(p, (from + k) * FRAME_SAMPLES);
      if (region) raw.push(region);
    });
    if (last) {
      const end = tracker.finish(samples.length);
      if (end) raw.push(end);
    }
    const open = tracker.openStart ?? chunks[i]!.to * FRAME_SAMPLES;
    const regions = raw.map(pad);
    yield { regions, frontier: last ? Infinity : pad({ start: open, end: open }).start };
  }
}
