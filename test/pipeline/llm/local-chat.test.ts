import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalChatModel } from '../../../server/pipeline/llm/local-chat';
import type { ChatMessage } from '../../../server/pipeline/llm/chat-model';
import { makeSyntheticChatModel } from '../../support/synthetic/chat';

// Synthetic note drafts, written for these tests.
const COLD_NOTE = JSON.stringify({
  sections: { bedomning: 'Sannolikt virusorsakad övre luftvägsinfektion.', planering: 'Egenvård, åter vid försämring.' },
});
const DIABETES_NOTE = JSON.stringify({
  sections: { bedomning: 'Diabetes typ 2, välinställd.', planering: 'Kontroll av HbA1c om sex månader.' },
});

const system: ChatMessage = { role: 'system', content: 'Skriv journalanteckningen som JSON med rubrikerna bedomning och planering.' };
const MODEL_ID = 'synthetic-chat';

describe('LocalChatModel on a synthetic Llama-type model through the real transformers.js runtime', () => {
  let modelsDir: string;
  let tokens: Record<string, number>;
  let model: LocalChatModel;

  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-chat-'));
    const t0 = performance.now();
    ({ tokens } = await makeSyntheticChatModel({
      dir: path.join(modelsDir, MODEL_ID),
      script: COLD_NOTE,
      scripts: { diabetes: DIABETES_NOTE },
    }));
    console.log(`[local-chat] synthetic model built in ${(performance.now() - t0).toFixed(0)} ms`);
    model = new LocalChatModel({ modelsDir, modelId: MODEL_ID });
  });

  afterAll(async () => {
    await model.dispose();
    await rm(modelsDir, { recursive: true, force: true });
  });

  it('answers with the exact scripted JSON and counts tokens', async () => {
    const messages: ChatMessage[] = [system, { role: 'user', content: 'Patienten har hosta och snuva sedan tre dagar.' }];
    const t0 = performance.now();
    const result = await model.generate(messages, { maxTokens: 200, temperature: 0 });
    const first = performance.now() - t0;
    const t1 = performance.now();
    const again = await model.generate(messages, { maxTokens: 20, temperature: 0 });
    console.log(
      `[local-chat] load + answer of ${result.completionTokens} tokens: ${first.toFixed(0)} ms; ` +
        `${again.completionTokens} tokens (loaded): ${(performance.now() - t1).toFixed(0)} ms`,
    );
    expect(result.text).toBe(COLD_NOTE);
    expect(JSON.parse(result.text)).toMatchObject({ sections: { planering: 'Egenvård, åter vid försämring.' } });
    expect(result.completionTokens).toBe(tokens.default);
    expect(result.promptTokens).toBeGreaterThan(10);
  });

  it('selects another script when the trigger word is in the prompt', async () => {
    const result = await model.generate(
      [system, { role: 'user', content: 'Återbesök för diabetes, mår bra.' }],
      { maxTokens: 200, temperature: 0.7 },
    );
    expect(result.text).toBe(DIABETES_NOTE);
    expect(result.completionTokens).toBe(tokens.diabetes);
  });

  it('stops at maxTokens', async () => {
    const result = await model.generate([system, { role: 'user', content: 'Hosta.' }], { maxTokens: 5, temperature: 0 });
    expect(result.completionTokens).toBe(5);
    expect(COLD_NOTE.startsWith(result.text)).toBe(true);
    expect(result.text.length).toBeLessThan(COLD_NOTE.length);
  });

  it('rejects an already aborted request', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      model.generate([system, { role: 'user', content: 'Hosta.' }], { maxTokens: 50, temperature: 0, signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'PipelineError', code: 'aborted' });
  });

  it('stops generating when the signal aborts mid-answer', async () => {
    const longId = 'synthetic-chat-long';
    await makeSyntheticChatModel({
      dir: path.join(modelsDir, longId),
      script: Array.from({ length: 60 }, () => 'Patienten mår bra och har inga nya besvär.').join(' '),
    });
    const long = new LocalChatModel({ modelsDir, modelId: longId });
    const messages: ChatMessage[] = [system, { role: 'user', content: 'Kontroll.' }];
    const t0 = performance.now();
    const full = await long.generate(messages, { maxTokens: 2000, temperature: 0 });
    const fullMs = performance.now() - t0;

    const controller = new AbortController();
    setTimeout(() => controller.abort(), fullMs / 10);
    const t1 = performance.now();
    await expect(
      long.generate(messages, { maxTokens: 2000, temperature: 0, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'aborted' });
    const abortedMs = performance.now() - t1;
    console.log(`[local-chat] ${full.completionTokens} tokens: ${fullMs.toFixed(0)} ms; aborted after ${abortedMs.toFixed(0)} ms`);
    // Without interruption the call would only reject after the full answer.
    expect(abortedMs).toBeLessThan(fullMs / 2);
    await long.dispose();
  });

  it('validates its input', async () => {
    await expect(model.generate([], { maxTokens: 10, temperature: 0 })).rejects.toThrow();
    await expect(model.generate([system], { maxTokens: 0, temperature: 0 })).rejects.toThrow();
  });
});

describe('LocalChatModel with a missing model', () => {
  it('says missing with the path and generate rejects without touching the network', async () => {
    const emptyDir = await mkdtemp(path.join(os.tmpdir(), 'jv-nochat-'));
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const model = new LocalChatModel({ modelsDir: emptyDir, modelId: 'HuggingFaceTB/SmolLM2-360M-Instruct' });
    const expectedPath = path.join(emptyDir, 'HuggingFaceTB', 'SmolLM2-360M-Instruct');

    expect(await model.status()).toMatchObject({ state: 'missing', path: expectedPath });
    await expect(model.generate([system], { maxTokens: 10, temperature: 0 })).rejects.toMatchObject({
      name: 'PipelineError',
      code: 'model_missing',
    });
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    await model.dispose();
    await rm(emptyDir, { recursive: true, force: true });
  });
});
