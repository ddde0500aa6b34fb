import { describe, expect, it } from 'vitest';
import { LiveWindower, type LiveWindow, type LiveWindowerOptions } from '../../../server/pipeline/audio/live-windower';
import { spokenRecording } from '../../support/audio/espeak';
import { toolsAvailable } from '../../support/audio/tools';

const RATE = 16000;
const CHUNK = RATE / 10; // 100 ms, as a browser recorder would send

interface Emitted {
  window: LiveWindow;
  /** Seconds of audio appended when the window came out (Infinity: only at flush). */
  at: number;
}

async function feed(samples: Float32Array, options: LiveWindowerOptions = {}): Promise<Emitted[]> {
  const windower = await LiveWindower.open(options);
  const emitted: Emitted[] = [];
  for (let i = 0; i < samples.length; i += CHUNK) {
    const ready = await windower.append(samples.slice(i, i + CHUNK));
    emitted.push(...ready.map((window) => ({ window, at: Math.min(i + CHUNK, samples.length) / RATE })));
  }
  emitted.push(...(await windower.flush()).map((window) => ({ window, at: Infinity })));
  return emitted;
}

function expectWellFormed(emitted: Emitted[], samples: Float32Array): void {
  emitted.forEach(({ window }, i) => {
    expect(window.end - window.start).toBeLessThanOrEqual(30 + 1e-9);
    if (i > 0) expect(window.start).toBeGreaterThanOrEqual(emitted[i - 1]!.window.end - 1e-9);
    // the samples are the recording's own, although the buffer discards old audio as it goes
    const expected = samples.subarray(Math.round(window.start * RATE), Math.round(window.end * RATE));
    expect(window.samples.length).toBe(expected.length);
    expect(window.samples.every((x, k) => x === expected[k])).toBe(true);
  });
}

// Synthetic Swedish dictation, written for these tests.
const PHRASES = [
  'Status idag.',
  'Allmäntillståndet är gott.',
  'Buken är mjuk och oöm.',
  'Inga förstorade lymfkörtlar.',
  'Bedömning och planering.',
];

describe.skipIf(!toolsAvailable('live windower', 'espeak-ng'))('LiveWindower on a recording in progress', () => {
  it('emits each window as soon as a pause closes it, covering all speech', async () => {
    const { samples, truth } = spokenRecording(PHRASES, [0.5, 1.6, 0.5, 2.0, 1.0]);
    const emitted = await feed(samples, { minSpeechSeconds: 0 });
    expectWellFormed(emitted, samples);
    const live = emitted.filter((e) => e.at !== Infinity);
    expect(live.length).toBeGreaterThanOrEqual(2); // the pauses of 1.6 s and 2.0 s close windows while recording
    for (const { window, at } of live) {
      // out no later than the closing pause (1 s) plus one chunk and a VAD frame after its end pad
      expect(at - window.end).toBeLessThan(1 + 0.1 + 0.05);
    }
    for (const region of truth) {
      const holder = emitted.find((e) => e.window.start <= region.start && e.window.end >= region.end);
      expect(holder, `speech at ${region.start}–${region.end} s`).toBeDefined();
    }
  });

  it('lets short pauses close a window only once it holds enough speech; a long pause closes it anyway', async () => {
    // 1.2 s pauses, then a 3 s one after the fifth phrase, then 1.2 s pauses again.
    const phrases = [...PHRASES, ...PHRASES, ...PHRASES];
    const pauses = phrases.map((_, i) => (i === 4 ? 3 : 1.2));
    const { samples, truth } = spokenRecording(phrases, pauses);
    const speech = (regions: { start: number; end: number }[]): number => regions.reduce((sum, r) => sum + r.end - r.start, 0);
    // more than the first five phrases hold: only the long pause can close the first window
    const minSpeechSeconds = speech(truth.slice(0, 5)) + 1;
    const emitted = await feed(samples, { minSpeechSeconds, closeAfterLongSilenceSeconds: 2 });
    expectWellFormed(emitted, samples);
    expect(Math.abs(emitted[0]!.window.end - (truth[4]!.end + 0.2))).toBeLessThan(0.15);
    // every later window closed while recording holds at least the minimum
    for (const { window, at } of emitted.slice(1)) {
      if (at !== Infinity) expect(speech(window.regions)).toBeGreaterThanOrEqual(minSpeechSeconds);
    }
    const withoutMinimum = await feed(samples, { minSpeechSeconds: 0 });
    expect(emitted.length).toBeLessThan(withoutMinimum.length);
  });

  it('cuts speech that never pauses before a window overflows, while recording', async () => {
    // One sentence without punctuation: espeak-ng makes no pause longer than the VAD's minimum silence.
    const text = Array.from({ length: 12 }, (_, i) => `mening nummer ${i + 1} i en lång diktering utan paus`).join(' och ');
    const { samples, truth } = spokenRecording([text], [0.5], 0.5);
    expect(truth).toHaveLength(1);
    expect(truth[0]!.end - truth[0]!.start).toBeGreaterThan(32);
    const emitted = await feed(samples);
    expectWellFormed(emitted, samples);
    expect(emitted.length).toBeGreaterThanOrEqual(2);
    // the first window came out about 30 s into the speech, not when it ended
    expect(emitted[0]!.at).toBeLessThan(truth[0]!.start + 31);
  });
});
