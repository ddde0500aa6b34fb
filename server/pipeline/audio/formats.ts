import { unsupported } from './audio-error';

/** Containers decoded in TypeScript (`wav`, `flac`) or handed to ffmpeg (the rest). */
export type AudioFormat = 'wav' | 'flac' | 'mp3' | 'aac' | 'mp4' | 'ogg' | 'webm';

export interface DetectedFormat {
  format: AudioFormat;
  /** Where the audio stream starts: past an ID3v2 tag, if any. */
  offset: number;
}

const ascii = (bytes: Uint8Array, at: number, text: string): boolean =>
  bytes.length >= at + text.length &&
  [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));

/**
 * Recognise the container by its magic bytes. File names and MIME types are
 * ignored on purpose: browsers and phones label recordings inconsistently.
 */
export function detectFormat(bytes: Uint8Array, offset = 0): DetectedFormat {
  const at = (i: number) => bytes[offset + i] ?? -1;
  if (ascii(bytes, offset, 'RIFF') && ascii(bytes, offset + 8, 'WAVE')) return { format: 'wav', offset };
  if (ascii(bytes, offset, 'fLaC')) return { format: 'flac', offset };
  if (ascii(bytes, offset, 'OggS')) return { format: 'ogg', offset };
  if (ascii(bytes, offset + 4, 'ftyp')) return { format: 'mp4', offset };
  if (at(0) === 0x1a && at(1) === 0x45 && at(2) === 0xdf && at(3) === 0xa3) return { format: 'webm', offset };
  if (ascii(bytes, offset, 'ID3') && bytes.length >= offset + 10) {
    // ID3v2 size is "synchsafe": four 7-bit groups; a footer adds 10 bytes.
    const size = ((at(6) & 0x7f) << 21) | ((at(7) & 0x7f) << 14) | ((at(8) & 0x7f) << 7) | (at(9) & 0x7f);
    const footer = (at(5) & 0x10) !== 0 ? 10 : 0;
    return detectFormat(bytes, offset + 10 + size + footer);
  }
  if (at(0) === 0xff && (at(1) & 0xf0) === 0xf0 && (at(1) & 0x06) === 0) return { format: 'aac', offset };
  if (at(0) === 0xff && (at(1) & 0xe0) === 0xe0 && (at(1) & 0x06) !== 0) return { format: 'mp3', offset };
  throw unsupported('Unrecognised file signature');
}
