import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline, type AutomaticSpeechRecognitionPipeline } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { leaseLocalPipeline } from '../../../server/pipeline/runtime/local-runtime';
import type { PipelineLease } from '../../../server/pipeline/runtime/local-pipeline-cache';
import { buildWhisperPrompt } from '../../../server/pipeline/asr/local-whisper-prompt';
import { WhisperGreedyDecoder, type WhisperModelParts } from '../../../server/pipeline/asr/whisper-greedy';
import { TokenRules, WhisperGenerationSchema, scalarFirstMaxIndex } from '../../../server/pipeline/asr/whisper-token-rules';
import { ArgmaxArena } from '../../../server/pipeline/simd/kernels';
import { featureSettingsFor, logMelFor, transcribeWindow, transcribeWindows, transcribeWithPipeline } from '../../../server/pipeline/asr/whisper-window';
import { backgroundLogMel } from '../../../server/pipeline/asr/background-log-mel';
import { LocalWhisperTranscriber } from '../../../server/pipeline/asr/local-whisper';
import { HIGH_HZ, LOW_HZ, concatAudio, tone } from '../../support/synthetic/audio';
import { TINY_SYNTHETIC_DIMS, makeSyntheticWhisper } from '../../support/synthetic/whisper';

/*
 * Our greedy decoding loop against the reference, transformers.js's own
 * pipeline, on the same loaded synthetic Whisper: same tokens, same text,
 * same timestamps, for several scripts, a prompt and audio of every length.
 */

const MODEL_ID = 'synthetic-whisper-greedy';
// Synthetic Swedish consultation lines, written for this test.
const SCRIPTS = [
  {
    segments: [
      { start: 0, end: 2.5, text: 'Patienten har ont i ryggen sedan i måndags.' },
      { start: 2.5, end: 4, text: 'Ingen domning i benen.' },
    ],
    whenPrompted: [{ start: 0, end: 3, text: 'Hon tar Ipren vid behov.' }],
  },
  { segments: [{ start: 0.02, end: 1.2, text: 'Blodtrycket är 130 över 85.' }] },
];

