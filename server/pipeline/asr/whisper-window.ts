import type { AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { LogMelSpectrogram, type LogMelSettings } from './log-mel';
import { type DecodeItem, WhisperGreedyDecoder, type WhisperModelParts } from './whisper-greedy';

/**
 * One ≤ 30 s window through a loaded Whisper pipeline, in timestamp mode.
 * transformers.js still loads the model and provides the tokenizer
 * (including its timestamp-aware `_decode_asr`); the decoding loop is ours
 * (`WhisperGreedyDecoder`) when the export has the standard layout, else the
 * pipeline's own. Features are ours (`LogMelSpectrogram`, same numbers,
 * faster) when the extractor's settings are the standard ones, else
 * transformers.js's extractor.
 */

export interface WindowRequest {
  language: string;
  /** Whisper prompt format, from `buildWhisperPrompt`; default `<|startoftranscript|> <|lang|> <|transcribe|>`. */
  decoderInputIds?: number[];
}

/** The part of transformers.js's Whisper tokenizer that merges tokens into timed chunks (not in its typings). */
interface AsrTokenizer {
  _decode_asr(
    sequences: { tokens: number[]; stride: [number, number, number] }[],
    options: { time_precision: number; return_timestamps: true; force_full_sequences: false },
  ): [string, Record<string, unknown>];
}

const SAMPLE_RATE = 16_000;
const decoders = new WeakMap<object, WhisperGreedyDecoder | null>();
const logMels = new WeakMap<object, LogMelSpectrogram | null>();

function decoderFor(asr: AutomaticSpeechRecognitionPipeline): WhisperGreedyDecoder | null {
  if (!decoders.has(asr)) decoders.set(asr, WhisperGreedyDecoder.for(asr.model as unknown as WhisperModelParts));
  return decoders.get(asr) ?? null;
}

/** Our log-mel extractor for this pipeline, or null when its extractor's settings are not the ones we reproduce. */
export function logMelFor(asr: AutomaticSpeechRecognitionPipeline): LogMelSpectrogram | null {
  if (!logMels.has(asr)) logMels.set(asr, LogMelSpectrogram.fromExtractor(asr.processor.feature_extractor));
  return logMels.get(asr) ?? null;
}

/**
 * The settings to compute this pipeline's features elsewhere (the log-mel
 * worker) ahead of `transcribeWindows`, or null when it would not use them
 * (another decoding loop or another feature extractor).
 */
export function featureSettingsFor(asr: AutomaticSpeechRecognitionPipeline): LogMelSettings | null {
  return (decoderFor(asr) && logMelFor(asr)?.settings) || null;
}

/** The reference: transformers.js's own pipeline call, with the options our transcriber always sets. */
export function transcribeWithPipeline(asr: AutomaticSpeechRecognitionPipeline, samples: Float32Array, request: WindowRequest): Promise<unknown> {
  return asr(samples, {
    language: request.language,
    task: 'transcribe',
    return_timestamps: true,
    ...(request.decoderInputIds ? { decoder_input_ids: request.decoderInputIds } : {}),
  });
}

/** `{ text, chunks }` as the pipeline returns it; the caller validates it. */
export async function transcribeWindow(asr: AutomaticSpeechRecognitionPipeline, samples: Float32Array, request: WindowRequest): Promise<unknown> {
  const [result] = await transcribeWindows(asr, [{ samples, request }]);
  return result;
}

/**
 * Several windows through one pipeline, results in order. With our decoding
 * loop they are decoded as one batch (same tokens as one by one, see
 * `WhisperGreedyDecoder.decodeMany`); else one by one through the pipeline.
 */
export async function transcribeWindows(
  asr: AutomaticSpeechRecognitionPipeline,
  windows: readonly { samples: Float32Array; request: WindowRequest; features?: Promise<Float32Array> | undefined }[],
): Promise<unknown[]> {
  const decoder = decoderFor(asr);
  if (!decoder) {
    const results: unknown[] = [];
    for (const { samples, request } of windows) results.push(await transcribeWithPipeline(asr, samples, request));
    return results;
  }
  const { decoder_start_token_id: sot, lang_to_id, task_to_id } = decoder.generation;
  const task = task_to_id['transcribe'];
  const logMel = logMelFor(asr);
  const items = [];
  for (const { samples, request, features: prepared } of windows) {
    const lang = lang_to_id[`<|${request.language}|>`];
    if (lang === undefined || task === undefined) throw new Error(`This Whisper model has no language token for ${request.language}`);
    const ready = logMel && prepared ? await prepared.catch(() => null) : null;
    let features: DecodeItem['features'];
    if (logMel && ready) features = { data: ready, dims: [1, logMel.melBins, ready.length / logMel.melBins] };
    else if (logMel) {
      // Runs on one pipeline are queued (see local-pipeline-cache); our extractor reuses its output buffer, so a batch keeps copies.
      const own = logMel.extract(samples);
      features = windows.length > 1 ? { data: own.data.slice(), dims: own.dims } : own;
    } else features = ((await asr.processor(samples)) as { input_features: DecodeItem['features'] }).input_features;
    items.push({ features, initTokens: request.decoderInputIds ?? [sot, lang, task!] });
  }
  const tokens = await decoder.decodeMany(items);
  const extractor = asr.processor.feature_extractor as unknown as { config: { chunk_length: number } };
  const sourcePositions = (asr.model.config as unknown as { max_source_positions: number }).max_source_positions;
  return windows.map(({ samples }, i) => {
    const [text, optional] = (asr.tokenizer as unknown as AsrTokenizer)._decode_asr(
      [{ tokens: tokens[i]!, stride: [samples.length / SAMPLE_RATE, 0, 0] }],
      { time_precision: extractor.config.chunk_length / sourcePositions, return_timestamps: true, force_full_sequences: false },
    );
    return { text, ...optional };
  });
}
