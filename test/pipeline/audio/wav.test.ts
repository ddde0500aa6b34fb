import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../server/pipeline/errors';
import { decodeAudio } from '../../../server/pipeline/audio/decode-audio';
import { detectFormat } from '../../../server/pipeline/audio/formats';
import { decodeWav } from '../../../server/pipeline/audio/wav';
import { encodeWav, sine, speechLikeSignal, toInt16, type WavEncoding } from '../../support/audio/signals';

/** Values every encoding represents exactly: 8-bit steps. */
function exactSignal(frames: number, seed: number): Float32Array {
  return Float32Array.from({ length: frames }, (_, i) => (((i * 37 + seed * 11) % 255) - 127) / 128);
}

async function audioError(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return error as PipelineError;
}

describe('WAV decoding (no ffmpeg)', () => {
  const encodings: WavEncoding[] = ['u8', 's16', 's24', 's32', 'f32', 'f64'];

  it.each(encodings)('decodes %s sample for sample, plain and WAVE_FORMAT_EXTENSIBLE', (encoding) => {
    const channels = [exactSignal(1000, 1), exactSignal(1000, 2), exactSignal(1000, 3)];
    for (const extensible of [false, true]) {
      const pcm = decodeWav(encodeWav(channels, 22050, encoding, { extensible }), 0, Infinity);
      expect(pcm.sampleRate).toBe(22050);
      expect(pcm.channels).toHaveLength(3);
      pcm.channels.forEach((decoded, c) => expect(Array.from(decoded)).toEqual(Array.from(channels[c]!)));
    }
  });

  it('keeps 16-bit sources exact and skips other chunks, including odd-sized ones', () => {
    const source = toInt16(speechLikeSignal(0.5, 8000));
    const asFloat = Float32Array.from(source, (v) => v / 32768);
    const pcm = decodeWav(encodeWav([asFloat], 8000, 's16', { extraChunk: true }), 0, Infinity);
    expect(Array.from(pcm.channels[0]!, (x) => x * 32768)).toEqual(Array.from(source));
  });

  it('decodes 16-bit data that is not 2-byte aligned in memory, as a file and through decodeAudio', async () => {
    const source = exactSignal(3001, 5);
    const file = encodeWav([source], 48000, 's16');
    const shifted = new Uint8Array(file.length + 1);
    shifted.set(file, 1);
    const odd = shifted.subarray(1);
    expect(Array.from(decodeWav(odd, 0, Infinity).channels[0]!)).toEqual(Array.from(source));
    expect((await decodeAudio(odd)).channels[0]).toEqual((await decodeAudio(file)).channels[0]);
  });

  it('accepts the unknown data size that streaming writers leave (0xFFFFFFFF)', () => {
    const bytes = encodeWav([exactSignal(500, 4)], 16000, 's16');
    new DataView(bytes.buffer).setUint32(40, 0xffffffff, true);
    expect(decodeWav(bytes, 0, Infinity).channels[0]).toHaveLength(500);
  });

  it('returns 16 kHz channels, separately or mixed, with the duration', async () => {
    const left = sine(440, 2, 48000, 0.5);
    const right = sine(440, 2, 48000, -0.5);
    const bytes = encodeWav([left, right], 48000, 'f32');
    const separate = await decodeAudio(bytes, { channels: 'separate' });
    expect(separate.sampleRate).toBe(16000);
    expect(separate.channels).toHaveLength(2);
    expect(separate.durationSeconds).toBeCloseTo(2, 3);
    const mono = await decodeAudio(bytes);
    expect(mono.channels).toHaveLength(1);
    // opposite channels cancel when mixed: proves the mix, not a copy of one channel
    expect(Math.max(...mono.channels[0]!.map(Math.abs))).toBeLessThan(1e-6);
  });
});

describe('format detection and errors', () => {
  it('detects formats by magic bytes, past an ID3 tag', () => {
    const id3 = [0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 2, 0, 0];
    expect(detectFormat(new Uint8Array([...id3, 0xff, 0xfb, 0x90, 0x00])).format).toBe('mp3');
    expect(detectFormat(new TextEncoder().encode('fLaC\0\0\0\x22')).format).toBe('flac');
    expect(detectFormat(new TextEncoder().encode('OggS\0\x02')).format).toBe('ogg');
    expect(detectFormat(new TextEncoder().encode('\0\0\0\x20ftypM4A ')).format).toBe('mp4');
    expect(detectFormat(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0x9f])).format).toBe('webm');
    expect(detectFormat(new Uint8Array([0xff, 0xf1, 0x50, 0x80])).format).toBe('aac');
  });

  it('rejects a PNG as unsupported, naming the accepted formats', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const error = await audioError(decodeAudio(png));
    expect(error.code).toBe('unsupported_format');
    expect(error.message).toContain('WAV, FLAC, MP3');
    expect(error.detail).toContain('Accepted formats');
  });

  it('rejects corrupt WAV headers', async () => {
    const good = encodeWav([exactSignal(100, 1)], 16000, 's16');
    const noChannels = good.slice();
    new DataView(noChannels.buffer).setUint16(22, 0, true);
    const badAlign = good.slice();
    new DataView(badAlign.buffer).setUint16(32, 7, true);
    const cut = good.slice(0, 30); // fmt chunk runs past the end
    const noData = good.slice(0, 36);
    for (const bytes of [noChannels, badAlign, cut, noData]) {
      expect((await audioError(decodeAudio(bytes))).code).toBe('corrupt');
    }
  });

  it('rejects WAV codecs other than PCM and float as unsupported', async () => {
    const adpcm = encodeWav([exactSignal(100, 1)], 16000, 's16');
    new DataView(adpcm.buffer).setUint16(20, 0x0002, true);
    expect((await audioError(decodeAudio(adpcm))).code).toBe('unsupported_format');
  });

  it('enforces the size and duration limits before decoding', async () => {
    const bytes = encodeWav([sine(300, 3, 16000)], 16000, 's16');
    expect((await audioError(decodeAudio(bytes, { maxBytes: 1000 }))).code).toBe('too_large');
    const tooLong = await audioError(decodeAudio(bytes, { maxSeconds: 2 }));
    expect(tooLong.code).toBe('too_long');
    expect(tooLong.message).toMatch(/för lång/);
  });
});
