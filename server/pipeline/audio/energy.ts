/** Length of the stretch whose energy is compared: long enough to find a real pause, not a glottal dip. */
const SPAN_SECONDS = 0.1;
const HOP_SECONDS = 0.01;

/**
 * The quietest moment between `from` and `to` (seconds), where a long stretch
 * of speech can be cut with the least damage to a word. `samples` starts at
 * sample index `sampleOffset` of the recording (16 kHz).
 */
export function lowestEnergyPoint(
  samples: Float32Array,
  sampleOffset: number,
  from: number,
  to: number,
  sampleRate = 16000,
): number {
  const span = Math.round(SPAN_SECONDS * sampleRate);
  const hop = Math.round(HOP_SECONDS * sampleRate);
  const first = Math.max(0, Math.round(from * sampleRate) - sampleOffset);
  const last = Math.min(samples.length, Math.round(to * sampleRate) - sampleOffset);
  if (last - first <= span) return (first + last) / 2 / sampleRate + sampleOffset / sampleRate;

  // Prefix sums make every span's energy O(1).
  const prefix = new Float64Array(last - first + 1);
  for (let i = first; i < last; i++) prefix[i - first + 1] = prefix[i - first]! + samples[i]! * samples[i]!;
  let best = first;
  let bestEnergy = Infinity;
  for (let s = 0; s + span <= last - first; s += hop) {
    const energy = prefix[s + span]! - prefix[s]!;
    if (energy < bestEnergy) {
      bestEnergy = energy;
      best = first + s;
    }
  }
  return (best + span / 2 + sampleOffset) / sampleRate;
}
