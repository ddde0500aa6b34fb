import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROAT, THROAT_NOTE, pasted } from '../pipeline/draft/scenarios';
import { postgresAvailable } from '../support/db';
import { startTestServer, type TestServer } from '../support/app';
import { Client, type Res } from '../support/http';
import { CHAT_MODEL, startDraftingServer, type DraftingServer } from './drafting-setup';

/** /v1/chat/completions: OpenAI's request and response format, and its error shape. */
const pg = await postgresAvailable();

const OpenAiError = (code: string | null, param: string | null = null, type = 'invalid_request_error') => ({
  error: { message: expect.any(String), type, param, code },
});

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('gateway chat on $kind', ({ kind, skip }) => {
  let ctx: DraftingServer;
  let key: string;
  let raw: (body: unknown, auth?: string) => Promise<Res>;
  beforeAll(async () => {
    if (skip) return;
    ctx = await startDraftingServer(kind);
    key = ctx.server.deps.env.LLM_HOSTED_API_KEY!;
    const client = new Client(ctx.server.baseUrl);
    raw = (body, auth = `Bearer ${key}`) => client.request('POST', '/v1/chat/completions', body, auth ? { authorization: auth } : {});
  }, 60_000);
  afterAll(async () => ctx?.close());

  const user = (content: string) => [{ role: 'user', content }];

  it.skipIf(skip)('answers an OpenAI SDK client in the OpenAI format', async () => {
    const openai = new OpenAI({ baseURL: `${ctx.server.baseUrl}/v1`, apiKey: key, maxRetries: 0 });
    const t0 = performance.now();
    const completion = await openai.chat.completions.create({ model: CHAT_MODEL, messages: [{ role: 'user', content: pasted(THROAT) }], temperature: 0, max_tokens: 600 });
    console.log(`[gateway:${kind}] completion of ${completion.usage?.completion_tokens} tokens: ${(performance.now() - t0).toFixed(0)} ms`);
    expect(completion).toMatchObject({ object: 'chat.completion', model: CHAT_MODEL, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: THROAT_NOTE } }] });
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
    const models = await openai.models.list();
    expect(models.data.map((m) => m.id)).toEqual([CHAT_MODEL]);
  });

  it.skipIf(skip)('answers every failure in the OpenAI error shape', async () => {
    const missing = await raw({ model: CHAT_MODEL, messages: user('Hej') }, '');
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual(OpenAiError('invalid_api_key'));
    expect((await raw({ model: CHAT_MODEL, messages: user('Hej') }, 'Bearer jv-fel')).status).toBe(401);

    const unknown = await raw({ model: 'gpt-4o', messages: user('Hej') });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual(OpenAiError('model_not_found'));

    const stream = await raw({ model: CHAT_MODEL, messages: user('Hej'), stream: true });
    expect(stream.status).toBe(400);
    expect(stream.body.error).toMatchObject({ param: 'stream', code: 'unsupported_parameter' });
    expect(stream.body.error.message).toMatch(/stream: true.*stöds inte/);

    const invalid = await raw({ model: CHAT_MODEL, messages: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toMatchObject({ type: 'invalid_request_error', param: 'messages' });
  });

  it.skipIf(skip)('validates the answer against a json_schema response format', async () => {
    const schema = (required: string) => ({ type: 'object', properties: { sections: { type: 'array' }, [required]: { type: 'string' } }, required: ['sections', required] });
    const format = (name: string) => ({ type: 'json_schema', json_schema: { name: 'n', strict: true, schema: schema(name) } });
    const refused = await raw({ model: CHAT_MODEL, messages: user(pasted(THROAT)), response_format: format('sammanfattning'), temperature: 0 });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'invalid_model_output' });
    expect(refused.body.error.message).toMatch(/sammanfattning/);
    const conforming = { type: 'json_schema', json_schema: { name: 'n', strict: true, schema: { type: 'object', properties: { sections: { type: 'array' } }, required: ['sections'] } } };
    const ok = await raw({ model: CHAT_MODEL, messages: user(pasted(THROAT)), response_format: conforming, temperature: 0 });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body.choices[0].message.content)).toEqual(JSON.parse(THROAT_NOTE));
  });
});

describe('gateway chat with the model files missing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ env: { LLM_LOCAL_MODEL: 'HuggingFaceTB/SmolLM2-360M-Instruct', LLM_PROVIDER: 'local' } });
  });
  afterAll(async () => server?.close());

  it('says which model is missing and how to install it, and health reports it', async () => {
    const admin = new Client(server.baseUrl);
    await admin.login('admin', server.passwords.admin);
    const { key } = (await admin.post('/api/v1/admin/api-keys', { name: 'Test' })).body;
    const res = await new Client(server.baseUrl).request(
      'POST',
      '/v1/chat/completions',
      { model: 'HuggingFaceTB/SmolLM2-360M-Instruct', messages: [{ role: 'user', content: 'Hej' }] },
      { authorization: `Bearer ${key}` },
    );
    expect(res.status).toBe(503);
    expect(res.body.error).toMatchObject({ type: 'server_error', code: 'model_missing' });
    expect(res.body.error.message).toContain('npm run models -- pull HuggingFaceTB/SmolLM2-360M-Instruct');
    const health = await admin.get('/api/v1/health');
    expect(health.body.status).toBe('degraded');
    expect(health.body.models).toContainEqual(expect.objectContaining({ purpose: 'llm', modelId: 'HuggingFaceTB/SmolLM2-360M-Instruct', state: 'missing' }));
  });
});
