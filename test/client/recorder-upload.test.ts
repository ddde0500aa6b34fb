import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../client/src/api/problem';
import { completeRecording, putChunk, recordingState, startRecording } from '../../client/src/features/recording/api';
import { newSession, pendingChunks, saveChunk } from '../../client/src/features/recording/chunk-store';
import { sha256Hex } from '../../client/src/features/recording/sha256';
import { ChunkUploader } from '../../client/src/features/recording/uploader';
import { startTestServer, type TestServer } from '../support/app';
import { Client } from '../support/http';
import { encounterWithConsent } from '../server/recordings-support';

/**
 * The browser recorder's durable side, run in Node against the real server:
 * chunks kept in IndexedDB (fake-indexeddb, an in-memory implementation of
 * the standard), sent by the uploader, forgotten only once acknowledged.
 * `fetch` is the browser's network: relative URLs, the session cookie, the
 * page's Origin — and a switch that takes the network away.
 */
describe('recorder upload (client code against the real server)', () => {
  let server: TestServer;
  let offline = false;
  let encounterId: string;
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    server = await startTestServer();
    await server.deps.db.prisma.user.updateMany({ data: { mustChangePassword: false } });
    const user = new Client(server.baseUrl);
    const login = await user.post('/api/v1/auth/login', { username: 'lakare1', password: server.passwords.demo });
    expect(login.status).toBe(200);
    globalThis.fetch = (input, init = {}) => {
      if (offline) return Promise.reject(new TypeError('Failed to fetch'));
      const headers = new Headers(init.headers);
      headers.set('cookie', user.cookieHeader());
      headers.set('origin', server.baseUrl);
      return realFetch(new URL(String(input), server.baseUrl), { ...init, headers });
    };
    encounterId = await encounterWithConsent(user);
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    await server?.close();
  });

  const bytes = (seq: number) => Uint8Array.from({ length: 3200 }, (_, i) => (seq * 31 + i) % 256);

  it('keeps every chunk through a lost network, sends it when the network is back, and the server gets the same audio', async () => {
    const { recording } = await startRecording(encounterId);
    let session = newSession(recording.id, encounterId);
    for (let seq = 0; seq < 5; seq++) session = await saveChunk(session, bytes(seq));
    expect((await pendingChunks(recording.id)).map((c) => c.seq)).toEqual([0, 1, 2, 3, 4]);

    const connection: boolean[] = [];
    const fatal: ApiError[] = [];
    const uploader = new ChunkUploader(recording.id, {
      onProgress: () => {},
      onConnection: (ok) => connection.push(ok),
      onFatal: (error) => fatal.push(error),
    });
    offline = true;
    const flushed = uploader.flush();
    await expect.poll(() => connection.includes(false)).toBe(true);
    // Nothing was lost while the network was gone.
    expect(await pendingChunks(recording.id)).toHaveLength(5);
    offline = false;
    await flushed;

    expect(fatal).toEqual([]);
    expect(connection.at(-1)).toBe(true);
    expect(await pendingChunks(recording.id)).toEqual([]);
    expect((await recordingState(recording.id)).received).toEqual([0, 1, 2, 3, 4]);
    // The running hash the browser kept is the hash of what the server assembled.
    const done = await completeRecording(recording.id, 5, sha256Hex(session.hash));
    expect(done.recording.sha256).toBe(sha256Hex(session.hash));
  });

  it("stops with the server's Swedish problem on a refusal and keeps the chunk", async () => {
    const { recording } = await startRecording(encounterId);
    // Another tab already sent a different chunk 0 for this recording: the server refuses ours (409).
    await putChunk(recording.id, 0, bytes(1).buffer);
    await saveChunk(newSession(recording.id, encounterId), bytes(0));
    const fatal: ApiError[] = [];
    const uploader = new ChunkUploader(recording.id, { onProgress: () => {}, onConnection: () => {}, onFatal: (e) => fatal.push(e) });
    await uploader.flush();
    expect(fatal).toHaveLength(1);
    expect(fatal[0]!.status).toBe(409);
    expect(fatal[0]!.detail).toBe('Del 0 finns redan med ett annat innehåll.');
    expect(await pendingChunks(recording.id)).toHaveLength(1);
  });
});
