import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { logMelFor } from '../server/pipeline/asr/whisper-window';

/** The log-mel feature extractors alone, ms per 30 s window (median of the repeats). */
export interface FeatureTimes {
  oursMs: number | null;
  transformersMs: number;
  repeats: number;
}

const REPEATS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timeRepeats(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up: JIT, filterbank tensors
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

/**
 * Ours (`LogMelSpectrogram`, as `transcribeWindow` uses it) next to the
 * pipeline's transformers.js `WhisperFeatureExtractor`, on the same 30 s of
 * audio. Call before instrumenting, so the stage timers do not count it.
 */
export async function measureFeatureExtractors(pipe: AutomaticSpeechRecognitionPipeline, window: Float32Array): Promise<FeatureTimes> {
  const logMel = logMelFor(pipe);
  const extractor = pipe.processor.feature_extractor as unknown as (audio: Float32Array) => Promise<unknown>;
  return {
    oursMs: logMel ? await timeRepeats(async () => logMel.extract(window)) : null,
    transformersMs: await timeRepeats(() => extractor(window)),
    repeats: REPEATS,
  };
}
