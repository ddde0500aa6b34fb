/**
 * `npm run bench -- asr [--sizes=tiny,base,small] [--minutes=10] [--small-seconds=120] [--tokens=150] [--batch=4] [--cpp-repeats=3] [--q8=1] [--prefetch=1]`
 *
 * Local ASR speed on a synthetic 10-minute Swedish consultation (48 kHz,
 * ~30 % silence): our pipeline (decode → Silero VAD → packed ≤ 30 s windows →
 * LocalWhisperTranscriber) next to the stock transformers.js chunked pipeline
 * (`chunk_length_s: 30, stride_length_s: 5`, no VAD) on the same audio and
 * model, plus a simulated live recording, and whisper.cpp (prebuilt
 * `@napi-rs/whisper`, in a child process) on the first 30 s with a
 * synthetic GGML model of the same size and tokens per window. Models are synthetic Whisper
 * graphs with the real sizes (inference time does not depend on weight
 * values) that decode a fixed number of tokens per window; each size is
 * generated under os.tmpdir(), measured and deleted.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { measureVadSpeed } from '../server/pipeline/audio/vad/measure-speed';
import { decodeWav } from '../server/pipeline/audio/wav';
import { encodeWav } from '../test/support/audio/signals';
import { REAL_WHISPER_SIZES, makeRealSizeWhisper, type RealWhisperSize } from '../test/support/synthetic/whisper-real-size';
import { RECORDING_RATE, buildConsultation, hasEspeak } from './asr-audio';
import { measureSize } from './asr-measure';
import { measureWhisperCpp, type WhisperCppResult } from './asr-whispercpp';
import { decodeAudio } from '../server/pipeline/audio/decode-audio';
import { REAL_WHISPER_DIMS } from '../test/support/synthetic/whisper';
import { type Figures, printSize, printTargets } from './asr-report';
import { writeQuantizedSession } from '../test/support/synthetic/quantize';

const ArgsSchema = z.object({
  sizes: z
    .string()
    .default(REAL_WHISPER_SIZES.join(','))
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(z.enum(REAL_WHISPER_SIZES as [RealWhisperSize, ...RealWhisperSize[]])).min(1)),
  minutes: z.coerce.number().positive().max(60).default(10),
  /** small is ~4× base per window: it runs on the recording's first part only, labelled. */
  'small-seconds': z.coerce.number().positive().default(120),
  tokens: z.coerce.number().int().min(10).max(440).default(150),
  /** Windows per decoder batch in our pipeline (it also runs with 1, as before batching). */
  batch: z.coerce.number().int().min(1).max(8).default(4),
  /** Runs of each kind for whisper.cpp (0: skip it). */
  'cpp-repeats': z.coerce.number().int().min(0).max(9).default(3),
  /** 1: also run ours with the decoder dynamically quantized to int8 (synthetic, quantized here; labelled q8). */
  q8: z.enum(['0', '1']).default('1').transform((v) => v === '1'),
  /** 0: ours without the `prefetch` hint (the next batch's log-mel on the main thread, as before it existed). */
  prefetch: z.enum(['0', '1']).default('1').transform((v) => v === '1'),
});

const CACHE = path.join(os.tmpdir(), 'journalverkstan-bench-asr');
const SILENCE_SHARE = 0.3;

async function recording(minutes: number): Promise<Uint8Array> {
  const file = path.join(CACHE, `consultation-${minutes}min-${hasEspeak() ? 'espeak' : 'signal'}.wav`);
  if (existsSync(file)) return new Uint8Array(await readFile(file));
  const started = performance.now();
  const built = buildConsultation(minutes * 60, SILENCE_SHARE);
  console.log(
    `recording: ${built.durationSeconds.toFixed(0)} s at ${RECORDING_RATE} Hz from ${built.source}, ` +
      `silence ${(100 * built.silenceShare).toFixed(1)} % (built in ${((performance.now() - started) / 1000).toFixed(1)} s, cached)`,
  );
  await mkdir(CACHE, { recursive: true });
  await writeFile(file, built.wav);
  return built.wav;
}

function excerpt(wav: Uint8Array, seconds: number): Uint8Array {
  const pcm = decodeWav(wav, 0, Infinity);
  return encodeWav([pcm.channels[0]!.slice(0, Math.round(seconds * pcm.sampleRate))], pcm.sampleRate, 's16');
}

export async function run(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), strict: false, allowPositionals: true });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    console.error(z.prettifyError(parsed.error));
    return;
  }
  const args = parsed.data;
  if (!hasEspeak()) {
    console.log('espeak-ng is missing (apt-get install espeak-ng): using a speech-like synthetic signal instead of speech.');
  }
  const full = await recording(args.minutes);
  console.log(`load average before: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores, shared); batch ${args.batch}; prefetch ${args.prefetch ? 'on' : 'off'}`);

  const vad = await measureVadSpeed(60);
  console.log(`Silero VAD, 1 intra-op thread: ${vad.realTimeFactor.toFixed(0)}× real time (60 s in ${vad.elapsedMs.toFixed(0)} ms)`);

  const bySize = new Map<string, Figures>();
  for (const size of args.sizes) {
    const modelsDir = path.join(CACHE, 'models');
    const modelId = `synthetic-whisper-${size}-realsize`;
    const dir = path.join(modelsDir, modelId);
    const started = performance.now();
    const { tokensPerWindow } = await makeRealSizeWhisper({ dir, size, tokensPerWindow: args.tokens });
    console.log(`\n${modelId}: built in ${((performance.now() - started) / 1000).toFixed(1)} s, ${tokensPerWindow} tokens per window`);
    if (args.q8) {
      const q = performance.now();
      const matmuls = await writeQuantizedSession(dir, 'decoder_model_merged');
      console.log(`q8 decoder: ${matmuls} MatMuls dynamically quantized to int8 in ${((performance.now() - q) / 1000).toFixed(1)} s (synthetic, test/support/synthetic/quantize.ts)`);
    }
    try {
      const partial = size === 'small' && args['small-seconds'] < args.minutes * 60;
      const wav = partial ? excerpt(full, args['small-seconds']) : full;
      const result = await measureSize(modelsDir, modelId, wav, { batchSize: args.batch, q8: args.q8, prefetch: args.prefetch });
      // whisper.cpp on the recording's first 30 s, with a GGML model of the same size and tokens per window.
      const head = (await decodeAudio(excerpt(full, 30))).channels[0]!;
      const cpp: WhisperCppResult =
        args['cpp-repeats'] === 0
          ? { ok: false, reason: 'skipped (--cpp-repeats=0)' }
          : await measureWhisperCpp({ dir: modelsDir, dims: REAL_WHISPER_DIMS[size], tokens: tokensPerWindow, samples: head, repeats: args['cpp-repeats'], timeoutMs: 30 * 60_000 });
      const note = partial
        ? `first ${args['small-seconds']} s only (time budget); ratios and RTF measured on it, ` +
          `10-min total extrapolated ≈ ${((result.ours.totalMs / 1000 / result.audioSeconds) * args.minutes * 60).toFixed(0)} s ours, ` +
          `${((result.stock.totalMs / 1000 / result.audioSeconds) * args.minutes * 60).toFixed(0)} s stock`
        : null;
      bySize.set(size, printSize(size, result, note, cpp));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} (2 cores, shared)`);
  printTargets(bySize, vad.realTimeFactor);
}
