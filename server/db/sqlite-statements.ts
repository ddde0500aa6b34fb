import type { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';

type AdapterFactory = Pick<PrismaBetterSqlite3, 'provider' | 'adapterName' | 'connect'>;

/**
 * A prepared-statement cache for Prisma's better-sqlite3 adapter. The adapter
 * (7.x) calls `client.prepare(sql)` for every query, so SQLite parses and
 * plans the same few statements again on every request: in `npm run bench --
 * api` that was a large share of the CPU per request on SQLite. Here the
 * adapter's connection keeps its prepared statements by SQL text (at most
 * MAX_STATEMENTS, least recently used dropped first) and hands the adapter a
 * thin view of a cached one.
 *
 * Why a view: the adapter binds its arguments with `stmt.bind(args)`, which
 * better-sqlite3 allows once per statement for good; the view passes the
 * arguments to `run`/`all` instead, which is the same binding done per call.
 * Everything runs synchronously on one connection, so a statement is never
 * used by two queries at once.
 *
 * If the adapter's shape ever changes (no `client.prepare`), the cache is left
 * out and the adapter works as shipped.
 */
const MAX_STATEMENTS = 500;

interface Statement {
  reader: boolean;
  run(...args: unknown[]): unknown;
  all(...args: unknown[]): unknown[];
  columns(): unknown[];
  raw(on?: boolean): Statement;
}

interface Client {
  prepare(sql: string): Statement;
}

function cachingPrepare(client: Client): (sql: string) => unknown {
  const prepare = client.prepare.bind(client);
  const cache = new Map<string, Statement>();
  const cached = (sql: string) => {
    let stmt = cache.get(sql);
    if (stmt) {
      cache.delete(sql); // re-inserted below: Map order is recency
    } else {
      stmt = prepare(sql);
      if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  const bound = (stmt: Statement, args: unknown[]) => ({
    reader: stmt.reader,
    run: () => stmt.run(args),
    columns: () => stmt.columns(),
    // The adapter reads rows as arrays (`raw()`); a cached statement keeps that mode for its other calls, all of which are the adapter's.
    raw: () => ({ all: () => stmt.raw(true).all(args) }),
  });
  return (sql) => {
    const stmt = cached(sql);
    return { reader: stmt.reader, run: () => stmt.run(), bind: (args: unknown[]) => bound(stmt, args) };
  };
}

export function withStatementCache(factory: AdapterFactory): AdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const client = (adapter as unknown as { client?: Partial<Client> }).client;
      if (client && typeof client.prepare === 'function') client.prepare = cachingPrepare(client as Client) as Client['prepare'];
      return adapter;
    },
  };
}