describe('WhisperGreedyDecoder matches transformers.js generate() on a synthetic Whisper', () => {
  let modelsDir: string;
  let lease: PipelineLease<AutomaticSpeechRecognitionPipeline>;
  let asr: AutomaticSpeechRecognitionPipeline;

  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-greedy-'));
    await makeSyntheticWhisper({ dir: path.join(modelsDir, MODEL_ID), dims: TINY_SYNTHETIC_DIMS, scripts: SCRIPTS });
    lease = await leaseLocalPipeline(
      { task: 'automatic-speech-recognition', kind: 'whisper', modelsDir, modelId: MODEL_ID, dtype: 'fp32' },
      (folder, options) => pipeline('automatic-speech-recognition', folder, options),
    );
    asr = await lease.run(async (p) => p);
  });

  afterAll(async () => {
    await lease?.release();
    if (modelsDir) await rm(modelsDir, { recursive: true, force: true });
  });

  it('takes the fast path for a standard merged export', () => {
    expect(WhisperGreedyDecoder.for(asr.model as unknown as WhisperModelParts)).not.toBeNull();
  });

  const cases: [string, () => Float32Array][] = [
    ['low tone, 5 s', () => tone(LOW_HZ, 5)],
    ['high tone, 2 s', () => tone(HIGH_HZ, 2)],
    ['a full 30 s window', () => concatAudio(tone(HIGH_HZ, 10), tone(LOW_HZ, 20))],
    ['0.3 s', () => tone(LOW_HZ, 0.3)],
  ];
  for (const [name, audio] of cases) {
    it(`gives the same text and timestamps: ${name}`, async () => {
      const samples = audio();
      const ours = await transcribeWindow(asr, samples, { language: 'sv' });
      const reference = await transcribeWithPipeline(asr, samples, { language: 'sv' });
      expect(ours).toEqual(reference);
      expect((ours as { chunks: unknown[] }).chunks.length).toBeGreaterThan(0);
    });
  }

  it('gives the same output with an initial prompt', async () => {
    const prompt = buildWhisperPrompt(asr.tokenizer, 'Ipren, Alvedon, Waran', 'sv');
    const samples = tone(LOW_HZ, 4);
    const ours = await transcribeWindow(asr, samples, { language: 'sv', decoderInputIds: prompt.decoderInputIds });
    const reference = await transcribeWithPipeline(asr, samples, { language: 'sv', decoderInputIds: prompt.decoderInputIds });
    expect(ours).toEqual(reference);
    expect(JSON.stringify(ours)).toContain('Hon tar Ipren vid behov.');
  });

  it('decodes several windows as one batch with the tokens each gets alone (rows finish at different steps)', async () => {
    const prompt = buildWhisperPrompt(asr.tokenizer, 'Ipren, Alvedon, Waran', 'sv');
    const windows = [
      ...cases.map(([, audio]) => ({ samples: audio(), request: { language: 'sv' } })),
      // A different prompt is its own batch; order is kept.
      { samples: tone(LOW_HZ, 4), request: { language: 'sv', decoderInputIds: prompt.decoderInputIds } },
      { samples: tone(HIGH_HZ, 7), request: { language: 'sv' } },
    ];
    const batched = await transcribeWindows(asr, windows);
    const alone = [];
    for (const w of windows) alone.push(await transcribeWithPipeline(asr, w.samples, w.request));
    expect(batched).toEqual(alone);
    // The scripts differ in length, so rows leave the batch at different steps.
    expect(new Set(batched.map((r) => JSON.stringify(r))).size).toBeGreaterThan(2);
  });

  it('computes the same features on the log-mel worker, bit for bit', async () => {
    const settings = featureSettingsFor(asr);
    expect(settings).not.toBeNull();
    const samples = concatAudio(tone(HIGH_HZ, 3), tone(LOW_HZ, 9));
    const mine = logMelFor(asr)!.extract(samples).data.slice();
    const theirs = await backgroundLogMel(settings!, samples);
    expect(theirs).toEqual(mine);
  });

  it('keeps a few extractors on the worker: settings it dropped are sent again when used', async () => {
    const settings = featureSettingsFor(asr)!;
    const samples = tone(LOW_HZ, 2);
    const mine = logMelFor(asr)!.extract(samples).data.slice();
    // Each copy stands for a reloaded model: new settings the worker must build an extractor for.
    const first = { ...settings };
    await backgroundLogMel(first, samples);
    for (let i = 0; i < 4; i++) await backgroundLogMel({ ...settings }, samples);
    expect(await backgroundLogMel(first, samples)).toEqual(mine);
  });

  it('uses the features prefetched on the worker (none computed on the main thread) and gives the same transcript', async () => {
    const transcriber = new LocalWhisperTranscriber({ modelsDir, modelId: MODEL_ID, dtype: 'fp32', batchSize: 4 });
    const logMel = logMelFor(asr)!;
    const extract = vi.spyOn(logMel, 'extract');
    try {
      const windows = [tone(LOW_HZ, 5), tone(HIGH_HZ, 2), concatAudio(tone(HIGH_HZ, 10), tone(LOW_HZ, 20))].map((samples) => ({
        audio: { samples, sampleRate: 16000 as const },
        options: { language: 'sv' },
      }));
      const plain = await transcriber.transcribeMany(windows);
      expect(extract).toHaveBeenCalledTimes(3);
      extract.mockClear();
      transcriber.prefetch(windows.map((w) => w.audio));
      const prefetched = await transcriber.transcribeMany(windows);
      expect(extract).not.toHaveBeenCalled();
      expect(prefetched).toEqual(plain);
      // Used once: the same arrays again are computed here, as without a hint.
      await transcriber.transcribeMany(windows.slice(0, 1));
      expect(extract).toHaveBeenCalledTimes(1);
    } finally {
      extract.mockRestore();
      await transcriber.dispose();
    }
  });
});

