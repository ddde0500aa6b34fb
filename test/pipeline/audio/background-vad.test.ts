import { describe, expect, it } from 'vitest';
import { backgroundSpeechProbabilities } from '../../../server/pipeline/audio/vad/background-vad';
import { speechProbabilities } from '../../../server/pipeline/audio/vad/detect-speech';

// A synthetic voiced signal: 120 Hz pulse train through formant-like sines, then silence.
function voicedThenSilence(seconds: number): Float32Array {
  const out = new Float32Array(16000 * seconds);
  for (let i = 0; i < out.length / 2; i++) {
    const t = i / 16000;
    const envelope = 0.5 + 0.5 * Math.sin(2 * Math.PI * 3 * t);
    out[i] = 0.3 * envelope * (Math.sin(2 * Math.PI * 120 * t) + 0.6 * Math.sin(2 * Math.PI * 700 * t) + 0.4 * Math.sin(2 * Math.PI * 1200 * t));
  }
  return out;
}

describe('backgroundSpeechProbabilities', () => {
  it('returns exactly what Silero computes on the main thread', async () => {
    const samples = voicedThenSilence(6);
    const [background, local] = await Promise.all([backgroundSpeechProbabilities(samples.slice()), speechProbabilities(samples)]);
    expect(background).toHaveLength(local.length);
    expect(Array.from(background)).toEqual(Array.from(local));
  });

  it('answers concurrent requests each with its own audio', async () => {
    const a = voicedThenSilence(4);
    const b = new Float32Array(16000 * 2);
    const [pa, pb] = await Promise.all([backgroundSpeechProbabilities(a), backgroundSpeechProbabilities(b)]);
    expect(pa).toHaveLength(125);
    expect(pb).toHaveLength(63);
    expect(Math.max(...pb)).toBeLessThan(0.5);
  });
});
