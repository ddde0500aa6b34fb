import { z } from 'zod';

/**
 * Which files a local model folder (transformers.js layout) must hold, per
 * model kind and ONNX dtype. Shared by the runtimes' `status()` and by
 * `npm run models -- verify`, so "ready" means the same everywhere.
 */

export const DtypeSchema = z.enum(['fp32', 'fp16', 'q8', 'q4', 'q4f16']);
export type Dtype = z.infer<typeof DtypeSchema>;

/** A dtype for every session, or one per session name (e.g. { encoder_model: 'fp32', decoder_model_merged: 'q4' }). */
export const DtypeSettingSchema = z.union([DtypeSchema, z.record(z.string(), DtypeSchema)]);
export type DtypeSetting = z.infer<typeof DtypeSettingSchema>;

/** transformers.js file-name suffix per dtype (Node default fp32 has none). */
export const DTYPE_SUFFIX: Record<Dtype, string> = {
  fp32: '',
  fp16: '_fp16',
  q8: '_quantized',
  q4: '_q4',
  q4f16: '_q4f16',
};

export type ModelKind = 'whisper' | 'chat';

export const MODEL_LAYOUT: Record<ModelKind, { files: readonly string[]; sessions: readonly string[] }> = {
  whisper: {
    // generation_config.json is not optional: without it transformers.js refuses language/task.
    files: ['config.json', 'generation_config.json', 'preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'],
    sessions: ['encoder_model', 'decoder_model_merged'],
  },
  chat: {
    // tokenizer_config.json carries the chat template.
    files: ['config.json', 'tokenizer.json', 'tokenizer_config.json'],
    sessions: ['model'],
  },
};

function dtypeOf(setting: DtypeSetting, session: string): Dtype {
  return typeof setting === 'string' ? setting : (setting[session] ?? 'fp32');
}

/** Paths relative to the model folder, e.g. "onnx/decoder_model_merged_q4.onnx". */
export function requiredModelFiles(kind: ModelKind, dtype: DtypeSetting): string[] {
  const layout = MODEL_LAYOUT[kind];
  return [
    ...layout.files,
    ...layout.sessions.map((s) => `onnx/${s}${DTYPE_SUFFIX[dtypeOf(dtype, s)]}.onnx`),
  ];
}

/**
 * Whisper's setting from ASR_DTYPE and the optional ASR_DECODER_DTYPE: e.g.
 * fp32 + q8 keeps onnxruntime's fast float encoder (compute-bound) and
 * quantizes only the decoder, whose steps are bound by reading the weights.
 */
export function whisperDtype(dtype: Dtype, decoder?: Dtype): DtypeSetting {
  return decoder && decoder !== dtype ? { encoder_model: dtype, decoder_model_merged: decoder } : dtype;
}

/** "q8", or "fp32, avkodare q8" for a per-session setting: for logs, CLI output and transcript labels. */
export function dtypeLabel(setting: DtypeSetting): string {
  if (typeof setting === 'string') return setting;
  const encoder = setting['encoder_model'] ?? 'fp32';
  const decoder = setting['decoder_model_merged'] ?? encoder;
  return decoder === encoder ? encoder : `${encoder}, avkodare ${decoder}`;
}
