import { open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { WhisperFeatureExtractor } from '@huggingface/transformers';
import { FIXTURE_MODELS_DIR } from '../test/support/synthetic/fixture-files';
import type { WhisperDims } from '../test/support/synthetic/whisper-graphs';

/**
 * A synthetic Whisper model in whisper.cpp's legacy GGML `.bin` layout (as
 * `whisper_model_load` reads it: magic, hyperparameters, mel filters,
 * vocabulary, then named tensors), f16 like the published ggml models, with
 * the real sizes of Whisper tiny/base/small, the real multilingual
 * vocabulary and mel filters, and weights that script the output. Labelled
 * synthetic: it cannot transcribe.
 *
 * How the decoder is scripted without a graph of our own: every projection
 * back into the residual stream (attention, cross-attention and MLP output
 * weights) is zero, so the residual is token embedding + positional
 * embedding through all layers, while every layer still computes everything
 * (ggml does not skip zeros; speed does not depend on weight values). The
 * positional embedding of position p is a large one-hot in channel p mod 32
 * (channel 32 from the position that should end the window), and the tied
 * output projection (the token embedding) maps channel k to a chosen token:
 * 32 text tokens in turn (so whisper.cpp's entropy check, which sends a
 * repetitive decode to temperature fallback, passes), then end-of-text.
 */

const N_AUDIO_CTX = 1500;
const N_TEXT_CTX = 448;
const N_MELS = 80;
const N_VOCAB = 51865;
const GGML_MAGIC = 0x67676d6c;
const F32 = 0;
const F16 = 1;
/** The prompt whisper.cpp builds: SOT, language, task, <|notimestamps|>. */
const PROMPT_TOKENS = 4;
const CYCLE = 32;
const EOT = 50257;

interface TensorSpec {
  name: string;
  /** ggml order: ne[0] is the fastest-varying dimension */
  ne: number[];
  type: typeof F32 | typeof F16;
  fill: 'random' | 'zero' | 'one' | ((data: Float32Array) => void);
}

function tensorSpecs(dims: WhisperDims, tokens: number, textIds: readonly number[]): TensorSpec[] {
  const d = dims.dModel;
  const ffn = dims.ffn ?? 4 * d;
  const specs: TensorSpec[] = [];
  const add = (name: string, ne: number[], type: TensorSpec['type'], fill: TensorSpec['fill']): void => void specs.push({ name, ne, type, fill });
  const block = (prefix: string, cross: boolean): void => {
    const attn = (a: string): void => {
      add(`${prefix}.${a}_ln.weight`, [d], F32, 'one');
      add(`${prefix}.${a}_ln.bias`, [d], F32, 'zero');
      add(`${prefix}.${a}.query.weight`, [d, d], F16, 'random');
      add(`${prefix}.${a}.query.bias`, [d], F32, 'zero');
      add(`${prefix}.${a}.key.weight`, [d, d], F16, 'random');
      add(`${prefix}.${a}.value.weight`, [d, d], F16, 'random');
      add(`${prefix}.${a}.value.bias`, [d], F32, 'zero');
      add(`${prefix}.${a}.out.weight`, [d, d], F16, 'zero');
      add(`${prefix}.${a}.out.bias`, [d], F32, 'zero');
    };
    attn('attn');
    if (cross) attn('cross_attn');
    add(`${prefix}.mlp_ln.weight`, [d], F32, 'one');
    add(`${prefix}.mlp_ln.bias`, [d], F32, 'zero');
    add(`${prefix}.mlp.0.weight`, [d, ffn], F16, 'random');
    add(`${prefix}.mlp.0.bias`, [ffn], F32, 'zero');
    add(`${prefix}.mlp.2.weight`, [ffn, d], F16, 'zero');
    add(`${prefix}.mlp.2.bias`, [d], F32, 'zero');
  };
  add('encoder.positional_embedding', [d, N_AUDIO_CTX], F32, 'random');
  add('encoder.conv1.weight', [3, N_MELS, d], F16, 'random');
  add('encoder.conv1.bias', [1, d], F32, 'zero');
  add('encoder.conv2.weight', [3, d, d], F16, 'random');
  add('encoder.conv2.bias', [1, d], F32, 'zero');
  add('encoder.ln_post.weight', [d], F32, 'one');
  add('encoder.ln_post.bias', [d], F32, 'zero');
  for (let i = 0; i < dims.encoderLayers; i++) block(`encoder.blocks.${i}`, false);

  const scripted = (data: Float32Array): void => {
    // Position q produces token q − (PROMPT_TOKENS − 1): text in turn, then end-of-text.
    for (let q = 0; q < N_TEXT_CTX; q++) {
      const channel = q < PROMPT_TOKENS - 1 + tokens ? q % CYCLE : CYCLE;
      data[q * d + channel] = 8;
    }
  };
  const embedding = (data: Float32Array): void => {
    textIds.forEach((id, k) => (data[id * d + k] = 1));
    data[EOT * d + CYCLE] = 1;
  };
  add('decoder.positional_embedding', [d, N_TEXT_CTX], F32, scripted);
  add('decoder.token_embedding.weight', [d, N_VOCAB], F16, embedding);
  add('decoder.ln.weight', [d], F32, 'one');
  add('decoder.ln.bias', [d], F32, 'zero');
  for (let i = 0; i < dims.decoderLayers; i++) block(`decoder.blocks.${i}`, true);
  return specs;
}

/** GPT-2's byte ↔ printable-character map, to turn BPE vocabulary strings back into bytes. */
function byteDecoder(): Map<string, number> {
  const bytes: number[] = [];
  for (let b = 33; b <= 126; b++) bytes.push(b);
  for (let b = 161; b <= 172; b++) bytes.push(b);
  for (let b = 174; b <= 255; b++) bytes.push(b);
  const chars = bytes.slice();
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (!bytes.includes(b)) {
      bytes.push(b);
      chars.push(256 + n++);
    }
  }
  return new Map(bytes.map((b, i) => [String.fromCodePoint(chars[i]!), b]));
}

