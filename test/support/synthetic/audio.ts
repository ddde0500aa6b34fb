/**
 * Synthetic 16 kHz test audio. The synthetic Whisper encoder tells audio
 * apart by which mel band group holds the most energy, so a low tone and a
 * high tone stand for "two different things said".
 */

export const SAMPLE_RATE = 16_000;

/** A sine tone with a little deterministic noise (pure tones are an unrealistic edge case). */
export function tone(frequencyHz: number, seconds: number, amplitude = 0.3): Float32Array {
  const out = new Float32Array(Math.round(seconds * SAMPLE_RATE));
  let seed = 12345;
  for (let i = 0; i < out.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const noise = (seed / 4294967296 - 0.5) * 0.01;
    out[i] = amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / SAMPLE_RATE) + noise;
  }
  return out;
}

/** Frequencies that land in the lowest and highest of two mel band groups. */
export const LOW_HZ = 300;
export const HIGH_HZ = 5000;

export function concatAudio(...parts: Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}
