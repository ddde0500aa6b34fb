import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PgClient } from './generated/postgresql/client';
import { withStatementCache } from './sqlite-statements';

/**
 * One code path for both databases. The two generated clients come from the
 * same schema (see schema-variants.ts) and have identical model APIs; the
 * SQLite client's type is used everywhere, the PostgreSQL one is constructed
 * when DATABASE_URL says postgresql://.
 */
export type Db = SqliteClient;
export type DbKind = 'sqlite' | 'postgresql';

export interface Database {
  prisma: Db;
  kind: DbKind;
  url: string;
  close(): Promise<void>;
}

export function sqliteFilePath(url: string): string {
  const raw = url.replace(/^file:/, '');
  return raw.startsWith('/') ? raw : path.resolve(raw);
}

/**
 * The SQLite file holds patient data: created 0600 in a folder of its own
 * that is 0700 when we create it, as the audio files are. SQLite gives its
 * -wal and -shm files the database file's permissions.
 */
export function prepareSqliteFile(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  fs.chmodSync(file, 0o600);
}

export async function openDatabase(url: string): Promise<Database> {
  if (url.startsWith('postgres')) {
    const adapter = new PrismaPg({ connectionString: url, max: 10 });
    const prisma = new PgClient({ adapter }) as unknown as Db;
    return { prisma, kind: 'postgresql', url, close: () => prisma.$disconnect() };
  }
  const file = sqliteFilePath(url);
  prepareSqliteFile(file);
  // Prepared statements kept per SQL text (sqlite-statements.ts): the adapter would prepare each query anew.
  const adapter = withStatementCache(new PrismaBetterSqlite3({ url: `file:${file}` }));
  const prisma = new SqliteClient({ adapter });
  // WAL (set by the migrator) + NORMAL sync is durable across process
  // crashes and much faster than FULL for the many small writes of autosave
  // and timing events; a power loss can lose at most the last transactions.
  await prisma.$executeRawUnsafe('PRAGMA synchronous = NORMAL');
  await prisma.$executeRawUnsafe('PRAGMA busy_timeout = 5000');
  return { prisma, kind: 'sqlite', url, close: () => prisma.$disconnect() };
}

export const migrationsDir = (kind: DbKind) =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'prisma', 'migrations', kind);
