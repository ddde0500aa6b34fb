import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/http';
import { spawnServer, type ServerProcess } from '../support/processes';

/*
 * WEB_PROCESSES=2 on the embedded default (SQLite): `server/main.ts` becomes
 * a node:cluster primary with two web processes on one port. Each keeps its
 * own session copies (60 s here), so a logout through one must reach the
 * other through the primary; every new connection goes to the next process
 * in turn, so probes on fresh connections hit both.
 */
describe('two web processes on one port (node:cluster, SQLite)', () => {
  let dir: string;
  let server: ServerProcess;
  let base: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jv-web-processes-'));
    server = spawnServer('cluster', 'main', {
      NODE_ENV: 'test',
      DATA_DIR: dir,
      HOST: '127.0.0.1',
      PORT: '0',
      SCRYPT_LOG_N: '10',
      DEMO_PILOT: 'false',
      LOG_LEVEL: 'warn',
      WEB_PROCESSES: '2',
      SESSION_CACHE_SECONDS: '60',
    });
    const port = (await server.waitFor(/kör på http:\/\/[^:]+:(\d+)/, 150_000))[1];
    // Both web processes are up when each has printed its line.
    await server.waitFor(/kör på [^\n]*\n[^]*kör på/, 150_000);
    base = `http://127.0.0.1:${port}`;
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** status of GET /auth/me on a connection of its own (the cluster hands each new connection to the next process) */
  const probe = (cookie: string) =>
    new Promise<number>((resolve, reject) => {
      const req = http.get(`${base}/api/v1/auth/me`, { agent: false, headers: { cookie, connection: 'close' } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
    });

  it('serves from both processes and a logout through one ends the session in both at once', async () => {
    const password = (await server.waitFor(/samma engångslösenord för alla: ([^)\s]+)\)/))[1]!;
    const client = new Client(base);
    await client.login('lakare1', password);
    const cookie = client.cookieHeader();
    const before = await Promise.all(Array.from({ length: 8 }, () => probe(cookie)));
    expect(before).toEqual(Array(8).fill(200)); // both processes now hold a copy
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    await new Promise((r) => setTimeout(r, 200)); // the relay through the primary is one IPC hop
    const after = [];
    for (let i = 0; i < 8; i++) after.push(await probe(cookie));
    expect(after).toEqual(Array(8).fill(401));
    expect(server.output()).not.toMatch(/cluster\.web_process_exited/);
  });
});
