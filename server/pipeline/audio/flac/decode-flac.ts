import { createHash, type Hash } from 'node:crypto';
import { corrupt, overLimit, tooLong } from '../audio-error';
import type { NativePcm } from '../pcm';
import { readFrame, type StreamInfo } from './frame';

/*
 * A FLAC decoder in TypeScript (RFC 9639), so lossless uploads need no
 * ffmpeg. Every frame's CRCs are checked and, when the encoder stored one,
 * the MD5 of the whole decoded signal: a decoding error cannot pass silently.
 */

function readStreamInfo(bytes: Uint8Array, at: number, length: number): StreamInfo {
  if (length < 34 || at + 34 > bytes.length) throw corrupt('FLAC-huvud', 'STREAMINFO too short');
  const b = (i: number) => bytes[at + i]!;
  const sampleRate = (b(10) << 12) | (b(11) << 4) | (b(12) >> 4);
  const channels = ((b(12) >> 1) & 0x07) + 1;
  const bitsPerSample = (((b(12) & 0x01) << 4) | (b(13) >> 4)) + 1;
  const totalSamples = (b(13) & 0x0f) * 2 ** 32 + ((b(14) << 24) >>> 0) + ((b(15) << 16) | (b(16) << 8) | b(17));
  if (sampleRate === 0) throw corrupt('FLAC-huvud', 'sample rate 0');
  if (bitsPerSample < 4) throw corrupt('FLAC-huvud', `${bitsPerSample} bits per sample`);
  return { sampleRate, channels, bitsPerSample, totalSamples, md5: bytes.slice(at + 18, at + 34) };
}

/** Skip the metadata blocks; STREAMINFO must come first. */
function readMetadata(bytes: Uint8Array, offset: number): { info: StreamInfo; framesStart: number } {
  let pos = offset + 4;
  let info: StreamInfo | undefined;
  for (let last = false; !last; ) {
    if (pos + 4 > bytes.length) throw corrupt('FLAC-huvud', 'metadata runs past the end of the file');
    const header = bytes[pos]!;
    last = (header & 0x80) !== 0;
    const type = header & 0x7f;
    const length = (bytes[pos + 1]! << 16) | (bytes[pos + 2]! << 8) | bytes[pos + 3]!;
    if (type === 127) throw corrupt('FLAC-huvud', 'invalid metadata block type');
    if (!info && type !== 0) throw corrupt('FLAC-huvud', 'first metadata block is not STREAMINFO');
    if (type === 0) info = readStreamInfo(bytes, pos + 4, length);
    pos += 4 + length;
  }
  return { info: info!, framesStart: pos };
}

/** Feed the samples to MD5 as the encoder did: interleaved, little-endian, whole bytes. */
function hashFrame(hash: Hash, channels: Float64Array[], bps: number): void {
  const width = Math.ceil(bps / 8);
  const blockSize = channels[0]!.length;
  const buffer = new Uint8Array(blockSize * channels.length * width);
  let at = 0;
  for (let i = 0; i < blockSize; i++) {
    for (const channel of channels) {
      let v = channel[i]!;
      for (let b = 0; b < width; b++, at++) {
        buffer[at] = v & 0xff; // two's complement low byte, also for negatives
        v = Math.floor(v / 256);
      }
    }
  }
  hash.update(buffer);
}

/** Output channels that grow as frames arrive; sized once when STREAMINFO gives the length. */
class ChannelWriter {
  private arrays: Float32Array[];
  length = 0;

  constructor(channels: number, capacity: number) {
    this.arrays = Array.from({ length: channels }, () => new Float32Array(capacity));
  }

  write(frame: Float64Array[], scale: number): void {
    const n = frame[0]!.length;
    if (this.length + n > this.arrays[0]!.length) {
      const capacity = Math.max(2 * this.arrays[0]!.length, this.length + n);
      this.arrays = this.arrays.map((a) => {
        const grown = new Float32Array(capacity);
        grown.set(a.subarray(0, this.length));
        return grown;
      });
    }
    frame.forEach((samples, c) => {
      const out = this.arrays[c]!;
      for (let i = 0, at = this.length; i < n; i++, at++) out[at] = samples[i]! * scale;
    });
    this.length += n;
  }

  result(length: number): Float32Array[] {
    return this.arrays.map((a) => (a.length === length ? a : a.slice(0, length)));
  }
}

export function decodeFlac(bytes: Uint8Array, offset: number, maxSeconds: number): NativePcm {
  const { info, framesStart } = readMetadata(bytes, offset);
  const known = info.totalSamples > 0;
  if (known && info.totalSamples / info.sampleRate > maxSeconds) {
    throw tooLong(info.totalSamples / info.sampleRate, maxSeconds);
  }
  const checkMd5 = info.md5.some((x) => x !== 0);
  const hash = createHash('md5');
  const scale = 1 / 2 ** (info.bitsPerSample - 1);
  const output = new ChannelWriter(info.channels, known ? info.totalSamples : info.sampleRate * 60);
  let pos = framesStart;
  // Stop at the declared length: some taggers append ID3v1 or padding after the last frame.
  while (pos < bytes.length && (!known || output.length < info.totalSamples)) {
    const frame = readFrame(bytes, pos, info);
    if (checkMd5) hashFrame(hash, frame.channels, info.bitsPerSample);
    output.write(frame.channels, scale);
    pos = frame.next;
    if (!known && output.length / info.sampleRate > maxSeconds) throw overLimit(maxSeconds);
  }
  if (known && output.length < info.totalSamples) throw corrupt('FLAC-data', 'file ends before the last frame');
  if (checkMd5 && Buffer.compare(hash.digest(), info.md5) !== 0) {
    throw corrupt('FLAC-data', 'MD5 of the decoded audio does not match STREAMINFO');
  }
  return { channels: output.result(known ? info.totalSamples : output.length), sampleRate: info.sampleRate };
}
