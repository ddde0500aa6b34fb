import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatDrafter } from '../../../server/pipeline/draft/chat-drafter';
import { HostedChatModel, type HostedChatOptions } from '../../../server/pipeline/llm/hosted-chat';
import { extractJson, parseModelOutput } from '../../../server/pipeline/draft/parse-output';
import { THROAT, THROAT_NOTE, lakare, segmentsOf } from './scenarios';

/**
 * The chat drafter over the hosted chat model: its HTTP behaviour against a loopback stand-in for an
 * external OpenAI-compatible service (the one thing a test double may
 * replace): the request it sends, retries with backoff on 429/5xx, and how
 * failures become Swedish job errors. The end-to-end test against the
 * project's own gateway is test/server/drafting.test.ts.
 */
type Reply = { status: number; body: unknown; headers?: Record<string, string> };

describe('ChatDrafter over HostedChatModel against a loopback OpenAI-compatible service', () => {
  let server: http.Server;
  let baseUrl: string;
  const requests: { auth: string | undefined; body: any }[] = [];
  let replies: Reply[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        requests.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
        const reply = replies.shift() ?? { status: 500, body: { error: { message: 'no reply scripted', type: 'server_error', code: null } } };
        res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify(reply.body));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const ok = (content: string): Reply => ({ status: 200, body: { id: 'x', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] } });
  const settings = { temperature: 0.2, maxTokens: 900 };
  const hosted = (options: Partial<HostedChatOptions> = {}) => new HostedChatModel({ baseUrl, apiKey: 'test-nyckel', model: 'regionens-modell', maxRetries: 2, ...options });
  const drafter = () => new ChatDrafter(hosted(), settings);
  const retryFast = { 'retry-after-ms': '5' };

  it('sends a strict JSON schema narrowed to the workflow and transcript, and retries 429 and 503', async () => {
    requests.length = 0;
    replies = [
      { status: 429, body: { error: { message: 'slow down', type: 'rate_limit_error', code: null } }, headers: retryFast },
      { status: 503, body: { error: { message: 'busy', type: 'server_error', code: null } }, headers: retryFast },
      ok('```json\n' + THROAT_NOTE + '\n```'),
    ];
    const output = await drafter().draft({ workflow: lakare, segments: segmentsOf(THROAT) });
    expect(output.sections.map((s) => s.key)).toEqual(lakare.sections.map((s) => s.key));
    expect(requests).toHaveLength(3);
    const body = requests[0]!.body;
    expect(requests[0]!.auth).toBe('Bearer test-nyckel');
    expect(body).toMatchObject({ model: 'regionens-modell', temperature: 0.2, max_tokens: 900 });
    expect(body.messages[0].role).toBe('system');
    expect(body.messages[1].content).toContain('[s2] Patient: Jag har haft ont i halsen');
    const format = body.response_format;
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'journalanteckning', strict: true } });
    const section = format.json_schema.schema.properties.sections.items;
    expect(section.additionalProperties).toBe(false);
    expect(section.properties.key.enum).toEqual(lakare.sections.map((s) => s.key));
    expect(section.properties.sentences.items.properties.evidence.items.enum).toEqual(['s1', 's2', 's3', 's4', 's5']);
  });

  it('repairs once when the service answers with an invalid note', async () => {
    requests.length = 0;
    // The first answer cites an id the transcript lacks; the second is the corrected note.
    replies = [ok(THROAT_NOTE.replace('"s2"', '"s9"')), ok(THROAT_NOTE)];
    const output = await drafter().draft({ workflow: lakare, segments: segmentsOf(THROAT) });
    expect(output.sections[0]?.sentences[0]?.evidence).toEqual(['s2']);
    expect(requests).toHaveLength(2);
    const repair = requests[1]!.body.messages;
    expect(repair.at(-2)).toMatchObject({ role: 'assistant' });
    expect(repair.at(-1).content).toContain('Okänt segment-id "s9"');
  });

  it('repairs after a server refuses its own answer (422 invalid_model_output) and after an empty answer', async () => {
    requests.length = 0;
    const refused: Reply = { status: 422, body: { error: { message: 'sections.0.key: okänd', type: 'invalid_request_error', code: 'invalid_model_output' } } };
    replies = [refused, ok(THROAT_NOTE)];
    const d = drafter();
    await d.draft({ workflow: lakare, segments: segmentsOf(THROAT) });
    expect(d.lastRepairRounds).toBe(1);
    // No answer to show back: the repair carries only the server's validation errors.
    expect(requests[1]!.body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user', 'user']);
    expect(requests[1]!.body.messages.at(-1).content).toContain('sections.0.key: okänd');
    replies = [ok(''), ok('')];
    await expect(d.draft({ workflow: lakare, segments: segmentsOf(THROAT) })).rejects.toMatchObject({ code: 'invalid_model_output', message: expect.stringContaining('Svaret var tomt.') });
  });

  it('the hosted chat model names itself, reports the service\'s token counts and sends no schema unless asked', async () => {
    requests.length = 0;
    const model = hosted();
    replies = [{ ...ok('Hej.'), body: { ...(ok('Hej.').body as object), usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 } } }];
    const result = await model.generate([{ role: 'user', content: 'Hej' }], { temperature: 0, maxTokens: 20 });
    expect(result).toEqual({ text: 'Hej.', promptTokens: 12, completionTokens: 3 });
    expect(requests[0]!.body.response_format).toBeUndefined();
    expect(new ChatDrafter(model, settings).info).toEqual({ drafterId: 'hosted:regionens-modell', modelId: 'regionens-modell' });
    expect(await model.status()).toEqual({ state: 'remote', modelId: 'regionens-modell', baseUrl });
  });

  it.each([
    [401, 'hosted_auth', /nekade åtkomst/],
    [404, 'hosted_model_missing', /Modellen finns inte/],
  ])('maps HTTP %i to %s without copying the service message', async (status, code, message) => {
    replies = [{ status, body: { error: { message: 'Patienten Anna Andersson …', type: 'invalid_request_error', code: 'x' } } }];
    const error = await drafter().draft({ workflow: lakare, segments: segmentsOf(THROAT) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('Anna');
  });

  it('an unreachable service is a clear failure', async () => {
    const gone = new ChatDrafter(hosted({ baseUrl: 'http://127.0.0.1:9/v1', maxRetries: 0, timeoutMs: 2000 }), settings);
    await expect(gone.draft({ workflow: lakare, segments: segmentsOf(THROAT) })).rejects.toMatchObject({ code: 'hosted_unreachable' });
  });
});

