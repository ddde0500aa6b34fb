/** Decoded audio at its own sample rate, one array per channel, samples in [-1, 1]. */
export interface NativePcm {
  channels: Float32Array[];
  sampleRate: number;
}

/** Average the channels: the usual input for VAD and ASR when speakers share channels. */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  const first = channels[0];
  if (!first) return new Float32Array(0);
  if (channels.length === 1) return first;
  const out = new Float32Array(first.length);
  for (const channel of channels) {
    for (let i = 0; i < out.length; i++) out[i]! += channel[i] ?? 0;
  }
  const scale = 1 / channels.length;
  for (let i = 0; i < out.length; i++) out[i]! *= scale;
  return out;
}
