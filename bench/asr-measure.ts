import { pipeline } from '@huggingface/transformers';
import { decodeAudio } from '../server/pipeline/audio/decode-audio';
import { backgroundSpeechProbabilities } from '../server/pipeline/audio/vad/background-vad';
import { detectSpeech } from '../server/pipeline/audio/vad/detect-speech';
import { leaseLocalPipeline } from '../server/pipeline/runtime/local-runtime';
import { LocalWhisperTranscriber } from '../server/pipeline/asr/local-whisper';
import { whisperDtype } from '../server/pipeline/runtime/model-files';
import { transcribeRecording } from '../server/pipeline/asr/transcribe-recording';
import type { Transcriber } from '../server/pipeline/asr/transcriber';
import { type FeatureTimes, measureFeatureExtractors } from './asr-features';
import { instrumentPipeline, type ModelCounters } from './asr-instrument';
import { simulateLive, type LiveResult } from './asr-live';

/** One pipeline's run over the recording, with its time split by stage (ms). */
export interface StageRun {
  totalMs: number;
  decodeMs: number;
  /** Time ours stood waiting for VAD (its worker thread runs ahead of transcription; ours only). */
  vadMs: number;
  model: ModelCounters;
  windows: number;
  /** Peak resident memory of the process during the run (MB). */
  peakRssMb: number;
}

export interface SizeResult {
  audioSeconds: number;
  speechSeconds: number;
  /** Our pipeline with windows decoded in batches (the default). */
  ours: StageRun;
  /** The same, one window at a time (batch 1: the pipeline before batching). */
  oursOne: StageRun;
  batchSize: number;
  stock: StageRun;
  /** Resident memory with the model loaded, before any run (MB). */
  loadedRssMb: number;
  /** What loading (and warming up) the fp32 model added to the process's resident memory (MB). */
  modelRssMb: number;
  /** The same pipeline with its decoder dynamically quantized to int8 (`q8`, fp32 encoder), batched; null when not run. */
  oursQ8: (StageRun & { modelRssMb: number }) | null;
  live: LiveResult & { model: ModelCounters };
  loadMs: number;
  features: FeatureTimes;
}

/** The settings every scribe passes; `language`/`task` as our transcriber sets them. */
const STOCK_OPTIONS = {
  language: 'sv',
  task: 'transcribe',
  return_timestamps: true,
  chunk_length_s: 30,
  stride_length_s: 5,
} as const;

/**
 * Runs the same recording (a WAV file's bytes) through (1) our pipeline —
 * decode, Silero VAD, packed windows, `LocalWhisperTranscriber` — (2) the
 * stock transformers.js chunked pipeline on the whole decoded audio, and (3)
 * a simulated live recording. All three share one loaded model, whose
 * sessions and feature extractor are timed.
 */
/** Samples the process's resident memory while `work` runs; the peak in MB. */
async function withPeakRss<T>(work: () => Promise<T>): Promise<[T, number]> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 100);
  try {
    const result = await work();
    return [result, Math.max(peak, process.memoryUsage.rss()) / 1e6];
  } finally {
    clearInterval(timer);
  }
}

/** fp32 encoder, q8 decoder: the server's own mapping of `ASR_DTYPE=fp32 ASR_DECODER_DTYPE=q8`, so the bench measures what it selects. */
export const Q8_DECODER = whisperDtype('fp32', 'q8');

/** The transcriber as `transcribeRecording` sees it, with or without its `prefetch` hint (to measure what the hint pays). */
function asSeen(t: LocalWhisperTranscriber, prefetch: boolean): Transcriber {
  if (prefetch) return t;
  return {
    info: t.info,
    batchSize: t.batchSize,
    status: () => t.status(),
    transcribe: (audio, options) => t.transcribe(audio, options),
    transcribeMany: (windows) => t.transcribeMany(windows),
    dispose: () => t.dispose(),
  };
}

