import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBatcher } from '../../server/modules/audit/batch';
import { startTestServer, type TestServer } from '../support/app';
import { postgresAvailable } from '../support/db';

/**
 * The access log's group commit (server/modules/audit/batch.ts and
 * insert.ts): rows that arrive together travel in one INSERT, each caller
 * still waits for its own row, and a row the database refuses fails only
 * its own request (fail closed, without taking the others down).
 */
const pg = await postgresAvailable();

describe('group commit', () => {
  it('sends the rows that arrived during an INSERT together in the next one, and settles each caller', async () => {
    const statements: number[][] = [];
    const batcher = createBatcher<number>(async (rows) => {
      statements.push(rows);
      await new Promise((r) => setTimeout(r, 10));
    });
    await Promise.all(Array.from({ length: 50 }, (_, i) => batcher.add(i)));
    expect(statements[0]).toEqual([0]); // alone: written at once, no waiting for company
    expect(statements.length).toBeLessThanOrEqual(3);
    expect(statements.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('with two in flight, the next rows go out while the first INSERT is still committing', async () => {
    let running = 0;
    let overlapped = 0;
    const statements: number[][] = [];
    const batcher = createBatcher<number>(
      async (rows) => {
        statements.push(rows);
        running++;
        overlapped = Math.max(overlapped, running);
        await new Promise((r) => setTimeout(r, 10));
        running--;
      },
      500,
      2,
    );
    await Promise.all(Array.from({ length: 50 }, (_, i) => batcher.add(i)));
    expect(overlapped).toBe(2); // never more than two at once
    expect(statements.slice(0, 2)).toEqual([[0], [1]]); // the second did not wait for the first
    expect(statements.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('retries a refused batch row by row: only the refused row fails its caller', async () => {
    const batcher = createBatcher<number>(async (rows) => {
      await new Promise((r) => setTimeout(r, 5));
      if (rows.includes(13)) throw new Error('refused');
    });
    const results = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => batcher.add(i)));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[13]!.status).toBe('rejected');
  });
});

const REFUSE: Record<'sqlite' | 'postgresql', { on: string[]; off: string[] }> = {
  sqlite: {
    on: [`CREATE TRIGGER "test_refuse_one" BEFORE INSERT ON "AuditEvent" WHEN NEW."action" = 'test.refused' BEGIN SELECT RAISE(ABORT, 'refused by test'); END`],
    off: ['DROP TRIGGER "test_refuse_one"'],
  },
  postgresql: {
    on: [
      `CREATE FUNCTION test_refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."action" = 'test.refused' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END; $$`,
      `CREATE TRIGGER "test_refuse_one" BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION test_refuse_one()`,
    ],
    off: ['DROP TRIGGER "test_refuse_one" ON "AuditEvent"', 'DROP FUNCTION test_refuse_one()'],
  },
};

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('access-log rows on $kind', ({ kind, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ db: kind, workers: false });
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)('100 concurrent rows are all stored, each as the model reads it', async () => {
    const before = Date.now();
    const user = { id: 'u-batch', username: 'x', displayName: 'X', roles: ['clinician' as const, 'lead' as const], professionId: null, careUnitId: 'unit-1', mustChangePassword: false, groupIds: [], sessionId: null };
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        server.deps.audit.record({ user, action: 'test.batch', kind: 'read', encounterId: `enc-${i}`, outcome: i % 2 ? 'success' : 'denied', requestId: `req-${i}`, details: { n: i, ok: true, sha: 'abc' } }),
      ),
    );
    const rows = await server.deps.db.prisma.auditEvent.findMany({ where: { action: 'test.batch' }, orderBy: { requestId: 'asc' } });
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.id)).size).toBe(100);
    const row7 = rows.find((r) => r.requestId === 'req-7')!;
    expect(row7).toMatchObject({ userId: 'u-batch', role: 'clinician,lead', careUnitId: 'unit-1', encounterId: 'enc-7', kind: 'read', outcome: 'success', details: { n: 7, ok: true, sha: 'abc' } });
    expect(row7.id).toMatch(/^c[0-9a-z]{24}$/);
    expect(row7.at.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(row7.at.getTime()).toBeLessThanOrEqual(Date.now() + 1);
    // A row without details stores null, as the model would.
    await server.deps.audit.record({ user: null, actorId: null, action: 'test.nodetails', kind: 'login', outcome: 'denied' });
    expect((await server.deps.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'test.nodetails' } })).details).toBeNull();
  });

  it.skipIf(skip)('a row the database refuses fails its own request only; the rows that came with it are stored', async () => {
    for (const s of REFUSE[kind].on) await server.deps.db.prisma.$executeRawUnsafe(s);
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) => server.deps.audit.record({ user: null, action: i === 17 ? 'test.refused' : 'test.neighbour', kind: 'read', outcome: 'success', requestId: `n-${i}` })),
      );
      expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['audit_unavailable']);
      expect(results[17]!.status).toBe('rejected');
      expect(await server.deps.db.prisma.auditEvent.count({ where: { action: 'test.neighbour' } })).toBe(39);
    } finally {
      for (const s of REFUSE[kind].off) await server.deps.db.prisma.$executeRawUnsafe(s);
    }
  });
});
