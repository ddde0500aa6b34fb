import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDef } from '../../server/http/route';
import { apiRoutes } from '../../server/routes';
import { startTestServer, type TestServer } from '../support/app';
import { postgresAvailable } from '../support/db';
import { Client } from '../support/http';
import { ROLE_USERS, signedIn } from '../support/world';

/**
 * Issue #12, "make it stay fixed": malformed bodies, headers, cookies,
 * encodings, unicode and ids sent to every route of the route table, as a
 * role the route admits (so the input reaches validation and handlers), on
 * both databases. Every answer must be below 500, problem+json when it is an
 * error, without a stack or a server path, without echoing the id sent; and
 * the server must still answer afterwards. One server per database, eight
 * requests at a time.
 */
const pg = await postgresAvailable();

const ODD_IDS = ['%00', '%E0%A4%A', '19121212-1212', '..%2F..%2Fetc%2Fpasswd', 'x'.repeat(300), '%C3%85s%C3%A4-%F0%9F%98%80'];
const JSON_HEADERS = { 'content-type': 'application/json' };

interface Probe {
  name: string;
  path: string;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  /** text the answer must not contain */
  secret?: string;
}

const fill = (path: string, id: string) => path.replace(/:(\w+)/g, id);
const plain = (path: string) => path.replace(/:seq/g, '0').replace(/:version/g, '1').replace(/:label/g, 'test').replace(/:phase/g, 'fore').replace(/:(\w+)/g, 'finns-inte');

