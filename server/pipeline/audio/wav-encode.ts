import { floatToPcm16 } from './pcm';

/**
 * A 16-bit PCM WAV writer. Hosted services take a file per request, and the
 * recordings module stores what it keeps as WAV: the format every tool reads
 * and the one the decoder here (wav.ts) reads without ffmpeg.
 */
const HEADER_BYTES = 44;

/** The 44-byte RIFF header for `dataBytes` of interleaved 16-bit little-endian samples. */
export function wavHeader(dataBytes: number, channels: number, sampleRate: number): Uint8Array {
  const header = new Uint8Array(HEADER_BYTES);
  const view = new DataView(header.buffer);
  const text = (at: number, s: string) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataBytes, true);
  return header;
}

export function encodeWav16(channels: readonly Float32Array[], sampleRate: number): Uint8Array {
  const data = floatToPcm16(channels);
  const file = new Uint8Array(HEADER_BYTES + data.length);
  file.set(wavHeader(data.length, channels.length, sampleRate), 0);
  file.set(data, HEADER_BYTES);
  return file;
}
