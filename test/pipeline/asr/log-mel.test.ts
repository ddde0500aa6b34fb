import { WhisperFeatureExtractor } from '@huggingface/transformers';
import { beforeAll, describe, expect, it } from 'vitest';
import { LogMelSpectrogram, RealFft400 } from '../../../server/pipeline/asr/log-mel';
import { speakSwedish } from '../../support/audio/espeak';
import { seededRandom, speechLikeSignal } from '../../support/audio/signals';
import { toolsAvailable } from '../../support/audio/tools';
import { readFixtureJson } from '../../support/synthetic/fixture-files';
import { HIGH_HZ, LOW_HZ, concatAudio, tone } from '../../support/synthetic/audio';

/*
 * Our log-mel spectrogram against the reference, transformers.js's own
 * WhisperFeatureExtractor built from the same preprocessor config: the final
 * features must agree to 1e-4 everywhere, on audio of every length.
 */

const RATE = 16_000;
const TOLERANCE = 1e-4;

function maxAbsDifference(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

async function reference(extractor: WhisperFeatureExtractor, samples: Float32Array): Promise<{ data: Float32Array; dims: number[] }> {
  const { input_features } = (await extractor(samples)) as { input_features: { data: Float32Array; dims: number[] } };
  return input_features;
}

function noise(seconds: number, seed: number): Float32Array {
  const random = seededRandom(seed);
  return Float32Array.from({ length: Math.round(seconds * RATE) }, () => 0.2 * (random() - 0.5));
}

describe('RealFft400', () => {
  it('gives the power spectrum of a direct 400-point DFT', () => {
    const random = seededRandom(7);
    const frame = Float64Array.from({ length: 400 }, () => random() - 0.5);
    const power = new Float64Array(201);
    new RealFft400().powerSpectrum(frame, power);
    for (let k = 0; k <= 200; k++) {
      let re = 0;
      let im = 0;
      for (let n = 0; n < 400; n++) {
        re += frame[n]! * Math.cos((2 * Math.PI * k * n) / 400);
        im -= frame[n]! * Math.sin((2 * Math.PI * k * n) / 400);
      }
      expect(power[k]).toBeCloseTo(re * re + im * im, 9);
    }
  });
});

for (const melBins of [80, 128] as const) {
  describe(`LogMelSpectrogram matches transformers.js's WhisperFeatureExtractor, ${melBins} mel bins`, () => {
    let extractor: WhisperFeatureExtractor;
    let ours: LogMelSpectrogram;

    beforeAll(async () => {
      const config = await readFixtureJson('whisper-tiny', 'preprocessor_config.json');
      extractor = new WhisperFeatureExtractor({ ...config, feature_size: melBins });
      const built = LogMelSpectrogram.fromExtractor(extractor);
      if (!built) throw new Error('the fixture extractor should take the fast path');
      ours = built;
    });

    const signals: [string, () => Float32Array][] = [
      ['speech-like, 12 s', () => speechLikeSignal(12, RATE, 3)],
      ['speech-like, a full 30 s window', () => speechLikeSignal(30, RATE, 5)],
      ['longer than 30 s (cut like the reference)', () => speechLikeSignal(31, RATE, 6)],
      ['silence, 10 s', () => new Float32Array(10 * RATE)],
      ['a short clip, 0.3 s, padded to 30 s', () => tone(LOW_HZ, 0.3)],
      ['tones and noise, 29.99 s', () => concatAudio(tone(HIGH_HZ, 9.99), noise(10, 2), tone(LOW_HZ, 10))],
      ['100 samples (shorter than the mirrored edge)', () => noise(100 / RATE, 4)],
    ];
    for (const [name, make] of signals) {
      it(name, async () => {
        const samples = make();
        const expected = await reference(extractor, samples);
        const got = ours.extract(samples);
        expect(got.dims).toEqual(expected.dims);
        expect(maxAbsDifference(got.data, expected.data)).toBeLessThan(TOLERANCE);
      });
    }

    it('reuses its buffer and leaves nothing of the previous window behind', async () => {
      const first = ours.extract(speechLikeSignal(30, RATE, 8)).data;
      const second = ours.extract(tone(HIGH_HZ, 1)).data;
      expect(second).toBe(first);
      expect(maxAbsDifference(second, (await reference(extractor, tone(HIGH_HZ, 1))).data)).toBeLessThan(TOLERANCE);
    });
  });
}

describe.skipIf(!toolsAvailable('log-mel: espeak-ng speech', 'espeak-ng'))('LogMelSpectrogram on synthetic Swedish speech', () => {
  it('matches the reference on espeak-ng speech', async () => {
    const config = await readFixtureJson('whisper-tiny', 'preprocessor_config.json');
    const extractor = new WhisperFeatureExtractor(config);
    // Synthetic line written for this test.
    const samples = speakSwedish('Patienten har haft feber i tre dagar och hostar på nätterna.');
    const got = LogMelSpectrogram.fromExtractor(extractor)!.extract(samples);
    expect(maxAbsDifference(got.data, (await reference(extractor, samples)).data)).toBeLessThan(TOLERANCE);
  });
});

describe('LogMelSpectrogram.fromExtractor leaves other settings to transformers.js', () => {
  it('returns null for another FFT size, another mel count, or something that is not the extractor', async () => {
    const config = await readFixtureJson('whisper-tiny', 'preprocessor_config.json');
    expect(LogMelSpectrogram.fromExtractor(new WhisperFeatureExtractor({ ...config, n_fft: 512 }))).toBeNull();
    expect(LogMelSpectrogram.fromExtractor(new WhisperFeatureExtractor({ ...config, feature_size: 64 }))).toBeNull();
    expect(LogMelSpectrogram.fromExtractor({ config, window: new Float64Array(400) })).toBeNull();
    class Custom extends WhisperFeatureExtractor {}
    expect(LogMelSpectrogram.fromExtractor(new Custom(config))).toBeNull();
  });
});
