import { corrupt, tooLong, unsupported } from './audio-error';
import type { NativePcm } from './pcm';

export interface WavHeader {
  encoding: 'int' | 'float';
  /** Container size of one sample; extensible files may carry fewer valid bits, left-justified. */
  bitsPerSample: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
  dataOffset: number;
  /** Whole frames actually present in the file. */
  frames: number;
}

const FORMAT_PCM = 0x0001;
const FORMAT_FLOAT = 0x0003;
const FORMAT_EXTENSIBLE = 0xfffe;
/** Streaming writers (ffmpeg to a pipe, crashed recorders) leave the size unknown. */
const UNKNOWN_SIZES = new Set([0, 0xffffffff]);

interface Fmt {
  encoding: 'int' | 'float';
  bitsPerSample: number;
  channels: number;
  sampleRate: number;
  blockAlign: number;
}

function parseFmt(view: DataView, at: number, size: number): Fmt {
  if (size < 16) throw corrupt('WAV-huvud', `fmt chunk of ${size} bytes`);
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  if (tag === FORMAT_EXTENSIBLE) {
    if (size < 40) throw corrupt('WAV-huvud', `extensible fmt chunk of ${size} bytes`);
    tag = view.getUint16(at + 24, true); // first two bytes of the sub-format GUID
  }
  if (tag !== FORMAT_PCM && tag !== FORMAT_FLOAT) {
    throw unsupported(`WAV codec 0x${tag.toString(16).padStart(4, '0')} (only PCM integer and float WAV are decoded)`);
  }
  const encoding = tag === FORMAT_PCM ? 'int' : 'float';
  const validBits = encoding === 'int' ? [8, 16, 24, 32] : [32, 64];
  if (!validBits.includes(bitsPerSample)) {
    throw unsupported(`WAV ${encoding} with ${bitsPerSample} bits per sample`);
  }
  if (channels < 1 || channels > 64) throw corrupt('WAV-huvud', `${channels} channels`);
  if (sampleRate < 1000 || sampleRate > 768_000) throw corrupt('WAV-huvud', `sample rate ${sampleRate}`);
  if (blockAlign !== (channels * bitsPerSample) / 8) {
    throw corrupt('WAV-huvud', `block align ${blockAlign} for ${channels} x ${bitsPerSample} bits`);
  }
  return { encoding, bitsPerSample, channels, sampleRate, blockAlign };
}

/** Walk the RIFF chunks; `fmt ` and `data` may come in either order. */
export function readWavHeader(bytes: Uint8Array, offset = 0): WavHeader {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Fmt | undefined;
  let data: { offset: number; size: number } | undefined;
  let pos = offset + 12;
  while (pos + 8 <= bytes.length && !(fmt && data)) {
    const id = String.fromCharCode(...bytes.subarray(pos, pos + 4));
    const size = view.getUint32(pos + 4, true);
    const body = pos + 8;
    if (id === 'fmt ') {
      if (body + size > bytes.length) throw corrupt('WAV-huvud', 'fmt chunk runs past the end of the file');
      fmt = parseFmt(view, body, size);
    } else if (id === 'data') {
      const available = bytes.length - body;
      data = { offset: body, size: UNKNOWN_SIZES.has(size) || size > available ? available : size };
      if (!fmt) pos = body + data.size + (data.size & 1);
      continue;
    }
    pos = body + size + (size & 1);
  }
  if (!fmt) throw corrupt('WAV-huvud', 'no fmt chunk');
  if (!data) throw corrupt('WAV-huvud', 'no data chunk');
  return { ...fmt, dataOffset: data.offset, frames: Math.floor(data.size / fmt.blockAlign) };
}

type SampleReader = (view: DataView, at: number) => number;

function sampleReader(header: WavHeader): SampleReader {
  if (header.encoding === 'float') {
    return header.bitsPerSample === 32
      ? (v, at) => v.getFloat32(at, true)
      : (v, at) => v.getFloat64(at, true);
  }
  switch (header.bitsPerSample) {
    case 8:
      return (v, at) => (v.getUint8(at) - 128) / 128; // 8-bit WAV is unsigned
    case 16:
      return (v, at) => v.getInt16(at, true) / 32768;
    case 24:
      return (v, at) => ((v.getInt8(at + 2) << 16) | (v.getUint8(at + 1) << 8) | v.getUint8(at)) / 8388608;
    default:
      return (v, at) => v.getInt32(at, true) / 2147483648;
  }
}

const LITTLE_ENDIAN_HOST = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The data chunk of a 16-bit PCM file as interleaved int16 samples, read in
 * place (copied only when the chunk is not 2-byte aligned in memory), or
 * null for other encodings or a big-endian host. A DataView call per sample
 * was a third of decoding a 48 kHz recording.
 */
export function int16Samples(bytes: Uint8Array, header: WavHeader): Int16Array | null {
  if (header.encoding !== 'int' || header.bitsPerSample !== 16 || !LITTLE_ENDIAN_HOST) return null;
  const count = header.frames * header.channels;
  const at = bytes.byteOffset + header.dataOffset;
  if (at % 2 === 0) return new Int16Array(bytes.buffer, at, count);
  return new Int16Array(bytes.slice(header.dataOffset, header.dataOffset + 2 * count).buffer);
}

/** The header, refusing a file longer than `maxSeconds` before anything is decoded. */
export function readWavHeaderWithin(bytes: Uint8Array, offset: number, maxSeconds: number): WavHeader {
  const header = readWavHeader(bytes, offset);
  const seconds = header.frames / header.sampleRate;
  if (seconds > maxSeconds) throw tooLong(seconds, maxSeconds);
  return header;
}

export function decodeWav(bytes: Uint8Array, offset: number, maxSeconds: number): NativePcm {
  const header = readWavHeaderWithin(bytes, offset, maxSeconds);
  const channels = Array.from({ length: header.channels }, () => new Float32Array(header.frames));
  const int16 = int16Samples(bytes, header);
  if (int16) {
    const stride = header.channels;
    channels.forEach((channel, c) => {
      for (let i = 0, at = c; i < header.frames; i++, at += stride) channel[i] = int16[at]! / 32768;
    });
    return { channels, sampleRate: header.sampleRate };
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const read = sampleReader(header);
  const width = header.bitsPerSample / 8;
  channels.forEach((channel, c) => {
    let at = header.dataOffset + c * width;
    for (let i = 0; i < header.frames; i++, at += header.blockAlign) channel[i] = read(view, at);
  });
  return { channels, sampleRate: header.sampleRate };
}
