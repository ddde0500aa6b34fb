import { beforeAll, describe, expect, it } from 'vitest';
import { detectSpeech, speechProbabilities } from '../../../server/pipeline/audio/vad/detect-speech';
import type { SpeechRegion } from '../../../server/pipeline/audio/vad/region-tracker';
import { speechChunks } from '../../../server/pipeline/audio/vad/speech-chunks';
import { dialogueRecording, type DialogueRecording, type DialogueTurn } from '../../support/audio/espeak';
import { toolsAvailable } from '../../support/audio/tools';

// Synthetic Swedish lines, written for this test; repeated so the recording spans two VAD chunks (20 s, then up to 160 s).
const LINES = [
  'Hur länge har du haft besvären?',
  'Sedan i måndags, det började med feber.',
  'Har du hostat mycket på nätterna?',
  'Ja, särskilt när jag ligger ner.',
];
const TURNS: DialogueTurn[] = Array.from({ length: 16 }, (_, i) => ({ channel: 0, text: LINES[i % LINES.length]! }));

describe.skipIf(!toolsAvailable('speech chunks', 'espeak-ng'))('speechChunks', () => {
  // Vitest runs a skipped suite's body too, so speech is synthesised in beforeAll (only when espeak-ng exists).
  let samples: Float32Array;
  let turns: DialogueRecording['turns'];
  beforeAll(() => {
    const recording = dialogueRecording(TURNS, 1, 1.5);
    samples = recording.channels[0]!;
    turns = recording.turns;
  });

  it('finds the same speech chunk by chunk as detectSpeech on the whole track, with a frontier no region crosses', async () => {
    expect(samples.length / 16000).toBeGreaterThan(60); // past the first chunk (20 s) by far
    const found: SpeechRegion[] = [];
    const frontiers: number[] = [];
    for await (const chunk of speechChunks(samples, speechProbabilities)) {
      for (const region of chunk.regions) {
        // a region reported now never starts before a frontier promised earlier
        expect(region.start).toBeGreaterThanOrEqual(frontiers.at(-1) ?? 0);
        found.push(region);
      }
      frontiers.push(chunk.frontier);
    }
    expect(frontiers.length).toBeGreaterThanOrEqual(2);
    expect(frontiers.at(-1)).toBe(Infinity);
    const whole = await detectSpeech(samples);
    expect(found).toHaveLength(whole.length);
    expect(found).toHaveLength(turns.length);
    found.forEach((r, i) => {
      expect(Math.abs(r.start - whole[i]!.start)).toBeLessThan(0.1);
      expect(Math.abs(r.end - whole[i]!.end)).toBeLessThan(0.1);
      expect(Math.abs(r.start - turns[i]!.start)).toBeLessThan(0.15);
    });
  });
});

describe('speechChunks on audio still being resampled', () => {
  it('asks for the first two chunks at once, filling the audio up to each chunk before reading it', async () => {
    const samples = new Float32Array(16000 * 200);
    const events: string[] = [];
    let filled = 0;
    const fill = (until: number): void => {
      filled = Math.max(filled, Math.min(until, samples.length));
      events.push(`fill ${until}`);
    };
    const probabilities = (chunk: Float32Array): Promise<Float32Array> => {
      events.push(`read ${chunk.length}`);
      return Promise.resolve(new Float32Array(Math.ceil(chunk.length / 512)));
    };
    const chunks = speechChunks(samples, probabilities, {}, undefined, fill);
    const first = chunks.next();
    // 20 s, then 160 s with its 2 s pre-roll: both requested before the first result is read
    expect(events).toEqual([`fill ${625 * 512}`, `read ${625 * 512}`, `fill ${5625 * 512}`, `read ${5062 * 512}`]);
    await first;
    let count = 1;
    for await (const chunk of chunks) {
      count++;
      expect(filled).toBeGreaterThanOrEqual(Math.min(samples.length, chunk.frontier * 16000));
    }
    expect(count).toBe(3); // 20 s, 160 s, the last 20 s
    expect(filled).toBe(samples.length);
  });
});
