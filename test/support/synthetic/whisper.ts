import { z } from 'zod';
import {
  SYNTHETIC_COMMENT,
  copyFixtureFiles,
  encodeExact,
  fixtureTokenizer,
  readFixtureJson,
  writeJson,
  writeOnnx,
} from './fixture-files';
import { buildWhisperDecoder } from './whisper-decoder-graph';
import { AUDIO_CLASS_MAX, type WhisperDims, buildWhisperEncoder } from './whisper-graphs';

export type { WhisperDims } from './whisper-graphs';

/** Token ids of the multilingual Whisper vocabulary (fixed by the real tokenizer). */
export const WHISPER_TOKENS = {
  endOfText: 50257,
  startOfPrev: 50361,
  noTimestamps: 50363,
  timestampBegin: 50364,
  vocabSize: 51865,
} as const;

/** Whisper's time resolution: 30 s over 1500 encoder positions. */
const TIME_STEP = 0.02;

const SegmentSchema = z
  .object({
    start: z.number().min(0).max(30),
    end: z.number().min(0).max(30),
    text: z.string().min(1),
  })
  .refine((s) => s.end > s.start, 'segment end must be after its start');
export type ScriptSegment = z.infer<typeof SegmentSchema>;

const ScriptSchema = z.object({
  segments: z.array(SegmentSchema).min(1),
  /** What the model says instead when the decoder prompt carries an initial prompt (<|startofprev|>). */
  whenPrompted: z.array(SegmentSchema).min(1).optional(),
});
export type WhisperScript = z.infer<typeof ScriptSchema>;

const OptionsSchema = z.object({
  dir: z.string().min(1),
  dims: z
    .object({
      dModel: z.number().int().positive(),
      encoderLayers: z.number().int().positive(),
      decoderLayers: z.number().int().positive(),
      heads: z.number().int().positive(),
      ffn: z.number().int().positive().optional(),
    })
    .refine((d) => d.dModel % d.heads === 0, 'dModel must be divisible by heads'),
  /** Script i is spoken for audio whose i-th mel band group (of scripts.length) holds the most energy. */
  scripts: z.array(ScriptSchema).min(1).max(AUDIO_CLASS_MAX),
  seed: z.number().int().optional(),
});
export type SyntheticWhisperOptions = z.input<typeof OptionsSchema>;

/** The smallest dims that still have every Whisper block. */
export const TINY_SYNTHETIC_DIMS: WhisperDims = { dModel: 8, encoderLayers: 1, decoderLayers: 1, heads: 2 };

/** Real Whisper sizes (openai/whisper-*; KB-Whisper uses the same architectures). */
export const REAL_WHISPER_DIMS = {
  tiny: { dModel: 384, encoderLayers: 4, decoderLayers: 4, heads: 6 },
  base: { dModel: 512, encoderLayers: 6, decoderLayers: 6, heads: 8 },
  small: { dModel: 768, encoderLayers: 12, decoderLayers: 12, heads: 12 },
} as const satisfies Record<string, WhisperDims>;

function timestampToken(seconds: number): number {
  const steps = Math.round(seconds / TIME_STEP);
  if (Math.abs(steps * TIME_STEP - seconds) > 1e-6) {
    throw new Error(`Timestamp ${seconds} s is not a multiple of ${TIME_STEP} s`);
  }
  return WHISPER_TOKENS.timestampBegin + steps;
}

function checkSegments(segments: ScriptSegment[]): void {
  if ((segments[0]?.start ?? 0) > TIME_STEP) {
    throw new Error('The first segment must start at 0.00 or 0.02 s (Whisper forces the first timestamp)');
  }
  segments.forEach((s, i) => {
    const prev = segments[i - 1];
    if (prev && s.start < prev.end) throw new Error('Segments must not overlap');
  });
}

/**
 * Writes a transformers.js-layout Whisper model folder whose decoder emits
 * the given scripts through the real runtime. Returns the token rows so a
 * caller can tell how many tokens a window decodes.
 */
export async function makeSyntheticWhisper(options: SyntheticWhisperOptions): Promise<{ tokensPerRow: number[] }> {
  const { dir, dims, scripts, seed = 1 } = OptionsSchema.parse(options);
  const tokenizer = await fixtureTokenizer('whisper-tiny');
  const generation = await readFixtureJson('whisper-tiny', 'generation_config.json');
  const suppressed = new Set(z.array(z.number()).parse(generation.suppress_tokens));

  const textTokens = (text: string): number[] => {
    const ids = encodeExact(tokenizer, ` ${text}`);
    const bad = ids.find((id) => suppressed.has(id));
    if (bad !== undefined) {
      throw new Error(`Token ${bad} of ${JSON.stringify(text)} is in suppress_tokens; Whisper would never emit it`);
    }
    return ids;
  };
  const row = (segments: ScriptSegment[], timestamps: boolean): number[] => {
    checkSegments(segments);
    const body = segments.flatMap((s) =>
      timestamps ? [timestampToken(s.start), ...textTokens(s.text), timestampToken(s.end)] : textTokens(s.text),
    );
    return [...body, WHISPER_TOKENS.endOfText];
  };
  // Row order matches the decoder: (audioClass·2 + prompted)·2 + timestamps.
  const rows = scripts.flatMap((s) =>
    [s.segments, s.whenPrompted ?? s.segments].flatMap((segs) => [row(segs, false), row(segs, true)]),
  );

  const ffn = dims.ffn ?? 4 * dims.dModel;
  const config = await readFixtureJson('whisper-tiny', 'config.json');
  await writeJson(dir, 'config.json', {
    ...config,
    _comment: SYNTHETIC_COMMENT,
    synthetic: true,
    d_model: dims.dModel,
    encoder_layers: dims.encoderLayers,
    decoder_layers: dims.decoderLayers,
    num_hidden_layers: dims.encoderLayers,
    encoder_attention_heads: dims.heads,
    decoder_attention_heads: dims.heads,
    encoder_ffn_dim: ffn,
    decoder_ffn_dim: ffn,
    max_source_positions: 1500,
  });
  // Word-level alignment heads must name layers that exist.
  await writeJson(dir, 'generation_config.json', {
    ...generation,
    alignment_heads: [[dims.decoderLayers - 1, 0]],
  });
  await copyFixtureFiles('whisper-tiny', ['preprocessor_config.json', 'tokenizer.json', 'tokenizer_config.json'], dir);
  await writeOnnx(dir, 'encoder_model.onnx', buildWhisperEncoder(dims, scripts.length, seed));
  await writeOnnx(
    dir,
    'decoder_model_merged.onnx',
    buildWhisperDecoder(
      dims,
      {
        table: { rows, vocabSize: WHISPER_TOKENS.vocabSize },
        startOfPrevId: WHISPER_TOKENS.startOfPrev,
        noTimestampsId: WHISPER_TOKENS.noTimestamps,
      },
      seed + 1,
    ),
  );
  return { tokensPerRow: rows.map((r) => r.length) };
}
