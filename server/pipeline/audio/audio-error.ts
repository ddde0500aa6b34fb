import { PipelineError } from '../errors';

/**
 * The audio pipeline's failures, as PipelineErrors: Swedish message for the
 * clinician, English detail for operators. Neither may contain file names,
 * ffmpeg output or any other content of the recording.
 */
export const ACCEPTED_FORMATS_SV = 'WAV, FLAC, MP3, M4A/AAC, OGG/Opus eller WebM';
export const ACCEPTED_FORMATS_EN = 'WAV, FLAC, MP3, M4A/AAC, OGG/Opus or WebM';

export function corrupt(what: string, detail: string): PipelineError {
  return new PipelineError('corrupt', {
    message: `Ljudfilen är skadad och kan inte läsas (${what}). Godkända format: ${ACCEPTED_FORMATS_SV}.`,
    detail: `Corrupt ${what}: ${detail}. Accepted formats: ${ACCEPTED_FORMATS_EN}.`,
  });
}

export function unsupported(detail: string): PipelineError {
  return new PipelineError('unsupported_format', {
    message: `Ljudformatet stöds inte. Godkända format: ${ACCEPTED_FORMATS_SV}.`,
    detail: `${detail}. Accepted formats: ${ACCEPTED_FORMATS_EN}.`,
  });
}

/** "45 s" or "90 min": minutes alone would call a short test clip "0 min". */
const spoken = (seconds: number): string =>
  seconds < 120 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;

export function tooLong(seconds: number, maxSeconds: number): PipelineError {
  return new PipelineError('too_long', {
    message: `Inspelningen är för lång (${spoken(seconds)}). Högst ${spoken(maxSeconds)} tas emot.`,
    detail: `Recording is ${Math.round(seconds)} s long; the limit is ${maxSeconds} s.`,
  });
}

/** For streams whose length is only known to exceed the limit, not by how much. */
export function overLimit(maxSeconds: number): PipelineError {
  return new PipelineError('too_long', {
    message: `Inspelningen är för lång. Högst ${spoken(maxSeconds)} tas emot.`,
    detail: `Recording exceeds the limit of ${maxSeconds} s.`,
  });
}

export function tooLarge(bytes: number, maxBytes: number): PipelineError {
  const mb = (b: number) => Math.round(b / 1e6);
  return new PipelineError('too_large', {
    message: `Ljudfilen är för stor (${mb(bytes)} MB). Högst ${mb(maxBytes)} MB tas emot.`,
    detail: `File is ${bytes} bytes; the limit is ${maxBytes} bytes.`,
  });
}