describe('Whisper timestamp rules as a masked argmax', () => {
  const VOCAB = 51865;
  const TS = 50364;
  const EOS = 50257;
  const rules = new TokenRules(
    WhisperGenerationSchema.parse({
      decoder_start_token_id: 50258,
      eos_token_id: EOS,
      no_timestamps_token_id: 50363,
      suppress_tokens: [1, 2],
      begin_suppress_tokens: [220, EOS],
      lang_to_id: { '<|sv|>': 50273 },
      task_to_id: { transcribe: 50359 },
    }),
    VOCAB,
  );
  const logits = (peaks: Record<number, number>): Float32Array => {
    const x = new Float32Array(VOCAB).fill(-10);
    for (const [id, value] of Object.entries(peaks)) x[Number(id)] = value;
    return x;
  };

  it('starts with a timestamp even when text is likelier', () => {
    expect(rules.next(logits({ 100: 5, [TS + 3]: 1 }), [])).toBe(TS + 3);
  });

  it('never emits suppressed tokens or <|notimestamps|>', () => {
    expect(rules.next(logits({ 1: 9, 50363: 9, 300: 2 }), [TS, 400])).toBe(300);
  });

  it('pairs timestamps: text after two, timestamp or EOS after one that ends a segment', () => {
    expect(rules.next(logits({ [TS + 10]: 9, 500: 1 }), [TS, 400, TS + 5, TS + 5])).toBe(500);
    expect(rules.next(logits({ 500: 9, [TS + 10]: 1 }), [TS, 400, TS + 5])).toBe(TS + 10);
    expect(rules.next(logits({ 500: 9, [EOS]: 2, [TS + 10]: 1 }), [TS, 400, TS + 5])).toBe(EOS);
  });

  it('takes a timestamp when all timestamps together outweigh the best text token', () => {
    // 1500 timestamps at 0 against one text token at 5: log(1500 e^0) ≈ 7.3 > 5
    const x = logits({ 500: 5 });
    x.fill(0, TS);
    expect(rules.next(x, [TS, 400])).toBeGreaterThanOrEqual(TS);
    x.fill(-10, TS);
    x[TS + 7] = 0;
    expect(rules.next(x, [TS, 400])).toBe(500);
  });
});

describe('argmax: WebAssembly SIMD (ArgmaxArena) and the scalar fallback', () => {
  const arena = ArgmaxArena.create();
  const simd = (x: Float32Array, from: number, to: number): number => arena!.argmax(x, from, to);
  // The same values already in the arena's memory, as onnxruntime leaves them: scanned where they lie.
  const inPlace = (x: Float32Array, from: number, to: number): number => {
    const view = arena!.scratch(x.length);
    view.set(x);
    return arena!.argmax(view, from, to);
  };

  // The plain scan it replaces: strict >, so the first of equal maxima wins and NaN never does.
  const reference = (x: Float32Array, from: number, to: number): number => {
    let best = -1;
    let value = -Infinity;
    for (let i = from; i < to; i++) {
      if (x[i]! > value) {
        value = x[i]!;
        best = i;
      }
    }
    return best;
  };

  it('finds the same index as a plain scan: ties, NaN, −∞, short and multi-block ranges', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 300; trial++) {
      // Short ranges with few distinct values (ties are common), and ranges of several 1024-value blocks.
      const long = trial % 2 === 1;
      const length = 1 + Math.floor(random() * (long ? 5000 : 40));
      const distinct = long ? 3000 : 4;
      const x = Float32Array.from({ length }, () => {
        const r = random();
        return r < 0.05 ? NaN : r < 0.1 ? -Infinity : Math.floor(random() * distinct);
      });
      const from = Math.floor(random() * length);
      const to = from + Math.floor(random() * (length - from + 1));
      for (const f of [simd, inPlace, scalarFirstMaxIndex]) expect(f(x, from, to)).toBe(reference(x, from, to));
    }
    for (const f of [simd, inPlace, scalarFirstMaxIndex]) {
      expect(f(new Float32Array([-Infinity, NaN, -Infinity, NaN, -Infinity]), 0, 5)).toBe(-1);
      // −0 and +0 are equal: the first of them wins.
      expect(f(new Float32Array([-1, -0, 0, -0]), 0, 4)).toBe(1);
    }
  });

  it('runs on WebAssembly SIMD here (Node ≥ 16 has it)', () => {
    expect(arena).not.toBeNull();
  });
});
