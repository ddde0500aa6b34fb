import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/app';
import { postgresAvailable } from '../support/db';
import { Client } from '../support/http';
import { encounterWithEverything, ROLE_USERS, signedIn, type EncounterData } from '../support/world';

/**
 * Issue #12, the HTTP layer: cross-origin state changes (row 2), broken
 * cookies and encodings (row 3), NUL characters (row 4), no paths or
 * echoed input in public answers (row 11), the SQLite file's permissions
 * (row 12). On SQLite and PostgreSQL.
 */
const pg = await postgresAvailable();
const EVIL = 'https://evil.example';

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('HTTP hardening on $kind', ({ kind, skip }) => {
  let server: TestServer;
  let clinician: Client;
  let data: EncounterData;
  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ db: kind, workers: false });
    clinician = await signedIn(server.deps, server.baseUrl, ROLE_USERS.clinician);
    data = await encounterWithEverything(clinician);
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)('row 2: state-changing requests from another origin are refused, the same origin and programs are not', async () => {
    const victim = await signedIn(server.deps, server.baseUrl, ROLE_USERS.clinician);
    const fresh = (await victim.post('/api/v1/encounters', { label: 'Mål för förfalskning' })).body.encounter.id as string;
    const cookieOnly = (headers: Record<string, string>) => headers;
    const attacks: [string, string, string, Record<string, string>][] = [
      ['consent', `/api/v1/encounters/${fresh}/consent`, '', cookieOnly({ origin: EVIL, 'content-type': 'application/x-www-form-urlencoded' })],
      ['drafting', `/api/v1/encounters/${fresh}/drafts`, '{}', cookieOnly({ origin: EVIL, 'content-type': 'text/plain' })],
      ['signing', `/api/v1/drafts/${data.draftId}/sign`, 'a=b', cookieOnly({ 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' })],
      ['signing, same-site other port', `/api/v1/drafts/${data.draftId}/sign`, '{}', cookieOnly({ 'sec-fetch-site': 'same-site', 'content-type': 'text/plain' })],
      ['logout-all', '/api/v1/auth/logout-all', '', cookieOnly({ origin: 'null', 'content-type': 'text/plain' })],
      ['logout-all, origin only by prefix', '/api/v1/auth/logout-all', '', cookieOnly({ origin: `${server.baseUrl}.evil.example` })],
    ];
    for (const [what, url, body, headers] of attacks) {
      const res = await victim.request('POST', url, body, headers);
      expect(res.status, what).toBe(403);
      expect(res.body.code, what).toBe('cross_origin');
      expect(res.headers.get('content-type'), what).toMatch(/application\/problem\+json/);
    }
    // Nothing happened: no consent, no drafting job, the session still works.
    const encounter = await victim.get(`/api/v1/encounters/${fresh}`);
    expect(encounter.body.encounter.consentAt).toBeNull();
    expect(await server.deps.db.prisma.job.count({ where: { kind: 'draft.create' } })).toBe(0);
    expect((await victim.get('/api/v1/auth/me')).status).toBe(200);

    // Our own pages (fetch metadata or Origin naming this server) and programs without either header work.
    expect((await victim.request('POST', `/api/v1/encounters/${fresh}/consent`, undefined, { 'sec-fetch-site': 'same-origin', origin: server.baseUrl })).status).toBe(200);
    expect((await victim.request('PATCH', `/api/v1/encounters/${fresh}`, JSON.stringify({ label: 'Nytt namn' }), { origin: server.baseUrl, 'content-type': 'application/json' })).status).toBe(200);
    expect((await victim.patch(`/api/v1/encounters/${fresh}`, { label: 'Program' })).status).toBe(200);
    // Reading is not a state change.
    expect((await victim.request('GET', '/api/v1/auth/me', undefined, { origin: EVIL, 'sec-fetch-site': 'cross-site' })).status).toBe(200);
  });

  it.skipIf(skip)('row 3: a broken session cookie is no session (401), on every kind of route', async () => {
    const c = new Client(server.baseUrl);
    for (const cookie of ['jv_session=%', 'jv_session=%E0%A4%A', 'jv_session=%00', 'jv_session="', 'a=%; jv_session=%ZZ']) {
      const health = await c.request('GET', '/api/v1/health', undefined, { cookie });
      expect(health.status, cookie).toBe(200);
      const me = await c.request('GET', '/api/v1/auth/me', undefined, { cookie });
      expect(me.status, cookie).toBe(401);
      expect(me.body.code).toBe('unauthenticated');
      const login = await c.request('POST', '/api/v1/auth/login', JSON.stringify({ username: 'ingen', password: 'x' }), { cookie, 'content-type': 'application/json' });
      expect(login.status, cookie).toBe(401);
    }
  });

  it.skipIf(skip)('row 3: compressed bodies that do not inflate are 400, unknown encodings 415, good gzip works', async () => {
    const json = { 'content-type': 'application/json' };
    for (const encoding of ['gzip', 'br', 'deflate']) {
      const res = await clinician.request('POST', '/api/v1/encounters', 'inte komprimerat', { ...json, 'content-encoding': encoding });
      expect(res.status, encoding).toBe(400);
      expect(res.body.errors[0].field).toBe('headers.content-encoding');
    }
    const unknown = await clinician.request('POST', '/api/v1/encounters', '{}', { ...json, 'content-encoding': 'zstd-x' });
    expect(unknown.status).toBe(415);
    const charset = await clinician.request('POST', '/api/v1/encounters', '{}', { 'content-type': 'application/json; charset=koi8-x' });
    expect(charset.status).toBe(415);
    const gz = zlib.gzipSync(JSON.stringify({ label: 'Komprimerat besök' }));
    const ok = await clinician.request('POST', '/api/v1/encounters', gz, { ...json, 'content-encoding': 'gzip' });
    expect(ok.status).toBe(201);
  });

  it.skipIf(skip)('row 4: a NUL character anywhere is 400 naming the field, and the access log still gets its row', async () => {
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/v1/encounters', { label: 'Besök\u0000' }, 'body.label'],
      ['POST', `/api/v1/encounters/${data.encounterId}/transcripts`, { text: 'Läkare: hej\u0000' }, 'body.text'],
      ['GET', '/api/v1/encounters/abc%00def', undefined, 'params.id'],
      ['GET', '/api/v1/encounters?limit=1%00', undefined, 'query.limit'],
    ];
    for (const [method, url, body, field] of cases) {
      const res = await clinician.request(method, url, body);
      expect(res.status, url).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field), url).toContain(field);
    }
    const login = await new Client(server.baseUrl).post('/api/v1/auth/login', { username: 'lakare1\u0000', password: 'x' });
    expect(login.status).toBe(400);
    expect(login.body.errors[0].field).toBe('body.username');
    // The refused read of a NUL-shaped id is logged, without the id.
    const rows = await server.deps.db.prisma.auditEvent.findMany({ where: { action: 'encounter.read', outcome: 'error' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.encounterId === null)).toBe(true);
  });

  it.skipIf(skip)('row 11: no server paths in health, model errors or problems; unknown ids and paths are not echoed nor logged as ids', async () => {
    const health = await new Client(server.baseUrl).get('/api/v1/health');
    expect(health.text).not.toContain(server.db.dataDir);
    expect(health.text).not.toMatch(/"\/(tmp|home|var|srv|opt|usr)\//);
    for (const model of health.body.models) if (model.path) expect(model.path).toMatch(/^MODELS_DIR\//);

    const personnummer = '19121212-1212';
    const read = await clinician.get(`/api/v1/encounters/${personnummer}`);
    expect(read.status).toBe(404);
    const unknown = await clinician.get(`/api/v1/finns-inte/${personnummer}`);
    expect(unknown.status).toBe(404);
    for (const res of [read, unknown]) {
      expect(res.text).not.toContain('1212');
      expect(res.text).not.toContain('finns-inte');
    }
    expect(read.body.instance).toBe('/api/v1/encounters/:id');
    expect((await clinician.get(`/api/v1/encounters/${data.encounterId}`)).status).toBe(200);
    const logged = await server.deps.db.prisma.auditEvent.findMany({ where: { action: 'encounter.read' } });
    expect(JSON.stringify(logged)).not.toContain('1212-1212');
    // A real encounter id is still logged as one.
    expect(logged.some((r) => r.encounterId === data.encounterId)).toBe(true);
  });

  it.skipIf(skip || kind !== 'sqlite')('row 12: the SQLite database is 0600 in a 0700 folder, also its WAL files', async () => {
    const dataDir = path.join(server.db.dataDir, 'ny-data');
    const other = await startTestServer({ db: 'sqlite', workers: false, env: { DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, 'jv.db')}` } });
    try {
      expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
      for (const name of fs.readdirSync(dataDir).filter((n) => n.startsWith('jv.db'))) {
        expect(fs.statSync(path.join(dataDir, name)).mode & 0o777, name).toBe(0o600);
      }
      expect(fs.existsSync(path.join(dataDir, 'jv.db-wal'))).toBe(true);
    } finally {
      await other.close();
    }
  });
});
