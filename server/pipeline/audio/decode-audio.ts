import { z } from 'zod';
import { tooLarge } from './audio-error';
import { decodeWithFfmpeg } from './ffmpeg';
import { decodeFlac } from './flac/decode-flac';
import { detectFormat, type AudioFormat } from './formats';
import { mixToMono, type NativePcm } from './pcm';
import { Resampler, type ResamplerInput } from './resample';
import { decodeWav, int16Samples, readWavHeaderWithin } from './wav';

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
 * Decoded audio whose 16 kHz channels are computed front to back on request
 * (`Resampler`): a caller can start VAD on the beginning while the rest is
 * resampled. Samples past what was filled read as zero until then.
 */
export interface OpenedAudio extends DecodedAudio {
  /** Computes every channel up to 16 kHz sample `until` (Infinity: to the end). */
  fill(until: number): void;
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
  const { fill, ...audio } = await openAudio(bytes, options, signal);
  fill(Infinity);
  return audio;
}

/** `decodeAudio` with the resampling left to `fill`. */
export async function openAudio(bytes: Uint8Array, options: DecodeOptions = {}, signal?: AbortSignal): Promise<OpenedAudio> {
  const { channels: mode, maxBytes, maxSeconds, ffmpegPath } = DecodeOptionsSchema.parse(options);
  if (bytes.length > maxBytes) throw tooLarge(bytes.length, maxBytes);
  const { format, offset } = detectFormat(bytes);
  const mono = mode === 'mono';

  let sources: ResamplerInput[];
  let sampleRate: number;
  if (format === 'wav') {
    const header = readWavHeaderWithin(bytes, offset, maxSeconds);
    // Mono 16-bit PCM (the usual WAV) is resampled straight from the file's bytes.
    const int16 = header.channels === 1 ? int16Samples(bytes, header) : null;
    ({ sources, sampleRate } = int16 ? { sources: [int16], sampleRate: header.sampleRate } : fromPcm(decodeWav(bytes, offset, maxSeconds), mono));
  } else if (format === 'flac') {
    ({ sources, sampleRate } = fromPcm(decodeFlac(bytes, offset, maxSeconds), mono));
  } else {
    ({ sources, sampleRate } = fromPcm(await decodeWithFfmpeg(bytes, format, { ffmpegPath, mono, maxSeconds, signal }), mono));
  }
  signal?.throwIfAborted();

  // Float audio already at 16 kHz (ffmpeg's output) is used as it is.
  const resamplers = sources.map((source) =>
    source instanceof Float32Array && sampleRate === SAMPLE_RATE ? source : new Resampler(source, sampleRate, SAMPLE_RATE),
  );
  const channels = resamplers.map((r) => (r instanceof Resampler ? r.output : r));
  return {
    channels,
    sampleRate: SAMPLE_RATE,
    durationSeconds: (channels[0]?.length ?? 0) / SAMPLE_RATE,
    format,
    fill: (until) => {
      for (const r of resamplers) if (r instanceof Resampler) r.fill(until);
    },
  };
}

function fromPcm(pcm: NativePcm, mono: boolean): { sources: Float32Array[]; sampleRate: number } {
  return { sources: mono && pcm.channels.length > 1 ? [mixToMono(pcm.channels)] : pcm.channels, sampleRate: pcm.sampleRate };
}