function probes(route: RouteDef): Probe[] {
  const path = '/api/v1' + plain(route.path);
  const withBody = route.method !== 'get' && route.method !== 'delete';
  const list: Probe[] = [
    { name: 'odd query', path: `${path}?limit=-1&from=igår&to=%00&format=%E0%A4%A&encounterId=19121212-1212&__proto__=x&a[b]=c`, secret: '19121212-1212' },
    { name: 'broken cookie', path, headers: { cookie: 'jv_session=%E0%A4%A' } },
  ];
  if (route.path.includes(':')) {
    for (const id of ODD_IDS) list.push({ name: `id ${id.slice(0, 20)}`, path: '/api/v1' + fill(route.path, id), ...(id === '19121212-1212' ? { secret: id } : {}) });
  }
  if (withBody) {
    list.push(
      { name: 'truncated JSON', path, body: '{"label": "Besök', headers: JSON_HEADERS },
      { name: 'JSON of the wrong shape', path, body: '[1, null, {"x": []}]', headers: JSON_HEADERS },
      { name: 'JSON null', path, body: 'null', headers: JSON_HEADERS },
      { name: 'unicode and NUL in every usual field', path, body: JSON.stringify(unicodeBody()), headers: JSON_HEADERS },
      { name: 'lone surrogate', path, body: '{"label":"\\ud800","text":"\\udfff","name":"\\ud83d"}', headers: JSON_HEADERS },
      { name: 'deep nesting', path, body: '['.repeat(5000) + ']'.repeat(5000), headers: JSON_HEADERS },
      { name: 'gzip that is not gzip', path, body: 'inte gzip', headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' } },
      { name: 'br that is not br', path, body: 'inte br', headers: { ...JSON_HEADERS, 'content-encoding': 'br' } },
      { name: 'unknown encoding', path, body: '{}', headers: { ...JSON_HEADERS, 'content-encoding': 'x-okänd' } },
      { name: 'gzip of garbage', path, body: zlib.gzipSync(Buffer.from([0xff, 0xfe, 0x00, 0x41])), headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' } },
      { name: 'utf-16 charset', path, body: '{}', headers: { 'content-type': 'application/json; charset=utf-16' } },
      { name: 'form post', path, body: 'label=x&text=%00', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { name: 'bytes as audio', path, body: Uint8Array.from([0, 1, 2, 3, 255, 254, 253]), headers: { 'content-type': 'application/octet-stream', 'x-chunk-sha256': 'zz' } },
      { name: 'claimed WAV', path, body: Buffer.concat([Buffer.from('RIFF\xff\xff\xff\xffWAVEfmt '), Buffer.alloc(40, 0xff)]), headers: { 'content-type': 'audio/wav' } },
    );
  }
  return list;
}

function unicodeBody(): Record<string, unknown> {
  const odd = 'Åsa\u0000 \u202Eevil\u202C 😀 \uFEFF ᚠ 𝔘 \u0301e';
  const out: Record<string, unknown> = {};
  for (const key of ['label', 'text', 'username', 'password', 'name', 'displayName', 'reason', 'comment', 'title', 'heading', 'editedText', 'currentPassword', 'newPassword', 'code', 'mode', 'format']) out[key] = odd;
  out.turns = [{ speaker: odd, text: odd }];
  out.sections = [{ key: odd, editedText: odd }];
  out.revision = '1';
  out.roles = [odd];
  return out;
}

/** A role the route admits, so the request gets past authorisation. */
function userFor(route: RouteDef): string | null {
  if (route.access === 'public' || route.access === 'apiKey') return null;
  if (route.access === 'authenticated') return ROLE_USERS.clinician;
  const role = route.access[0]!;
  return ({ clinician: ROLE_USERS.clinician, designer: ROLE_USERS.designer, lead: ROLE_USERS.lead, admin: ROLE_USERS.admin } as const)[role];
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('bad input to every route on $kind', ({ kind, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (!skip) server = await startTestServer({ db: kind, workers: false });
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)('no 5xx, problem+json, no stack or path, nothing echoed, server alive', async () => {
    const work: { route: RouteDef; probe: Probe }[] = apiRoutes.flatMap((route) => probes(route).map((probe) => ({ route, probe })));
    const sessions = new Map<string, Client>();
    for (const route of apiRoutes) {
      const user = userFor(route);
      if (user && !sessions.has(user)) sessions.set(user, await signedIn(server.deps, server.baseUrl, user));
    }
    const problems: string[] = [];
    let sent = 0;
    await inPool(work, 8, async ({ route, probe }) => {
      const user = userFor(route);
      // Logging out would end the shared session for the other probes: those two get a session of their own.
      const client = route.path.startsWith('/auth/logout') && user ? await signedIn(server.deps, server.baseUrl, user) : user ? sessions.get(user)! : new Client(server.baseUrl);
      const res = await client.request(route.method.toUpperCase(), probe.path, probe.body, probe.headers ?? {});
      sent++;
      const where = `${route.method.toUpperCase()} ${route.path} [${probe.name}] → ${res.status}`;
      const oidcOff = route.path.startsWith('/auth/oidc') && res.status === 503 && res.body?.code === 'oidc_disabled';
      if (res.status >= 500 && !oidcOff) problems.push(`${where}: ${res.text.slice(0, 120)}`);
      if (res.status >= 400) {
        if (!/application\/problem\+json/.test(res.headers.get('content-type') ?? '')) problems.push(`${where}: not problem+json`);
        else if (typeof res.body?.code !== 'string') problems.push(`${where}: problem without code`);
      }
      if (/\bat .*\.(ts|js|mjs):\d+/.test(res.text)) problems.push(`${where}: stack trace`);
      if (/(^|["\s(])\/(home|tmp|work|usr|var|srv|opt|root)\//.test(res.text)) problems.push(`${where}: server path`);
      if (probe.secret && res.text.includes(probe.secret)) problems.push(`${where}: echoes its input`);
    });
    console.log(`[bad input ${kind}] ${sent} requests over ${apiRoutes.length} routes`);
    expect(problems).toEqual([]);
    expect(sent).toBe(work.length);
    expect(sent).toBeGreaterThan(1200);
    const health = await new Client(server.baseUrl).get('/api/v1/health');
    expect(health.status).toBe(200);
    // The access log never stored an input that is not an encounter id as one.
    const logged = await server.deps.db.prisma.auditEvent.findMany({ where: { encounterId: { not: null } }, select: { encounterId: true } });
    expect(logged).toEqual([]);
  }, 180_000);
});
