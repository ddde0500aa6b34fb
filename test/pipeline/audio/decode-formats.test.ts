import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../server/pipeline/errors';
import { decodeAudio } from '../../../server/pipeline/audio/decode-audio';
import { mixToMono } from '../../../server/pipeline/audio/pcm';
import { resample } from '../../../server/pipeline/audio/resample';
import { COMPRESSED_FORMATS, ffmpegEncode } from '../../support/audio/encode';
import { bestCorrelation, encodeWav, speechLikeSignal, toInt16 } from '../../support/audio/signals';
import { toolsAvailable } from '../../support/audio/tools';

const RATE = 44100;
const SECONDS = 4;
const quantised = (x: Float32Array) => Float32Array.from(toInt16(x), (v) => v / 32768);
const left = quantised(speechLikeSignal(SECONDS, RATE, 11));
const right = quantised(speechLikeSignal(SECONDS, RATE, 12));
const sourceWav = encodeWav([left, right], RATE, 's16');
/** What a perfect decoder would return at 16 kHz. */
const reference = {
  left: resample(left, RATE, 16000),
  right: resample(right, RATE, 16000),
  mono: resample(mixToMono([left, right]), RATE, 16000),
};
/** Lossy codecs may shift by their priming delay; ±50 ms covers every encoder here. */
const MAX_LAG = 800;

async function rejection(promise: Promise<unknown>): Promise<PipelineError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PipelineError);
  return error as PipelineError;
}

describe('formats that need ffmpeg, when ffmpeg is missing', () => {
  it('says exactly that, and that WAV and FLAC work without it', async () => {
    const mp3Header = new Uint8Array([0xff, 0xfb, 0x90, 0x64, ...new Array<number>(400).fill(0)]);
    const error = await rejection(decodeAudio(mp3Header, { ffmpegPath: '/nonexistent/ffmpeg' }));
    expect(error.code).toBe('ffmpeg_missing');
    expect(error.message).toMatch(/MP3 kräver programmet ffmpeg/);
    expect(error.message).toMatch(/WAV och FLAC/);
  });
});

describe.skipIf(!toolsAvailable('decode formats', 'ffmpeg'))('decoding every accepted format', () => {
  it.each(COMPRESSED_FORMATS)('$name: detected by content, right duration, correlates with the source', async (spec) => {
    const bytes = ffmpegEncode(sourceWav, spec.extension, spec.args);
    const audio = await decodeAudio(bytes);
    expect(audio.format).toBe(spec.format);
    expect(audio.sampleRate).toBe(16000);
    expect(Math.abs(audio.durationSeconds - SECONDS)).toBeLessThan(0.1);
    const { r } = bestCorrelation(reference.mono.subarray(0, 32000), audio.channels[0]!.subarray(0, 32000 + MAX_LAG), MAX_LAG);
    expect(r).toBeGreaterThan(0.9);
  });

  it('keeps the channels apart when asked (one speaker per channel)', async () => {
    const bytes = ffmpegEncode(sourceWav, 'ogg', ['-c:a', 'libopus', '-b:a', '64k']);
    const audio = await decodeAudio(bytes, { channels: 'separate' });
    expect(audio.channels).toHaveLength(2);
    const [l, r] = audio.channels.map((c) => c.subarray(0, 32000 + MAX_LAG));
    const own = bestCorrelation(reference.left.subarray(0, 32000), l!, MAX_LAG).r;
    const crossed = bestCorrelation(reference.left.subarray(0, 32000), r!, MAX_LAG).r;
    expect(own).toBeGreaterThan(0.9);
    expect(crossed).toBeLessThan(0.5);
  });

  it.each(['pcm_s16le', 'pcm_s24le', 'pcm_s32le', 'pcm_f32le'])('WAV %s written by ffmpeg decodes exactly, without ffmpeg', async (codec) => {
    const wav = ffmpegEncode(sourceWav, 'wav', ['-c:a', codec]);
    const audio = await decodeAudio(wav, { channels: 'separate', ffmpegPath: '/nonexistent/ffmpeg' });
    expect(audio.format).toBe('wav');
    expect(Array.from(audio.channels[0]!)).toEqual(Array.from(reference.left));
    expect(Array.from(audio.channels[1]!)).toEqual(Array.from(reference.right));
  });

  it('WAV with 6 channels (WAVE_FORMAT_EXTENSIBLE from ffmpeg) keeps all channels', async () => {
    const wav = ffmpegEncode(sourceWav, 'wav', ['-c:a', 'pcm_s16le', '-ac', '6']);
    const audio = await decodeAudio(wav, { channels: 'separate', ffmpegPath: '/nonexistent/ffmpeg' });
    expect(audio.channels).toHaveLength(6);
    expect(audio.durationSeconds).toBeCloseTo(SECONDS, 3);
  });

  it('reports damaged compressed files as corrupt', async () => {
    const m4a = ffmpegEncode(sourceWav, 'm4a', ['-c:a', 'aac']);
    const truncated = m4a.slice(0, Math.floor(m4a.length * 0.3));
    const ogg = new Uint8Array([...new TextEncoder().encode('OggS'), ...new Array<number>(2000).fill(0x5a)]);
    for (const bytes of [truncated, ogg]) {
      const error = await rejection(decodeAudio(bytes));
      expect(error.code).toBe('corrupt');
      expect(error.detail).not.toMatch(/journalverkstan-audio/); // no temp paths leak
    }
  });

  it('stops ffmpeg output at the duration limit', async () => {
    const mp3 = ffmpegEncode(sourceWav, 'mp3', ['-c:a', 'libmp3lame']);
    expect((await rejection(decodeAudio(mp3, { maxSeconds: 2 }))).code).toBe('too_long');
  });

  it('can be cancelled', async () => {
    const mp3 = ffmpegEncode(sourceWav, 'mp3', ['-c:a', 'libmp3lame']);
    const controller = new AbortController();
    const pending = decodeAudio(mp3, {}, controller.signal);
    controller.abort(new Error('user cancelled'));
    await expect(pending).rejects.toThrow('user cancelled');
  });
});