export async function measureSize(
  modelsDir: string,
  modelId: string,
  wav: Uint8Array,
  options: { batchSize: number; q8: boolean; prefetch: boolean },
): Promise<SizeResult> {
  const { batchSize, q8 } = options;
  global.gc?.();
  const rssBeforeLoad = process.memoryUsage.rss() / 1e6;
  const loadStarted = performance.now();
  const lease = await leaseLocalPipeline(
    { task: 'automatic-speech-recognition', kind: 'whisper', modelsDir, modelId, dtype: 'fp32' },
    (folder, options) => pipeline('automatic-speech-recognition', folder, options),
  );
  const transcriber = new LocalWhisperTranscriber({ modelsDir, modelId, dtype: 'fp32', batchSize });
  const oneByOne = new LocalWhisperTranscriber({ modelsDir, modelId, dtype: 'fp32', batchSize: 1 });
  let quantized: Q8Pipeline | null = null;
  try {
    const pipe = await lease.run(async (p) => p);
    const loadMs = performance.now() - loadStarted;
    const head = (await decodeAudio(wav)).channels[0]!;
    const features = await measureFeatureExtractors(pipe, head.slice(0, 16000 * 30));
    const probe = instrumentPipeline(pipe);

    // Warm-up outside the timings: first runs allocate arenas, load Silero (here and in the VAD worker), build the mel filters.
    const warm = head.slice(0, 16000 * 20);
    await detectSpeech(warm);
    await backgroundSpeechProbabilities(warm.slice());
    await transcriber.transcribe({ samples: warm, sampleRate: 16000 }, { language: 'sv' });
    await oneByOne.transcribe({ samples: warm, sampleRate: 16000 }, { language: 'sv' });
    global.gc?.();
    const loadedRssMb = process.memoryUsage.rss() / 1e6;
    probe.reset();
    quantized = q8 ? await loadQ8(modelsDir, modelId, batchSize, warm) : null;

    let speechSeconds = 0;
    const runOurs = async (t: LocalWhisperTranscriber): Promise<StageRun> => {
      const [result, peakRssMb] = await withPeakRss(() => transcribeRecording({ audio: wav, transcriber: asSeen(t, options.prefetch), language: 'sv' }));
      const run: StageRun = {
        totalMs: result.timings.totalMs,
        decodeMs: result.timings.decodeMs,
        vadMs: result.timings.vadMs,
        model: probe.snapshot(),
        windows: result.windows,
        peakRssMb,
      };
      speechSeconds = result.speechSeconds;
      probe.reset();
      return run;
    };
    // One window at a time first (as before batching), then batched: side by side on the same load.
    const oursOne = await runOurs(oneByOne);
    const ours = await runOurs(transcriber);
    let oursQ8: SizeResult['oursQ8'] = null;
    if (quantized) {
      const q = quantized;
      const [result, peakRssMb] = await withPeakRss(() =>
        transcribeRecording({ audio: wav, transcriber: asSeen(q.transcriber, options.prefetch), language: 'sv' }),
      );
      const t = result.timings;
      oursQ8 = { totalMs: t.totalMs, decodeMs: t.decodeMs, vadMs: t.vadMs, model: q.probe.snapshot(), windows: result.windows, peakRssMb, modelRssMb: q.modelRssMb };
      // Unloaded before the stock run, so its memory is not counted there.
      quantized = null;
      await releaseQ8(q);
    }

    const stockStarted = performance.now();
    const decoded = await decodeAudio(wav);
    const decodeMs = performance.now() - stockStarted;
    const samples = decoded.channels[0]!;
    const [, stockPeak] = await withPeakRss(() => lease.run((p) => p(samples, STOCK_OPTIONS)));
    const stockModel = probe.snapshot();
    const stock: StageRun = {
      totalMs: performance.now() - stockStarted,
      decodeMs,
      vadMs: 0,
      model: stockModel,
      windows: stockModel.encoderCalls,
      peakRssMb: stockPeak,
    };
    probe.reset();

    const live = await simulateLive(samples, transcriber);
    return {
      audioSeconds: decoded.durationSeconds,
      speechSeconds,
      ours,
      oursOne,
      batchSize,
      stock,
      loadedRssMb,
      modelRssMb: loadedRssMb - rssBeforeLoad,
      oursQ8,
      live: { ...live, model: probe.snapshot() },
      loadMs,
      features,
    };
  } finally {
    // Also when a run failed: a leaked lease would keep the q8 pipeline (small: ~1 GB) loaded for the sizes after it.
    if (quantized) await releaseQ8(quantized);
    await transcriber.dispose();
    await oneByOne.dispose();
    await lease.release();
  }
}

interface Q8Pipeline {
  lease: Awaited<ReturnType<typeof leaseLocalPipeline>>;
  transcriber: LocalWhisperTranscriber;
  probe: ReturnType<typeof instrumentPipeline>;
  modelRssMb: number;
}

async function releaseQ8(q: Pick<Q8Pipeline, 'lease' | 'transcriber'>): Promise<void> {
  await q.transcriber.dispose();
  await q.lease.release();
}

/** The q8-decoder pipeline, loaded and warmed up next to the fp32 one; its own probe; what it added to resident memory. */
async function loadQ8(modelsDir: string, modelId: string, batchSize: number, warm: Float32Array): Promise<Q8Pipeline> {
  global.gc?.();
  const before = process.memoryUsage.rss() / 1e6;
  const lease = await leaseLocalPipeline(
    { task: 'automatic-speech-recognition', kind: 'whisper', modelsDir, modelId, dtype: Q8_DECODER },
    (folder, options) => pipeline('automatic-speech-recognition', folder, options),
  );
  const transcriber = new LocalWhisperTranscriber({ modelsDir, modelId, dtype: Q8_DECODER, batchSize });
  try {
    const probe = instrumentPipeline(await lease.run(async (p) => p));
    await transcriber.transcribe({ samples: warm, sampleRate: 16000 }, { language: 'sv' });
    global.gc?.();
    probe.reset();
    return { lease, transcriber, probe, modelRssMb: process.memoryUsage.rss() / 1e6 - before };
  } catch (error) {
    await releaseQ8({ lease, transcriber });
    throw error;
  }
}
