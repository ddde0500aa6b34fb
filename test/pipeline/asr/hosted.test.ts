import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import multer from 'multer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../../server/pipeline/errors';
import { HostedTranscriber } from '../../../server/pipeline/asr/hosted';
import { readWavHeader } from '../../../server/pipeline/audio/wav';

/*
 * The hosted transcriber against a loopback stub standing in for an external
 * OpenAI-compatible speech service (overloaded, misconfigured, text-only).
 * The happy path against a real server is in test/server/gateway-audio.test.ts.
 */
type Behaviour = (attempt: number, fields: Record<string, string>) => { status: number; body?: unknown; headers?: Record<string, string>; delayMs?: number };

interface Received {
  fields: Record<string, string>;
  wav: { sampleRate: number; channels: number; frames: number };
}

describe('HostedTranscriber', () => {
  let server: Server;
  let baseUrl: string;
  let behaviour: Behaviour = () => ({ status: 500 });
  let received: Received[] = [];

  beforeAll(async () => {
    const app = express();
    app.post('/v1/audio/transcriptions', multer({ storage: multer.memoryStorage() }).single('file'), (req, res) => {
      const header = readWavHeader(new Uint8Array(req.file!.buffer));
      received.push({ fields: { ...req.body }, wav: { sampleRate: header.sampleRate, channels: header.channels, frames: header.frames } });
      const answer = behaviour(received.length, req.body);
      setTimeout(() => {
        if (res.destroyed) return;
        res.status(answer.status).set(answer.headers ?? {});
        if (typeof answer.body === 'string') res.type('text/plain').send(answer.body);
        else res.json(answer.body ?? { error: { message: 'stubbed', type: 'server_error', code: null } });
      }, answer.delayMs ?? 0);
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const window = { samples: new Float32Array(16000 * 3).fill(0.1), sampleRate: 16000 as const };
  const make = (options: Partial<ConstructorParameters<typeof HostedTranscriber>[0]> = {}) =>
    new HostedTranscriber({ baseUrl, apiKey: 'sk-test', model: 'kb-whisper-large', maxRetries: 3, timeoutMs: 5000, ...options });

  async function failure(transcriber: HostedTranscriber): Promise<PipelineError> {
    const error = await transcriber.transcribe(window, { language: 'sv' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PipelineError);
    return error as PipelineError;
  }

  it('retries 429 and 503 with backoff, then maps verbose_json segments to recording times', async () => {
    received = [];
    behaviour = (attempt) =>
      attempt === 1
        ? { status: 429, headers: { 'retry-after-ms': '20' }, body: { error: { message: 'Rate limit', type: 'rate_limit_error', code: null } } }
        : attempt === 2
          ? { status: 503 }
          : {
              status: 200,
              // Synthetic Swedish, written for this test.
              body: { text: 'Hej. Hur mår du?', language: 'swedish', duration: 3, segments: [{ id: 0, start: 0, end: 1.2, text: ' Hej.' }, { id: 1, start: 1.2, end: 2.9, text: ' Hur mår du? ' }] },
            };
    const started = Date.now();
    const segments = await make().transcribe(window, { language: 'sv', prompt: 'Alvedon, Östersund', offsetSeconds: 60, speaker: 'Läkare' });
    expect(received).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300); // the SDK's backoff before the third attempt
    expect(received[0]!.fields).toMatchObject({ model: 'kb-whisper-large', language: 'sv', response_format: 'verbose_json', prompt: 'Alvedon, Östersund' });
    expect(received[0]!.wav).toEqual({ sampleRate: 16000, channels: 1, frames: 48000 });
    expect(segments).toEqual([
      { id: 's1', start: 60, end: 61.2, speaker: 'Läkare', text: 'Hej.' },
      { id: 's2', start: 61.2, end: 62.9, speaker: 'Läkare', text: 'Hur mår du?' },
    ]);
  });

  it('turns a text-only answer into one segment for the window, and falls back to json when verbose_json is refused', async () => {
    received = [];
    behaviour = () => ({ status: 200, body: { text: ' Inga besvär. ' } });
    expect(await make().transcribe(window, { language: 'sv', offsetSeconds: 10 })).toEqual([{ id: 's1', start: 10, end: 13, speaker: null, text: 'Inga besvär.' }]);

    received = [];
    behaviour = (_attempt, fields) =>
      fields.response_format === 'verbose_json'
        ? { status: 400, body: { error: { message: "response_format 'verbose_json' is not supported", type: 'invalid_request_error', code: null } } }
        : { status: 200, body: { text: 'Inga besvär.' } };
    const transcriber = make();
    expect((await transcriber.transcribe(window, { language: 'sv' }))[0]!.text).toBe('Inga besvär.');
    expect(received.map((r) => r.fields.response_format)).toEqual(['verbose_json', 'json']);
    await transcriber.transcribe(window, { language: 'sv' });
    expect(received.map((r) => r.fields.response_format)).toEqual(['verbose_json', 'json', 'json']); // remembered
  });

  it.each([
    [401, 'hosted_auth', /fel API-nyckel/],
    [404, 'hosted_model_not_found', /Modellen kb-whisper-large finns inte hos transkriberingstjänsten/],
    [413, 'hosted_too_large', /för stor fil/],
    [429, 'hosted_overloaded', /överbelastad/],
    [500, 'hosted_unavailable', /svarar inte \(fel 500\)/],
  ])('maps %i to %s with a Swedish message', async (status, code, message) => {
    received = [];
    behaviour = () => ({ status, headers: { 'retry-after-ms': '5' }, body: { error: { message: 'nope', type: 'x', code: null } } });
    const error = await failure(make({ maxRetries: 1 }));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('sk-test');
    expect(received).toHaveLength(status === 429 || status === 500 ? 2 : 1); // only overload and server errors are retried
  });

  it('gives up on a service that does not answer in time', async () => {
    received = [];
    behaviour = () => ({ status: 200, body: { text: 'för sent' }, delayMs: 1500 });
    const error = await failure(make({ timeoutMs: 200, maxRetries: 1 }));
    expect(error.code).toBe('hosted_unavailable');
    expect(error.message).toMatch(/svarar inte \(tidsgränsen nåddes\)/);
    expect(received).toHaveLength(2);
  });

  it('reports itself as remote and fails clearly when nothing listens', async () => {
    expect(await make().status()).toEqual({ state: 'remote', modelId: 'kb-whisper-large', baseUrl });
    const error = await failure(make({ baseUrl: 'http://127.0.0.1:9/v1', maxRetries: 0 }));
    expect(error.code).toBe('hosted_unavailable');
    expect(error.message).toMatch(/ingen anslutning/);
  });
});