describe('parseModelOutput', () => {
  const expectations = { workflow: lakare, segmentIds: new Set(['s1', 's2', 's3', 's4', 's5']) };

  it('finds JSON in fences and after a preamble', () => {
    expect(extractJson('Här är anteckningen:\n```json\n{"a":1}\n```')).toBe('{"a":1}');
    expect(extractJson('Svar: {"a":1} klart')).toBe('{"a":1}');
    expect(extractJson('inget här')).toBeNull();
    expect(parseModelOutput(`Varsågod!\n${THROAT_NOTE}`, expectations).ok).toBe(true);
  });

  it('rejects unknown and repeated keys, naming them but no text', () => {
    const note = JSON.parse(THROAT_NOTE) as { sections: { key: string; sentences: unknown[] }[] };
    note.sections.push({ key: 'diagnos', sentences: [] }, { key: 'status', sentences: [] });
    const result = parseModelOutput(JSON.stringify(note), expectations);
    expect(result).toEqual({
      ok: false,
      errors: [expect.stringContaining('Okänd rubrik-key "diagnos"'), 'Rubriken "status" förekommer mer än en gång.'],
    });
  });

  it('never echoes a key that is not identifier-like', () => {
    const result = parseModelOutput(JSON.stringify({ sections: [{ key: 'Pat. Anna 19121212', sentences: [] }] }), expectations);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('Anna');
  });
});
