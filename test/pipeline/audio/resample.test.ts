import { describe, expect, it } from 'vitest';
import { Resampler, resample } from '../../../server/pipeline/audio/resample';
import { sine } from '../../support/audio/signals';

/** RMS away from the edges, where the filter sees zeros beyond the signal. */
function rms(x: Float32Array, skip = 2000): number {
  let sum = 0;
  for (let i = skip; i < x.length - skip; i++) sum += x[i]! * x[i]!;
  return Math.sqrt(sum / (x.length - 2 * skip));
}

/** Frequency from zero crossings: independent of amplitude. */
function frequency(x: Float32Array, rate: number): number {
  let crossings = 0;
  for (let i = 1; i < x.length; i++) if (x[i - 1]! < 0 && x[i]! >= 0) crossings++;
  return crossings / (x.length / rate);
}

const decibels = (ratio: number) => 20 * Math.log10(ratio);

describe('resampler', () => {
  it('keeps a 1 kHz tone at 48 kHz → 16 kHz: frequency, amplitude and length', () => {
    const out = resample(sine(1000, 2, 48000, 0.5), 48000, 16000);
    expect(out.length).toBe(32000);
    expect(frequency(out, 16000)).toBeCloseTo(1000, -1);
    expect(rms(out)).toBeCloseTo(0.5 / Math.SQRT2, 3);
  });

  it('attenuates a 12 kHz tone (above the new Nyquist) by more than 50 dB instead of aliasing it to 4 kHz', () => {
    const out = resample(sine(12000, 2, 48000, 0.5), 48000, 16000);
    expect(decibels(rms(out) / (0.5 / Math.SQRT2))).toBeLessThan(-50);
  });

  it('integer ratio (48 → 16 kHz, the folded path): 1 kHz within 0.1 dB, 10 kHz at least 60 dB down', () => {
    const pass = resample(sine(1000, 2, 48000, 0.5), 48000, 16000);
    expect(Math.abs(decibels(rms(pass) / (0.5 / Math.SQRT2)))).toBeLessThan(0.1);
    // 10 kHz would alias to 6 kHz, inside the speech band
    const stop = resample(sine(10000, 2, 48000, 0.5), 48000, 16000);
    expect(decibels(rms(stop) / (0.5 / Math.SQRT2))).toBeLessThanOrEqual(-60);
  });

  it('passes speech frequencies up to 6 kHz within 1 dB from 44.1 kHz', () => {
    for (const f of [200, 3000, 6000]) {
      const out = resample(sine(f, 1, 44100, 0.5), 44100, 16000);
      expect(Math.abs(decibels(rms(out) / (0.5 / Math.SQRT2))), `${f} Hz`).toBeLessThan(1);
    }
  });

  it('upsamples 8 kHz telephone audio: the band is kept, no image appears', () => {
    const out = resample(sine(2000, 1, 8000, 0.5), 8000, 16000);
    expect(out.length).toBe(16000);
    expect(frequency(out, 16000)).toBeCloseTo(2000, -1);
    expect(rms(out)).toBeCloseTo(0.5 / Math.SQRT2, 2);
    // an image of 2 kHz would sit at 6 kHz: correlate with it
    const image = sine(6000, 1, 16000, 1);
    let dot = 0;
    for (let i = 2000; i < 14000; i++) dot += out[i]! * image[i]!;
    expect(Math.abs(dot / 12000)).toBeLessThan(0.001);
    const edge = resample(sine(3000, 1, 8000, 0.5), 8000, 16000);
    expect(Math.abs(decibels(rms(edge) / (0.5 / Math.SQRT2)))).toBeLessThan(1.5);
  });

  it('handles awkward ratios (phase table capped) and returns the input when rates match', () => {
    const x = sine(500, 1, 16001, 0.5);
    const out = resample(x, 16001, 16000);
    expect(out.length).toBe(16000);
    expect(rms(out)).toBeCloseTo(0.5 / Math.SQRT2, 3);
    expect(resample(x, 16001, 16001)).toBe(x);
  });

  it('gives the same samples filled in pieces, and from 16-bit input as from its floats, bit for bit', () => {
    let seed = 3;
    const int16 = Int16Array.from({ length: 48_000 + 7 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 65536) - 32768);
    const floats = Float32Array.from(int16, (s) => s / 32768);
    for (const from of [48_000, 44_100, 32_000, 8000]) {
      const whole = resample(floats, from, 16000);
      const pieces = new Resampler(int16, from, 16000);
      for (const until of [0, 1, 700, 700, 5001, Infinity]) pieces.fill(until);
      expect(pieces.output, `${from} Hz`).toEqual(whole);
    }
    const same = new Resampler(int16, 16000, 16000);
    same.fill(Infinity);
    expect(same.output).toEqual(floats);
  });
});
