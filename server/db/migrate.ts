import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrationsDir, prepareSqliteFile, sqliteFilePath, type DbKind } from './client';

/**
 * Applies prisma/migrations/<kind>/* at start, offline.
 *
 * Why our own runner: `prisma migrate deploy` needs a native schema engine
 * that the CLI downloads, which the machines this runs on cannot. The rules
 * are simple and stable, so we follow them exactly and stay interchangeable
 * with the CLI: the same `_prisma_migrations` table and DDL, checksum =
 * SHA-256 of migration.sql, one row per migration, migrations in name order,
 * each in its own transaction. test/db/migrations-compat.test.ts checks that
 * Prisma's own engine accepts a database migrated here (nothing to apply, no
 * edited or failed migration). Several processes starting at once on
 * PostgreSQL are serialised with an advisory lock.
 */
export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

const TABLE_SQL: Record<DbKind, string> = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
};

export function readMigrations(kind: DbKind, dir = migrationsDir(kind)): MigrationFile[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationError extends Error {}

/** What the history says is applied, and the files still to apply in order. */
function planOf(files: MigrationFile[], rows: Parameters<typeof checkHistory>[1]) {
  const done = checkHistory(files, rows);
  return { done, pending: files.filter((f) => !done.has(f.name)) };
}

function checkHistory(files: MigrationFile[], rows: { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown }[]): Set<string> {
  const done = new Set<string>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(`Migration ${row.migration_name} failed earlier and was not resolved; fix the database, then mark it with \`prisma migrate resolve\`.`);
    }
    const file = files.find((f) => f.name === row.migration_name);
    if (file && file.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.migration_name} was edited after it was applied (checksum differs). Restore the original file.`);
    }
    done.add(row.migration_name);
  }
  return done;
}

async function migrateSqlite(url: string, files: MigrationFile[], dryRun: boolean): Promise<MigrationStatus> {
  if (!dryRun) prepareSqliteFile(sqliteFilePath(url));
  const db = new Database(sqliteFilePath(url));
  try {
    if (!dryRun) {
      // WAL lets readers (health checks, a second process) run beside a writer.
      db.pragma('journal_mode = WAL');
      db.exec(TABLE_SQL.sqlite);
    } else if (!db.prepare("SELECT 1 FROM sqlite_master WHERE name = '_prisma_migrations'").get()) {
      return { applied: [], pending: files.map((f) => f.name) };
    }
    const rows = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations').all() as never[];
    const { done, pending } = planOf(files, rows);
    if (dryRun) return { applied: [...done], pending: pending.map((f) => f.name) };
    for (const file of pending) {
      const apply = db.transaction(() => {
        db.exec(file.sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, ?, 1)`,
        ).run(crypto.randomUUID(), file.checksum, Date.now(), file.name, Date.now());
      });
      apply.immediate();
    }
    return { applied: [...done, ...pending.map((f) => f.name)], pending: [] };
  } finally {
    db.close();
  }
}

const LOCK_KEY = 74_301_001; // arbitrary, constant: "journalverkstan migrations"

async function migratePostgres(url: string, files: MigrationFile[], dryRun: boolean): Promise<MigrationStatus> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(TABLE_SQL.postgresql);
    const { rows } = await client.query('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations');
    const { done, pending } = planOf(files, rows);
    if (dryRun) return { applied: [...done], pending: pending.map((f) => f.name) };
    for (const file of pending) {
      await client.query('BEGIN');
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [crypto.randomUUID(), file.checksum, file.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(`Migration ${file.name} failed: ${(error as Error).message}`);
      }
    }
    return { applied: [...done, ...pending.map((f) => f.name)], pending: [] };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/** Apply every pending migration (or, with dryRun, only report). */
export async function migrate(url: string, options: { dryRun?: boolean } = {}): Promise<MigrationStatus> {
  const kind: DbKind = url.startsWith('postgres') ? 'postgresql' : 'sqlite';
  const files = readMigrations(kind);
  return kind === 'sqlite' ? migrateSqlite(url, files, !!options.dryRun) : migratePostgres(url, files, !!options.dryRun);
}
