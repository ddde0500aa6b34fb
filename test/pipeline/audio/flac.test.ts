import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../server/pipeline/errors';
import { decodeAudio } from '../../../server/pipeline/audio/decode-audio';
import { decodeFlac } from '../../../server/pipeline/audio/flac/decode-flac';
import { ffmpegEncode, soxEncode } from '../../support/audio/encode';
import { escapedFlac } from '../../support/audio/flac-writer';
import { encodeWav, seededRandom, speechLikeSignal, toInt16 } from '../../support/audio/signals';
import { toolsAvailable } from '../../support/audio/tools';

const RATE = 44100;

/** Integer channels as floats that a 16-bit (or `bits`-bit) WAV stores exactly. */
function asFloats(ints: Int32Array | Int16Array, bits: number): Float32Array {
  return Float32Array.from(ints, (v) => v / 2 ** (bits - 1));
}

function expectExact(decoded: Float32Array[], expected: (Int16Array | Int32Array)[], bits: number): void {
  expect(decoded).toHaveLength(expected.length);
  decoded.forEach((channel, c) => {
    const ints = Int32Array.from(channel, (x) => Math.round(x * 2 ** (bits - 1)));
    expect(ints.length).toBe(expected[c]!.length);
    const firstDifference = ints.findIndex((v, i) => v !== expected[c]![i]);
    expect(firstDifference, `channel ${c} differs at sample ${firstDifference}`).toBe(-1);
  });
}

// Stereo speech-like signal plus channels that make the encoder pick every subframe type.
const left = toInt16(speechLikeSignal(3, RATE, 1));
const right = toInt16(speechLikeSignal(3, RATE, 2));
const random = seededRandom(3);
const noise = Int16Array.from(left, () => Math.round((random() - 0.5) * 60000)); // → VERBATIM
const silence = new Int16Array(left.length); // → CONSTANT
const coarse = Int16Array.from(left, (v) => v & ~0xff); // low 8 bits zero → wasted bits
const smooth = Int16Array.from(left, (_, i) => Math.round(20000 * Math.sin((2 * Math.PI * 2000 * i) / RATE))); // → fixed order 3-4
const manyChannels = [left, noise, silence, coarse, smooth];
const manyChannelsWav = encodeWav(manyChannels.map((c) => asFloats(c, 16)), RATE, 's16', { extensible: true });
const stereoWav = encodeWav([asFloats(left, 16), asFloats(right, 16)], RATE, 's16');

describe('FLAC escape-coded residuals (hand-assembled, no tools needed)', () => {
  it('reads raw residuals in an escape partition next to a Rice partition', () => {
    const escaped = [30000, -30000, 12345, -1, 0, 7, -32768];
    const riced = [1, -2, 3, 0, -1, 5, -7, 2];
    const pcm = decodeFlac(escapedFlac(-1000, escaped, riced, 2), 0, Infinity);
    const expected = [-1000];
    for (const r of [...escaped, ...riced]) expected.push(expected.at(-1)! + r);
    expect(Array.from(pcm.channels[0]!, (x) => x * 32768)).toEqual(expected);
  });
});

describe.skipIf(!toolsAvailable('flac decoder', 'ffmpeg', 'sox'))('FLAC decoding in TypeScript', () => {
  it.each([
    ['compression 0 (fixed predictors)', ['-compression_level', '0']],
    ['compression 5', ['-compression_level', '5']],
    ['compression 12 (long LPC)', ['-compression_level', '12']],
    ['independent channels', ['-ch_mode', 'indep']],
    ['left/side', ['-ch_mode', 'left_side']],
    ['side/right', ['-ch_mode', 'right_side']],
    ['mid/side', ['-ch_mode', 'mid_side']],
    ['fixed predictors only', ['-lpc_type', 'fixed']],
    ['small variable blocks', ['-frame_size', '192', '-compression_level', '8']],
  ])('ffmpeg, %s: equals the 16-bit source sample for sample', (_name, args) => {
    const flac = ffmpegEncode(stereoWav, 'flac', ['-c:a', 'flac', ...args]);
    const pcm = decodeFlac(flac, 0, Infinity);
    expect(pcm.sampleRate).toBe(RATE);
    expectExact(pcm.channels, [left, right], 16);
  });

  it.each([
    ['ffmpeg', (wav: Uint8Array) => ffmpegEncode(wav, 'flac', ['-c:a', 'flac', '-lpc_type', 'fixed'])],
    ['sox', (wav: Uint8Array) => soxEncode(wav, 'flac', ['-C', '8'])],
  ])('%s, 5 channels with verbatim, constant, wasted-bits and fixed subframes', (_tool, encode) => {
    const pcm = decodeFlac(encode(manyChannelsWav), 0, Infinity);
    expectExact(pcm.channels, manyChannels, 16);
  });

  it('ffmpeg, 24-bit', () => {
    const deep = [Int32Array.from(left, (v, i) => v * 256 + (i % 256) - 128), Int32Array.from(right, (v) => v * 256)];
    const wav = encodeWav(deep.map((c) => asFloats(c, 24)), RATE, 's24');
    const flac = ffmpegEncode(wav, 'flac', ['-c:a', 'flac']);
    expectExact(decodeFlac(flac, 0, Infinity).channels, deep, 24);
  });

  it.each([['-C', '0'], ['-C', '5'], ['-C', '8']])('sox %s %s: equals the source sample for sample', (...args) => {
    const pcm = decodeFlac(soxEncode(stereoWav, 'flac', args), 0, Infinity);
    expectExact(pcm.channels, [left, right], 16);
  });

  it('mono 8-bit from sox', () => {
    const eight = Int16Array.from(left, (v) => v >> 8);
    const wav = encodeWav([asFloats(eight, 8)], 8000, 'u8');
    const pcm = decodeFlac(soxEncode(wav, 'flac'), 0, Infinity);
    expect(pcm.sampleRate).toBe(8000);
    expectExact(pcm.channels, [eight], 8);
  });

  it('decodes through decodeAudio to 16 kHz without ffmpeg on the path', async () => {
    const flac = ffmpegEncode(stereoWav, 'flac', ['-c:a', 'flac']);
    const audio = await decodeAudio(flac, { channels: 'separate', ffmpegPath: '/nonexistent/ffmpeg' });
    expect(audio.format).toBe('flac');
    expect(audio.channels).toHaveLength(2);
    expect(audio.durationSeconds).toBeCloseTo(3, 3);
  });

  it('rejects damaged and truncated files as corrupt, and long ones as too_long', async () => {
    const flac = ffmpegEncode(stereoWav, 'flac', ['-c:a', 'flac']);
    const damaged = flac.slice();
    damaged[Math.floor(damaged.length / 2)]! ^= 0x10;
    const truncated = flac.slice(0, Math.floor(flac.length * 0.7));
    for (const bytes of [damaged, truncated]) {
      const error = await decodeAudio(bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PipelineError);
      expect((error as PipelineError).code).toBe('corrupt');
    }
    const long = await decodeAudio(flac, { maxSeconds: 2 }).catch((e: unknown) => e);
    expect((long as PipelineError).code).toBe('too_long');
  });
});
