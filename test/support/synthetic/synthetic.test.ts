import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSyntheticChatModel } from './chat';
import { encodeExact, fixtureTokenizer } from './fixture-files';
import { TINY_SYNTHETIC_DIMS, makeSyntheticWhisper } from './whisper';

const SENTENCE = 'Blodtrycket är 130 över 85.';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'jv-synthetic-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const sha = async (file: string): Promise<string> => createHash('sha256').update(await readFile(file)).digest('hex');
const oneSegment = (text: string, start = 0) => [{ segments: [{ start, end: 2, text }] }];

describe('makeSyntheticWhisper', () => {
  it('is deterministic, fast and labels itself as synthetic', async () => {
    const t0 = performance.now();
    await makeSyntheticWhisper({ dir: path.join(root, 'w1'), dims: TINY_SYNTHETIC_DIMS, scripts: oneSegment(SENTENCE) });
    const cold = performance.now() - t0;
    const t1 = performance.now();
    await makeSyntheticWhisper({ dir: path.join(root, 'w2'), dims: TINY_SYNTHETIC_DIMS, scripts: oneSegment(SENTENCE) });
    const ms = performance.now() - t1;
    console.log(`[synthetic] tiny Whisper fixture built in ${cold.toFixed(0)} ms (first, loads the tokenizer), ${ms.toFixed(0)} ms (second)`);

    for (const f of ['onnx/encoder_model.onnx', 'onnx/decoder_model_merged.onnx', 'config.json']) {
      expect(await sha(path.join(root, 'w1', f))).toBe(await sha(path.join(root, 'w2', f)));
    }
    const config = JSON.parse(await readFile(path.join(root, 'w1', 'config.json'), 'utf8'));
    expect(config).toMatchObject({
      model_type: 'whisper',
      synthetic: true,
      vocab_size: 51865,
      max_source_positions: 1500,
      d_model: TINY_SYNTHETIC_DIMS.dModel,
    });
    expect(config._comment).toMatch(/synthetic test model/i);
  });

  it('refuses scripts the real runtime could never emit', async () => {
    const dir = path.join(root, 'bad');
    const dims = TINY_SYNTHETIC_DIMS;
    // '"' is in Whisper's suppress_tokens
    await expect(makeSyntheticWhisper({ dir, dims, scripts: oneSegment('Hon sa "aj".') })).rejects.toThrow(/suppress_tokens/);
    await expect(makeSyntheticWhisper({ dir, dims, scripts: oneSegment(SENTENCE, 1) })).rejects.toThrow(/first segment/);
    await expect(
      makeSyntheticWhisper({
        dir,
        dims,
        scripts: [{ segments: [{ start: 0, end: 1.011, text: SENTENCE }] }],
      }),
    ).rejects.toThrow(/multiple of 0.02/);
  });
});

describe('makeSyntheticChatModel', () => {
  it('only follows its script when the runtime feeds present.* back as past_key_values.*', async () => {
    const dir = path.join(root, 'chat');
    const answer = '{"plan":"Egenvård."}';
    await makeSyntheticChatModel({ dir, script: answer, layers: 2 });
    const scripted = encodeExact(await fixtureTokenizer('smollm-360m-instruct'), answer);
    const session = await ort.InferenceSession.create(path.join(dir, 'onnx', 'model.onnx'));
    type Feeds = Record<string, ort.Tensor>;

    const emptyCache = (): Feeds =>
      Object.fromEntries(
        [0, 1].flatMap((i) =>
          ['key', 'value'].map((kv) => [`past_key_values.${i}.${kv}`, new ort.Tensor('float32', new Float32Array(0), [1, 1, 0, 4])]),
        ),
      );
    const step = async (ids: number[], past: Feeds, pastLen: number) => {
      const n = ids.length;
      const out = await session.run({
        input_ids: new ort.Tensor('int64', BigInt64Array.from(ids.map(BigInt)), [1, n]),
        attention_mask: new ort.Tensor('int64', new BigInt64Array(pastLen + n).fill(1n), [1, pastLen + n]),
        position_ids: new ort.Tensor('int64', BigInt64Array.from({ length: n }, (_, i) => BigInt(pastLen + i)), [1, n]),
        ...past,
      });
      const logits = out.logits as ort.Tensor;
      const vocab = logits.dims[2] as number;
      const last = (logits.data as Float32Array).subarray((n - 1) * vocab, n * vocab);
      const token = last.indexOf(Math.max(...last));
      const present: Feeds = {};
      for (const [name, t] of Object.entries(out)) {
        if (name.startsWith('present.')) present[name.replace('present.', 'past_key_values.')] = t;
      }
      return { token, present };
    };
    const zeroed = (cache: Feeds): Feeds =>
      Object.fromEntries(
        Object.entries(cache).map(([k, t]) => [k, new ort.Tensor('float32', new Float32Array(t.size), t.dims)]),
      );

    const prompt = [1, 504, 28, 2];
    const s0 = await step(prompt, emptyCache(), 0);
    const s1 = await step([s0.token], s0.present, prompt.length);
    const s2 = await step([s1.token], s1.present, prompt.length + 1);
    // Same shapes, values lost: the step counter in the cache reads wrong.
    const lost = await step([s1.token], zeroed(s1.present), prompt.length + 1);
    expect([s0.token, s1.token, s2.token]).toEqual(scripted.slice(0, 3));
    expect(scripted[1]).not.toBe(scripted[2]);
    expect(lost.token).not.toBe(s2.token);
    await session.release();
  });
});
