import { FRAME_SAMPLES, SileroStream } from './silero-model';
import { padRegion, RegionTracker, type SampleRegion, type SpeechRegion, type VadOptions } from './region-tracker';

const SAMPLE_RATE = 16000;
/** Check for cancellation about every two seconds of audio. */
const ABORT_CHECK_FRAMES = 64;

/** Silero's speech probability for each 32 ms frame of 16 kHz mono audio. */
export async function speechProbabilities(samples: Float32Array, signal?: AbortSignal): Promise<Float32Array> {
  const stream = await SileroStream.open();
  const frames = Math.ceil(samples.length / FRAME_SAMPLES);
  const probabilities = new Float32Array(frames);
  const tail = new Float32Array(FRAME_SAMPLES);
  for (let i = 0; i < frames; i++) {
    if (i % ABORT_CHECK_FRAMES === 0) signal?.throwIfAborted();
    let frame = samples.subarray(i * FRAME_SAMPLES, (i + 1) * FRAME_SAMPLES);
    if (frame.length < FRAME_SAMPLES) {
      tail.set(frame);
      frame = tail;
    }
    probabilities[i] = await stream.next(frame);
  }
  return probabilities;
}

/** Hysteresis, minimum durations and padding over per-frame probabilities. */
export function regionsFromProbabilities(
  probabilities: Float32Array,
  totalSamples: number,
  options: VadOptions = {},
): SpeechRegion[] {
  const tracker = new RegionTracker(options, FRAME_SAMPLES, SAMPLE_RATE);
  const raw: SampleRegion[] = [];
  probabilities.forEach((p, i) => {
    const region = tracker.push(p, i * FRAME_SAMPLES);
    if (region) raw.push(region);
  });
  const last = tracker.finish(totalSamples);
  if (last) raw.push(last);
  return raw.map((r) => padRegion(r, options, SAMPLE_RATE, totalSamples));
}

/** Speech regions (seconds) of 16 kHz mono audio, found with Silero VAD v5. */
export async function detectSpeech(
  samples: Float32Array,
  options: VadOptions = {},
  signal?: AbortSignal,
): Promise<SpeechRegion[]> {
  const probabilities = await speechProbabilities(samples, signal);
  return regionsFromProbabilities(probabilities, samples.length, options);
}
