import { FRAME_SAMPLES } from './silero-model';
import { padRegion, RegionTracker, type SampleRegion, type SpeechRegion, type VadOptions } from './region-tracker';

const SAMPLE_RATE = 16000;
/** The first chunk is short so transcription can start early; each next one doubles, up to the cap. */
const FIRST_CHUNK_FRAMES = 625; // 20 s
const MAX_CHUNK_FRAMES = 3750; // 120 s: long enough for speechProbabilities to batch 6 streams
/** Each chunk after the first pre-rolls 2 s, so Silero's recurrent state has settled when the chunk begins. */
const WARMUP_FRAMES = 62;

export type ProbabilityFn = (samples: Float32Array) => Promise<Float32Array>;

export interface SpeechChunk {
  /** Regions that ended within this chunk, padded, in time order. */
  regions: SpeechRegion[];
  /** No region found later starts before this (seconds); Infinity after the last chunk. */
  frontier: number;
}

/**
 * Speech regions of a whole 16 kHz track, chunk by chunk, with the next
 * chunk's probabilities already being computed (by `probabilities`, e.g. on
 * the VAD worker) while the caller uses the current one. Region rules are
 * those of `detectSpeech`; across chunks one RegionTracker carries the
 * hysteresis, and Silero's state is re-settled by the pre-roll, the same
 * scheme `speechProbabilities` uses between its batched streams.
 */
export async function* speechChunks(
  samples: Float32Array,
  probabilities: ProbabilityFn,
  options: VadOptions = {},
  signal?: AbortSignal,
): AsyncGenerator<SpeechChunk> {
  const frames = Math.ceil(samples.length / FRAME_SAMPLES);
  const chunks: Array<{ from: number; to: number }> = [];
  for (let from = 0, size = FIRST_CHUNK_FRAMES; from < frames; from += size, size = Math.min(2 * size, MAX_CHUNK_FRAMES)) {
    chunks.push({ from, to: Math.min(frames, from + size) });
  }
  const compute = (i: number): Promise<Float32Array> => {
    const { from, to } = chunks[i]!;
    const preroll = Math.min(from, WARMUP_FRAMES);
    return probabilities(samples.slice((from - preroll) * FRAME_SAMPLES, to * FRAME_SAMPLES)).then((p) => p.subarray(preroll));
  };
  const tracker = new RegionTracker(options, FRAME_SAMPLES, SAMPLE_RATE);
  const pad = (r: SampleRegion): SpeechRegion => padRegion(r, options, SAMPLE_RATE, samples.length);
  let next = chunks.length > 0 ? compute(0) : null;
  for (let i = 0; next; i++) {
    const current = await next;
    signal?.throwIfAborted();
    next = i + 1 < chunks.length ? compute(i + 1) : null;
    // If the caller stops early, the prefetched chunk's failure must not surface as unhandled.
    next?.catch(() => undefined);
    const raw: SampleRegion[] = [];
    const { from } = chunks[i]!;
    current.forEach((p, k) => {
      const region = tracker.push(p, (from + k) * FRAME_SAMPLES);
      if (region) raw.push(region);
    });
    if (!next) {
      const last = tracker.finish(samples.length);
      if (last) raw.push(last);
    }
    const open = tracker.openStart ?? chunks[i]!.to * FRAME_SAMPLES;
    const regions = raw.map(pad);
    yield { regions, frontier: next ? pad({ start: open, end: open }).start : Infinity };
  }
}