/** The real multilingual vocabulary (ids below <|endoftext|>) and 32 Swedish-ish text tokens for the script. */
async function vocabulary(): Promise<{ tokens: Uint8Array[]; textIds: number[] }> {
  const json = JSON.parse(await readFile(path.join(FIXTURE_MODELS_DIR, 'whisper-tiny', 'tokenizer.json'), 'utf8')) as {
    model: { vocab: Record<string, number> };
  };
  const decode = byteDecoder();
  const entries = Object.entries(json.model.vocab).filter(([, id]) => id < EOT);
  entries.sort((a, b) => a[1] - b[1]);
  const tokens = entries.map(([text]) => Uint8Array.from([...text].map((c) => decode.get(c) ?? 0x3f)));
  const words = ['Ġpatient', 'Ġhar', 'Ġont', 'Ġi', 'Ġhuvudet', 'Ġoch', 'Ġingen', 'Ġfeber', 'Ġsedan', 'Ġtre', 'Ġdagar', 'Ġhon', 'Ġtar'];
  const textIds = words.map((w) => json.model.vocab[w]).filter((id): id is number => id !== undefined && id < EOT);
  // Then plain words only: whisper.cpp may suppress symbols and punctuation ("non-speech tokens").
  for (const [text, id] of entries) {
    if (textIds.length >= CYCLE) break;
    if (id >= 2000 && /^Ġ[a-z]{4,}$/.test(text) && !textIds.includes(id)) textIds.push(id);
  }
  return { tokens, textIds: textIds.slice(0, CYCLE) };
}

/** IEEE half-precision bits of small random values (|x| in [2^-9, 2^-5)), from a repeated block. */
function randomHalfBlock(): Uint16Array {
  const block = new Uint16Array((1 << 20) + 7);
  let s = 0x9e3779b9;
  for (let i = 0; i < block.length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    const r = s >>> 0;
    block[i] = ((r >>> 31) << 15) | ((6 + ((r >>> 10) & 3)) << 10) | (r & 0x3ff);
  }
  return block;
}

function halfOf(x: number): number {
  if (x === 0) return 0;
  if (x === 1) return 0x3c00;
  if (x === 8) return 0x4800;
  throw new Error(`no half constant for ${x}`);
}

/** Writes the model; returns its size in bytes. `tokens` text tokens per 30-s window, then end-of-text. */
export async function writeSyntheticGgml(file: string, dims: WhisperDims, tokens: number): Promise<number> {
  const { tokens: vocab, textIds } = await vocabulary();
  const filters = (new WhisperFeatureExtractor({ feature_size: N_MELS, sampling_rate: 16000, n_fft: 400, hop_length: 160, chunk_length: 30 }) as unknown as {
    config: { mel_filters: number[][] };
  }).config.mel_filters;
  const out = await open(file, 'w');
  let size = 0;
  const write = async (bytes: Uint8Array): Promise<void> => {
    await out.write(bytes);
    size += bytes.length;
  };
  const ints = (...values: number[]): Uint8Array => new Uint8Array(Int32Array.from(values).buffer);
  try {
    await write(ints(GGML_MAGIC, N_VOCAB, N_AUDIO_CTX, dims.dModel, dims.heads, dims.encoderLayers));
    await write(ints(N_TEXT_CTX, dims.dModel, dims.heads, dims.decoderLayers, N_MELS, F16));
    await write(ints(filters.length, filters[0]!.length));
    await write(new Uint8Array(Float32Array.from(filters.flat()).buffer));
    await write(ints(vocab.length));
    const table = new Uint8Array(vocab.reduce((n, t) => n + 4 + t.length, 0));
    let at = 0;
    for (const token of vocab) {
      table.set(ints(token.length), at);
      table.set(token, at + 4);
      at += 4 + token.length;
    }
    await write(table);
    const random = randomHalfBlock();
    for (const spec of tensorSpecs(dims, tokens, textIds)) {
      const name = new TextEncoder().encode(spec.name);
      await write(ints(spec.ne.length, name.length, spec.type, ...spec.ne));
      await write(name);
      await write(tensorData(spec, random));
    }
  } finally {
    await out.close();
  }
  return size;
}

function tensorData(spec: TensorSpec, random: Uint16Array): Uint8Array {
  const count = spec.ne.reduce((a, b) => a * b, 1);
  if (spec.type === F32) {
    const data = new Float32Array(count);
    if (spec.fill === 'one') data.fill(1);
    else if (spec.fill === 'random') for (let i = 0; i < count; i++) data[i] = ((random[i % random.length]! & 0x3ff) / 1024 - 0.5) * 0.02;
    else if (typeof spec.fill === 'function') spec.fill(data);
    return new Uint8Array(data.buffer);
  }
  const data = new Uint16Array(count);
  if (spec.fill === 'random') for (let i = 0; i < count; i += random.length) data.set(random.subarray(0, Math.min(random.length, count - i)), i);
  else if (spec.fill === 'one') data.fill(halfOf(1));
  else if (typeof spec.fill === 'function') {
    const values = new Float32Array(count);
    spec.fill(values);
    for (let i = 0; i < count; i++) if (values[i] !== 0) data[i] = halfOf(values[i]!);
  }
  return new Uint8Array(data.buffer);
}
