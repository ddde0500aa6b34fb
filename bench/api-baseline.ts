/**
 * The minimal baseline of `npm run bench -- api`: the same authenticated,
 * audited encounter read as GET /api/v1/encounters/:id, with the same SQL
 * statements (session lookup, the user with roles, the encounter read, the
 * access-log insert) on a plain node:http server with the plain driver
 * (pg with a pool of 10 as the app's adapter, or better-sqlite3), and no
 * framework, ORM, validation or logging. Started as its own process by
 * bench/api.ts; prints `listening <port>`. With WEB_PROCESSES > 1 it runs
 * that many node:cluster processes on one port, as our server does, so the
 * ratio compares like with like.
 */
import cluster from 'node:cluster';
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Sqlite from 'better-sqlite3';
import pg from 'pg';

const url = process.env.DATABASE_URL!;
type Row = Record<string, unknown>;
type Query = (sql: string, params: unknown[]) => Promise<Row[]>;

function openDb(): { query: Query; dialect: 'pg' | 'sqlite' } {
  if (url.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return { dialect: 'pg', query: async (sql, params) => (await pool.query(sql, params)).rows };
  }
  const db = new Sqlite(url.replace(/^file:/, ''));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const prepared = new Map<string, Sqlite.Statement>();
  return {
    dialect: 'sqlite',
    query: async (sql, params) => {
      const text = sql.replace(/\$\d+/g, '?');
      let statement = prepared.get(text);
      if (!statement) prepared.set(text, (statement = db.prepare(text)));
      return statement.reader ? (statement.all(...params) as Row[]) : (statement.run(...params), []);
    },
  };
}

const { query, dialect } = openDb();
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const now = () => (dialect === 'pg' ? new Date() : new Date().toISOString().replace('Z', '+00:00'));

function cookieToken(header: string | undefined): string | null {
  const match = /(?:^|;\s*)jv_session=([A-Za-z0-9_-]{43})/.exec(header ?? '');
  return match ? match[1]! : null;
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const match = /^\/api\/v1\/encounters\/([A-Za-z0-9_-]{1,40})$/.exec(req.url ?? '');
  if (req.method !== 'GET' || !match) return reply(res, 404, { code: 'not_found' });
  const token = cookieToken(req.headers.cookie);
  if (!token) return reply(res, 401, { code: 'unauthenticated' });
  const [session] = await query('SELECT "userId", "expiresAt" FROM "Session" WHERE "id" = $1', [sha256(token)]);
  if (!session || new Date(session.expiresAt as string).getTime() <= Date.now()) return reply(res, 401, { code: 'unauthenticated' });
  const [user] = await query('SELECT "id", "active", "careUnitId" FROM "User" WHERE "id" = $1', [session.userId]);
  const roles = (await query('SELECT "role" FROM "UserRole" WHERE "userId" = $1', [session.userId])).map((r) => r.role as string);
  if (!user || !user.active || !roles.includes('clinician')) return reply(res, 403, { code: 'forbidden' });
  const [encounter] = await query('SELECT * FROM "Encounter" WHERE "id" = $1', [match[1]]);
  const outcome = !encounter ? 'error' : encounter.createdById === user.id ? 'success' : 'denied';
  await query(
    'INSERT INTO "AuditEvent" ("id", "at", "userId", "role", "careUnitId", "encounterId", "action", "kind", "outcome", "requestId") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)',
    [crypto.randomUUID(), now(), user.id, roles.join(','), user.careUnitId ?? null, encounter ? match[1] : null, 'encounter.read', 'read', outcome, crypto.randomUUID()],
  );
  if (outcome !== 'success') return reply(res, outcome === 'denied' ? 403 : 404, { code: outcome });
  const e = encounter!;
  reply(res, 200, { encounter: { id: e.id, label: e.label, mode: e.mode, status: e.status, professionId: e.professionId, careUnitId: e.careUnitId, workflowVersionId: e.workflowVersionId, consentAt: e.consentAt, createdAt: e.createdAt } });
}

const processes = Number(process.env.WEB_PROCESSES ?? 1);
if (cluster.isPrimary && processes > 1) {
  for (let i = 0; i < processes; i++) cluster.fork();
  process.on('SIGTERM', () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => reply(res, 500, { code: 'internal' }));
  });
  server.keepAliveTimeout = 5000;
  server.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
  process.on('SIGTERM', () => process.exit(0));
}
export {};
