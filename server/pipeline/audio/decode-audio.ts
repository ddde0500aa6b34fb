import { z } from 'zod';
import { tooLarge } from './audio-error';
import { decodeWithFfmpeg } from './ffmpeg';
import { decodeFlac } from './flac/decode-flac';
import { detectFormat, type AudioFormat } from './formats';
import { mixToMono, type NativePcm } from './pcm';
import { resample } from './resample';
import { decodeWav } from './wav';

export const SAMPLE_RATE = 16000;

/** Limits come from the deployment's configuration; these defaults suit a long consultation. */
export const DecodeOptionsSchema = z.object({
  /** 'separate' keeps one array per channel, for recordings with one speaker per channel. */
  channels: z.enum(['mono', 'separate']).default('mono'),
  maxBytes: z.number().int().positive().default(500_000_000),
  maxSeconds: z.number().positive().default(3 * 3600),
  ffmpegPath: z.string().min(1).default('ffmpeg'),
});
export type DecodeOptions = z.input<typeof DecodeOptionsSchema>;

export interface DecodedAudio {
  /** One array per channel (one in total when mixed), 16 kHz, samples in [-1, 1]. */
  channels: Float32Array[];
  sampleRate: typeof SAMPLE_RATE;
  durationSeconds: number;
  format: AudioFormat;
}

/**
 * Bytes of an uploaded or recorded file → 16 kHz float channels. WAV and FLAC
 * are decoded in-process; the compressed formats go through ffmpeg.
 */
export async function decodeAudio(
  bytes: Uint8Array,
  options: DecodeOptions = {},
  signal?: AbortSignal,
): Promise<DecodedAudio> {
  const { channels: mode, maxBytes, maxSeconds, ffmpegPath } = DecodeOptionsSchema.parse(options);
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  const { format, offset } = detectFormat(bytes);
  const mono = mode === 'mono';

  let pcm: NativePcm;
  if (format === 'wav') pcm = decodeWav(bytes, offset, maxSeconds);
  else if (format === 'flac') pcm = decodeFlac(bytes, offset, maxSeconds);
  else pcm = await decodeWithFfmpeg(bytes, format, { ffmpegPath, mono, maxSeconds, signal });
  signal?.throwIfAborted();

  const sources = mono && pcm.channels.length > 1 ? [mixToMono(pcm.channels)] : pcm.channels;
  const channels = sources.map((c) => resample(c, pcm.sampleRate, SAMPLE_RATE));
  return {
    channels,
    sampleRate: SAMPLE_RATE,
    durationSeconds: (channels[0]?.length ?? 0) / SAMPLE_RATE,
    format,
  };
}
