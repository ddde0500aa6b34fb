/**
 * The one error the audio pipeline throws for anything wrong with a
 * recording. `message` is Swedish and shown to the clinician; `detail` is
 * English for operators. Neither may contain file names, ffmpeg output or any
 * other content of the recording, because both end up in logs and responses.
 */
export type AudioErrorCode =
  | 'unsupported_format'
  | 'corrupt'
  | 'too_long'
  | 'too_large'
  | 'ffmpeg_missing';

export const ACCEPTED_FORMATS_SV = 'WAV, FLAC, MP3, M4A/AAC, OGG/Opus eller WebM';
export const ACCEPTED_FORMATS_EN = 'WAV, FLAC, MP3, M4A/AAC, OGG/Opus or WebM';

export class AudioError extends Error {
  override readonly name = 'AudioError';

  constructor(
    readonly code: AudioErrorCode,
    message: string,
    readonly detail: string,
  ) {
    super(message);
  }
}

export function corrupt(what: string, detail: string): AudioError {
  return new AudioError(
    'corrupt',
    `Ljudfilen är skadad och kan inte läsas (${what}). Godkända format: ${ACCEPTED_FORMATS_SV}.`,
    `Corrupt ${what}: ${detail}. Accepted formats: ${ACCEPTED_FORMATS_EN}.`,
  );
}

export function unsupported(detail: string): AudioError {
  return new AudioError(
    'unsupported_format',
    `Ljudformatet stöds inte. Godkända format: ${ACCEPTED_FORMATS_SV}.`,
    `${detail}. Accepted formats: ${ACCEPTED_FORMATS_EN}.`,
  );
}

/** "45 s" or "90 min": minutes alone would call a short test clip "0 min". */
const spoken = (seconds: number): string =>
  seconds < 120 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;

export function tooLong(seconds: number, maxSeconds: number): AudioError {
  return new AudioError(
    'too_long',
    `Inspelningen är för lång (${spoken(seconds)}). Högst ${spoken(maxSeconds)} tas emot.`,
    `Recording is ${Math.round(seconds)} s long; the limit is ${maxSeconds} s.`,
  );
}

/** For streams whose length is only known to exceed the limit, not by how much. */
export function overLimit(maxSeconds: number): AudioError {
  return new AudioError(
    'too_long',
    `Inspelningen är för lång. Högst ${spoken(maxSeconds)} tas emot.`,
    `Recording exceeds the limit of ${maxSeconds} s.`,
  );
}

export function tooLarge(bytes: number, maxBytes: number): AudioError {
  const mb = (b: number) => Math.round(b / 1e6);
  return new AudioError(
    'too_large',
    `Ljudfilen är för stor (${mb(bytes)} MB). Högst ${mb(maxBytes)} MB tas emot.`,
    `File is ${bytes} bytes; the limit is ${maxBytes} bytes.`,
  );
}
