import { describe, expect, it } from 'vitest';
import { regionsFromProbabilities } from '../../../server/pipeline/audio/vad/detect-speech';

const FRAME = 512;
const SECONDS_PER_FRAME = FRAME / 16000; // 32 ms

/** Probabilities from a compact script: each [value, frames] pair repeated. */
function probs(...runs: Array<[number, number]>): Float32Array {
  return Float32Array.from(runs.flatMap(([p, n]) => Array<number>(n).fill(p)));
}

describe('speech regions from VAD probabilities (hysteresis)', () => {
  const noPad = { speechPadMs: 0 };

  it('starts at the threshold and ends only after the minimum silence', () => {
    const p = probs([0.1, 10], [0.9, 20], [0.1, 5], [0.9, 20], [0.1, 30]);
    // the 5-frame dip (160 ms) is shorter than 300 ms: one region
    const regions = regionsFromProbabilities(p, p.length * FRAME, noPad);
    expect(regions).toHaveLength(1);
    expect(regions[0]!.start).toBeCloseTo(10 * SECONDS_PER_FRAME, 6);
    expect(regions[0]!.end).toBeCloseTo(55 * SECONDS_PER_FRAME, 6);
  });

  it('keeps speech going while the probability stays between the two thresholds', () => {
    const p = probs([0.1, 5], [0.9, 10], [0.4, 40], [0.9, 10], [0.1, 20]);
    expect(regionsFromProbabilities(p, p.length * FRAME, noPad)).toHaveLength(1);
    const strict = regionsFromProbabilities(p, p.length * FRAME, { ...noPad, negThreshold: 0.45 });
    expect(strict).toHaveLength(2);
  });

  it('drops bursts shorter than the minimum speech duration', () => {
    const p = probs([0.1, 10], [0.9, 3], [0.1, 30], [0.9, 15], [0.1, 30]);
    const regions = regionsFromProbabilities(p, p.length * FRAME, noPad);
    expect(regions).toHaveLength(1);
    expect(regions[0]!.start).toBeCloseTo(43 * SECONDS_PER_FRAME, 6);
  });

  it('pads both sides, clamped to the recording, and closes speech running to the end', () => {
    const p = probs([0.9, 20], [0.1, 20], [0.9, 20]);
    const total = p.length * FRAME;
    const regions = regionsFromProbabilities(p, total, { speechPadMs: 100 });
    expect(regions[0]!.start).toBe(0);
    expect(regions[0]!.end).toBeCloseTo(20 * SECONDS_PER_FRAME + 0.1, 6);
    expect(regions[1]!.start).toBeCloseTo(40 * SECONDS_PER_FRAME - 0.1, 6);
    expect(regions[1]!.end).toBeCloseTo(total / 16000, 6);
  });
});
