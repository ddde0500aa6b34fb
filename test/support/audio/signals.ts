/**
 * Deterministic test signals and a WAV writer that spells out every byte
 * layout, so decoder tests do not depend on the decoder under test.
 */

/** A small LCG: the same "noise" on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * A voiced-speech-like test signal: harmonics of a wandering pitch, syllable-
 * rate loudness and a little breath noise. Rich enough that lossy codecs must
 * really code it, and distinct per `seed` so channels can be told apart.
 */
export function speechLikeSignal(seconds: number, sampleRate: number, seed = 1): Float32Array {
  const random = seededRandom(seed);
  const out = new Float32Array(Math.round(seconds * sampleRate));
  const base = 110 + 60 * random();
  let phase = 0;
  for (let i = 0; i < out.length; i++) {
    const t = i / sampleRate;
    const f0 = base * (1 + 0.15 * Math.sin(2 * Math.PI * 0.7 * t + seed));
    phase += (2 * Math.PI * f0) / sampleRate;
    let voiced = 0;
    for (let h = 1; h <= 12; h++) voiced += Math.sin(h * phase) / h;
    const syllables = 0.55 + 0.45 * Math.sin(2 * Math.PI * (3 + seed * 0.4) * t);
    out[i] = 0.25 * syllables * voiced + 0.01 * (random() - 0.5);
  }
  return out;
}

export function sine(frequency: number, seconds: number, sampleRate: number, amplitude = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, i) =>
    amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate),
  );
}

/** Quantise to 16-bit integers, the ground truth for lossless round trips. */
export function toInt16(samples: Float32Array): Int16Array {
  return Int16Array.from(samples, (x) => Math.max(-32768, Math.min(32767, Math.round(x * 32767))));
}

export type WavEncoding = 'u8' | 's16' | 's24' | 's32' | 'f32' | 'f64';

const WIDTH: Record<WavEncoding, number> = { u8: 1, s16: 2, s24: 3, s32: 4, f32: 4, f64: 8 };

function writeSample(view: DataView, at: number, x: number, encoding: WavEncoding): void {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(v)));
  switch (encoding) {
    case 'u8':
      return view.setUint8(at, clamp(x * 128 + 128, 0, 255));
    case 's16':
      return view.setInt16(at, clamp(x * 32768, -32768, 32767), true);
    case 's24': {
      const v = clamp(x * 8388608, -8388608, 8388607);
      view.setUint8(at, v & 0xff);
      view.setUint8(at + 1, (v >> 8) & 0xff);
      return view.setInt8(at + 2, v >> 16);
    }
    case 's32':
      return view.setInt32(at, clamp(x * 2147483648, -2147483648, 2147483647), true);
    case 'f32':
      return view.setFloat32(at, x, true);
    case 'f64':
      return view.setFloat64(at, x, true);
  }
}

/** A RIFF/WAVE file; `extensible` writes WAVE_FORMAT_EXTENSIBLE with the sub-format GUID. */
export function encodeWav(
  channels: Float32Array[],
  sampleRate: number,
  encoding: WavEncoding,
  { extensible = false, extraChunk = false } = {},
): Uint8Array {
  const width = WIDTH[encoding];
  const frames = channels[0]!.length;
  const blockAlign = width * channels.length;
  const fmtSize = extensible ? 40 : 16;
  const listSize = extraChunk ? 4 + 5 : 0; // an odd-sized chunk exercises the pad byte
  const dataOffset = 12 + 8 + fmtSize + (extraChunk ? 8 + listSize + 1 : 0) + 8;
  const bytes = new Uint8Array(dataOffset + frames * blockAlign);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => [...s].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)));
  const tag = encoding.startsWith('f') ? 3 : 1;
  text(0, 'RIFF');
  view.setUint32(4, bytes.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, fmtSize, true);
  view.setUint16(20, extensible ? 0xfffe : tag, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, width * 8, true);
  if (extensible) {
    view.setUint16(36, 22, true);
    view.setUint16(38, width * 8, true);
    view.setUint32(40, (1 << channels.length) - 1, true);
    view.setUint16(44, tag, true);
    // the rest of KSDATAFORMAT_SUBTYPE_*: 0000-0010-8000-00aa00389b71
    [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71].forEach((b, i) =>
      view.setUint8(46 + i, b),
    );
  }
  let at = 20 + fmtSize;
  if (extraChunk) {
    text(at, 'LIST');
    view.setUint32(at + 4, listSize, true);
    text(at + 8, 'INFOx');
    at += 8 + listSize + 1;
  }
  text(at, 'data');
  view.setUint32(at + 4, frames * blockAlign, true);
  for (let i = 0; i < frames; i++) {
    channels.forEach((channel, c) => writeSample(view, dataOffset + i * blockAlign + c * width, channel[i]!, encoding));
  }
  return bytes;
}

/** Pearson correlation of two equally long signals. */
export function correlation(a: Float32Array, b: Float32Array): number {
  const n = Math.min(a.length, b.length);
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i]! - ma;
    const y = b[i]! - mb;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return ab / Math.sqrt(aa * bb);
}

/** Best correlation over lags up to ±maxLag samples: lossy codecs may shift the signal slightly. */
export function bestCorrelation(reference: Float32Array, decoded: Float32Array, maxLag: number): { r: number; lag: number } {
  let best = { r: -Infinity, lag: 0 };
  for (let lag = -maxLag; lag <= maxLag; lag++) {
    const a = lag >= 0 ? reference.subarray(0, reference.length - lag) : reference.subarray(-lag);
    const b = lag >= 0 ? decoded.subarray(lag) : decoded;
    const r = correlation(a, b);
    if (r > best.r) best = { r, lag };
  }
  return best;
}
