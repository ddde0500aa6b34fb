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

/** Float channels in [-1, 1] → interleaved 16-bit PCM bytes (clipped, rounded). */
export function floatToPcm16(channels: readonly Float32Array[]): Uint8Array {
  const frames = channels[0]?.length ?? 0;
  const out = new Uint8Array(frames * channels.length * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  for (let i = 0; i < frames; i++) {
    for (const channel of channels) {
      const x = Math.max(-1, Math.min(1, channel[i] ?? 0));
      view.setInt16(at, Math.round(x < 0 ? x * 32768 : x * 32767), true);
      at += 2;
    }
  }
  return out;
}

/** 16-bit little-endian mono PCM bytes → float samples, as the decoder reads them. */
export function pcm16ToFloat(bytes: Uint8Array): Float32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Float32Array(Math.floor(bytes.byteLength / 2));
  for (let i = 0; i < out.length; i++) out[i] = view.getInt16(2 * i, true) / 32768;
  return out;
}
