import { REAL_WHISPER_DIMS, makeSyntheticWhisper } from './whisper';

export type RealWhisperSize = keyof typeof REAL_WHISPER_DIMS;
export const REAL_WHISPER_SIZES = Object.keys(REAL_WHISPER_DIMS) as RealWhisperSize[];

// Synthetic filler speech; 14 tokens with the Whisper tokenizer.
const FILLER = 'Patienten har haft hosta i tre dagar och ingen feber.';

/**
 * A Whisper model with the real sizes of openai/whisper-{tiny,base,small}
 * (and so of KB-Whisper) and pseudo-random weights, for timing the local
 * ASR path: same tensor shapes, per-layer compute and merged-decoder
 * structure as Optimum's exports (cross-attention keys/values computed on the
 * first step only; later steps return empty encoder presents, which the
 * runtime replaces by the cached ones), so latency and real-time factor are
 * representative; every 30 s window decodes a fixed number of tokens.
 * Hundreds of MB (small: ~1 GB) — build it into a temp/cache dir at bench
 * time, never commit it.
 *
 * Approximations, all cheap next to the matmuls: no causal mask over the
 * 3–4 prompt tokens of the first step, no attention masks, and the scripted
 * logits bias adds one [vocab]-sized add per step.
 */
export async function makeRealSizeWhisper(options: {
  dir: string;
  size: RealWhisperSize;
  /** approximate tokens decoded per window (text + 2 timestamps + end) */
  tokensPerWindow?: number;
}): Promise<{ tokensPerWindow: number }> {
  const target = options.tokensPerWindow ?? 150;
  const repeats = Math.max(1, Math.round((target - 3) / 14));
  const text = Array.from({ length: repeats }, () => FILLER).join(' ');
  const { tokensPerRow } = await makeSyntheticWhisper({
    dir: options.dir,
    dims: REAL_WHISPER_DIMS[options.size],
    scripts: [{ segments: [{ start: 0, end: 29, text }] }],
  });
  // Row 1 = audio class 0, not prompted, timestamp mode: what the transcriber decodes.
  return { tokensPerWindow: tokensPerRow[1] ?? 0 };
}
