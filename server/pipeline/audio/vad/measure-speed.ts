import { speechProbabilities } from './detect-speech';

export interface VadSpeed {
  audioSeconds: number;
  elapsedMs: number;
  /** Seconds of audio processed per second of wall time. */
  realTimeFactor: number;
}

/**
 * Time Silero VAD over `seconds` of audio, for the benchmark. The model's cost
 * does not depend on the content, so a deterministic tone-plus-noise signal
 * stands in for speech. The session is loaded before timing starts.
 */
export async function measureVadSpeed(seconds: number): Promise<VadSpeed> {
  const samples = new Float32Array(Math.round(seconds * 16000));
  let seed = 1;
  for (let i = 0; i < samples.length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    samples[i] = 0.3 * Math.sin((2 * Math.PI * 220 * i) / 16000) + 0.05 * (seed / 2 ** 32 - 0.5);
  }
  await speechProbabilities(samples.subarray(0, 16000));
  const started = performance.now();
  await speechProbabilities(samples);
  const elapsedMs = performance.now() - started;
  return { audioSeconds: seconds, elapsedMs, realTimeFactor: seconds / (elapsedMs / 1000) };
}
