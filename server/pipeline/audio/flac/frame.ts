import { corrupt } from '../audio-error';
import { BitReader } from './bit-reader';
import { crc8, crc16 } from './crc';
import { readSubframe } from './subframe';

/** What STREAMINFO fixes for every frame. */
export interface StreamInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  totalSamples: number;
  md5: Uint8Array;
}

export interface Frame {
  /** Decorrelated integer samples, one array per channel. */
  channels: Float64Array[];
  next: number;
}

const SAMPLE_SIZES: readonly (number | null)[] = [0, 8, 12, null, 16, 20, 24, 32];

function blockSizeOf(code: number, reader: BitReader): number {
  if (code === 0) throw corrupt('FLAC-data', 'reserved block size code');
  if (code === 1) return 192;
  if (code <= 5) return 576 << (code - 2);
  if (code === 6) return reader.readBits(8) + 1;
  if (code === 7) return reader.readBits(16) + 1;
  return 256 << (code - 8);
}

/** The sample rate in the header is informative only; STREAMINFO's governs. */
function skipSampleRate(code: number, reader: BitReader): void {
  if (code === 12) reader.readBits(8);
  else if (code === 13 || code === 14) reader.readBits(16);
  else if (code === 15) throw corrupt('FLAC-data', 'invalid sample rate code');
}

/** Frame/sample number in FLAC's UTF-8-like coding; only its length matters here. */
function skipCodedNumber(reader: BitReader): void {
  const first = reader.readBits(8);
  const leadingOnes = Math.clz32(~(first << 24));
  const extra = leadingOnes === 0 ? 0 : leadingOnes - 1;
  if (leadingOnes === 1 || extra > 6) throw corrupt('FLAC-data', 'invalid coded frame number');
  for (let i = 0; i < extra; i++) {
    if (reader.readBits(2) !== 0b10) throw corrupt('FLAC-data', 'invalid coded frame number');
    reader.readBits(6);
  }
}

function decorrelate(mode: number, a: Float64Array, b: Float64Array): void {
  const n = a.length;
  if (mode === 8) {
    for (let i = 0; i < n; i++) b[i] = a[i]! - b[i]!; // left, side → right
  } else if (mode === 9) {
    for (let i = 0; i < n; i++) a[i]! += b[i]!; // side, right → left
  } else if (mode === 10) {
    for (let i = 0; i < n; i++) {
      const side = b[i]!;
      // mid lost its lowest bit when it was halved; side's parity restores it
      const mid = a[i]! * 2 + (Math.abs(side) % 2);
      a[i] = (mid + side) / 2;
      b[i] = (mid - side) / 2;
    }
  }
}

export function readFrame(bytes: Uint8Array, start: number, info: StreamInfo): Frame {
  const reader = new BitReader(bytes, start);
  if (reader.readBits(15) !== 0x7ffc) throw corrupt('FLAC-data', 'lost frame sync');
  reader.readBits(1); // blocking strategy: fixed or variable, irrelevant for sequential decoding
  const blockCode = reader.readBits(4);
  const rateCode = reader.readBits(4);
  const channelMode = reader.readBits(4);
  const sizeCode = reader.readBits(3);
  if (reader.readBits(1) !== 0) throw corrupt('FLAC-data', 'reserved header bit set');
  skipCodedNumber(reader);
  const blockSize = blockSizeOf(blockCode, reader);
  skipSampleRate(rateCode, reader);
  const headerCrc = crc8(bytes, start, reader.byte);
  if (reader.readBits(8) !== headerCrc) throw corrupt('FLAC-data', 'frame header CRC mismatch');

  const sampleSize = SAMPLE_SIZES[sizeCode];
  if (sampleSize === null || sampleSize === undefined) throw corrupt('FLAC-data', 'reserved sample size');
  const bps = sampleSize === 0 ? info.bitsPerSample : sampleSize;
  if (channelMode > 10) throw corrupt('FLAC-data', `reserved channel assignment ${channelMode}`);
  const channelCount = channelMode < 8 ? channelMode + 1 : 2;
  if (channelCount !== info.channels) {
    throw corrupt('FLAC-data', `frame has ${channelCount} channels, stream ${info.channels}`);
  }

  // The side channel carries one extra bit: it is the difference of two channels.
  const sideIndex = channelMode === 9 ? 0 : channelMode >= 8 ? 1 : -1;
  const channels = Array.from({ length: channelCount }, (_, c) =>
    readSubframe(reader, blockSize, c === sideIndex ? bps + 1 : bps),
  );
  if (channelMode >= 8) decorrelate(channelMode, channels[0]!, channels[1]!);

  reader.alignToByte();
  const frameCrc = crc16(bytes, start, reader.byte);
  if (reader.readBits(16) !== frameCrc) throw corrupt('FLAC-data', 'frame CRC mismatch');
  return { channels, next: reader.byte };
}
