import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/db/client';
import { postgresBus, type EventBus } from '../../server/events/bus';
import { createLogger } from '../../server/logger';
import { createTempDb, postgresAvailable, type TempDb } from '../support/db';

/*
 * Change notices between processes on PostgreSQL (LISTEN/NOTIFY): what one
 * process publishes reaches the listeners of another, only for the id they
 * follow, and a dropped listening connection is reopened, after which every
 * listener looks again (a notice may have been missed meanwhile).
 */
const pg = await postgresAvailable();

async function waitUntil(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!pg)('event bus on PostgreSQL', () => {
  let tmp: TempDb;
  let dbA: Database;
  let dbB: Database;
  let a: EventBus;
  let b: EventBus;

  beforeAll(async () => {
    tmp = await createTempDb('postgresql');
    // Two "processes": separate pools and buses on the same database.
    dbA = await openDatabase(tmp.url);
    dbB = await openDatabase(tmp.url);
    a = postgresBus(dbA, createLogger('silent'));
    b = postgresBus(dbB, createLogger('silent'));
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dbA?.close();
    await dbB?.close();
    await tmp?.drop();
  });

  it('delivers a notice to the listeners of that id in another process, and stops after unsubscribe', async () => {
    const seen: string[] = [];
    const off = b.subscribe('recording', 'r1', () => seen.push('r1'));
    b.subscribe('job', 'r1', () => seen.push('job r1'));
    await waitUntil(() => seen.length >= 2); // the catch-up look once LISTEN is in place
    seen.length = 0;
    await a.publish('recording', 'r1');
    await a.publish('recording', 'r2');
    await waitUntil(() => seen.includes('r1'));
    await new Promise((r) => setTimeout(r, 200));
    expect(seen).toEqual(['r1']);
    off();
    await a.publish('recording', 'r1');
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual(['r1']);
  });

  it('reopens a dropped listening connection and calls every listener once it is back', async () => {
    let looks = 0;
    b.subscribe('recording', 'r9', () => looks++);
    const before = looks; // the connection is already open: no catch-up look on subscribing
    await dbA.prisma.$executeRawUnsafe(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'journalverkstan-events' AND datname = current_database()`);
    await waitUntil(() => looks > before, 15_000);
    // And notices flow again on the new connection.
    const after = looks;
    await a.publish('recording', 'r9');
    await waitUntil(() => looks > after);
  });
});
