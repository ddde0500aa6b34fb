import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { logMelFor } from '../server/pipeline/asr/whisper-window';

/**
 * Time spent inside the model, measured by wrapping the pipeline's own
 * onnxruntime sessions and both feature extractors (transformers.js's, which
 * the stock pipeline calls, and ours, which our transcriber calls): whatever
 * calls them is measured the same way.
 */
export interface ModelCounters {
  featureMs: number;
  featureCalls: number;
  encoderMs: number;
  encoderCalls: number;
  decoderMs: number;
  /** One call per decoding step (the first one also reads the prompt). */
  decoderCalls: number;
  /** Tokens produced: one per batch row per step (a step decodes several windows when batched). */
  decoderTokens: number;
}

export interface ModelProbe {
  snapshot(): ModelCounters;
  reset(): void;
}

type AsyncFn = (...args: never[]) => Promise<unknown>;

function timed<F extends AsyncFn>(fn: F, add: (ms: number) => void): F {
  return (async (...args: never[]) => {
    const started = performance.now();
    try {
      return await fn(...args);
    } finally {
      add(performance.now() - started);
    }
  }) as F;
}

interface RunnableSession {
  run: AsyncFn;
}

export function instrumentPipeline(pipe: AutomaticSpeechRecognitionPipeline): ModelProbe {
  const zero = (): ModelCounters => ({ featureMs: 0, featureCalls: 0, encoderMs: 0, encoderCalls: 0, decoderMs: 0, decoderCalls: 0, decoderTokens: 0 });
  let c = zero();
  const sessions = (pipe.model as unknown as { sessions: Record<string, RunnableSession> }).sessions;
  // transformers.js keys the encoder file's session as 'model'.
  const encoder = sessions['model'];
  const decoder = sessions['decoder_model_merged'];
  if (!encoder || !decoder) throw new Error('expected the sessions model (encoder) and decoder_model_merged');
  encoder.run = timed(encoder.run.bind(encoder), (ms) => {
    c.encoderMs += ms;
    c.encoderCalls += 1;
  });
  const run = timed(decoder.run.bind(decoder), (ms) => {
    c.decoderMs += ms;
    c.decoderCalls += 1;
  });
  decoder.run = ((feeds: { input_ids?: { dims: readonly number[] } }, ...rest: unknown[]) => {
    c.decoderTokens += feeds.input_ids?.dims[0] ?? 1;
    return (run as (...args: unknown[]) => Promise<unknown>)(feeds, ...rest);
  }) as AsyncFn;
  // The extractor is a callable object that dispatches to its own `_call`.
  const extractor = (pipe.processor as unknown as { feature_extractor: { _call: AsyncFn } }).feature_extractor;
  extractor._call = timed(extractor._call.bind(extractor), (ms) => {
    c.featureMs += ms;
    c.featureCalls += 1;
  });
  const logMel = logMelFor(pipe);
  if (logMel) {
    const extract = logMel.extract.bind(logMel);
    logMel.extract = (samples) => {
      const started = performance.now();
      try {
        return extract(samples);
      } finally {
        c.featureMs += performance.now() - started;
        c.featureCalls += 1;
      }
    };
  }
  return {
    snapshot: () => ({ ...c }),
    reset: () => {
      c = zero();
    },
  };
}
