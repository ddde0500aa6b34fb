import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsDir } from '../../server/db/client';
import { migrate } from '../../server/db/migrate';
import { postgresSchemaFrom } from '../../server/db/schema-variants';
import { bootSchemaEngine, readMigrationList } from '../../scripts/lib/schema-engine';
import { createTempDb, postgresAvailable, type TempDb } from '../support/db';

/**
 * The workbench applies migrations itself (the Prisma CLI cannot download
 * its engine here). These tests hold it to Prisma's rules with Prisma's own
 * WebAssembly schema engine: what we apply is what `prisma migrate deploy`
 * would apply, and the schema has no change that lacks a migration.
 */
const pg = await postgresAvailable();
const root = path.resolve(import.meta.dirname, '../..');
const filters = { externalTables: [], externalEnums: [] };
const dbs: TempDb[] = [];
afterAll(async () => {
  for (const d of dbs) await d.drop();
});

describe('migrations', () => {
  it('prisma/postgresql/schema.prisma is exactly derived from prisma/schema.prisma', () => {
    const sqlite = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
    expect(fs.readFileSync(path.join(root, 'prisma/postgresql/schema.prisma'), 'utf8')).toBe(postgresSchemaFrom(sqlite));
  });

  it('every schema change has a migration (the last snapshot diffs empty against the schema)', async () => {
    const engine = await bootSchemaEngine(new PrismaBetterSqlite3({ url: ':memory:' }));
    const current = fs.readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8');
    const dir = migrationsDir('sqlite');
    const last = fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isDirectory()).sort().at(-1)!;
    const snapshot = fs.readFileSync(path.join(dir, last, 'schema.prisma'), 'utf8');
    const result = await engine.diff({
      from: { tag: 'schemaDatamodel', files: [{ path: 'a.prisma', content: snapshot }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'b.prisma', content: current }] },
      script: true,
      exitCode: null,
      filters,
    });
    expect(result.stdout ?? '', 'run `npm run db:migration -- <name>`').toMatch(/^(-- This is an empty migration\.)?\s*$/);
    engine.free();
  });

  it('SQLite: Prisma\'s engine finds nothing to apply after our migrator, and vice versa', async () => {
    const a = await createTempDb('sqlite');
    dbs.push(a);
    await migrate(a.url);
    const engineA = await bootSchemaEngine(new PrismaBetterSqlite3({ url: a.url }));
    const applied = await engineA.applyMigrations({ migrationsList: readMigrationList(migrationsDir('sqlite')), filters });
    expect(applied.appliedMigrationNames).toEqual([]);
    engineA.free();

    const b = await createTempDb('sqlite');
    dbs.push(b);
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'test/support/apply-with-prisma-engine.ts'), b.url], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    expect(JSON.parse(child.stdout)).toEqual(readMigrationList(migrationsDir('sqlite')).migrationDirectories.map((m) => m.path));
    const status = await migrate(b.url);
    expect(status.pending).toEqual([]);
    expect(status.applied.length).toBeGreaterThan(0);
  });

  it.skipIf(!pg)('PostgreSQL: Prisma\'s engine finds nothing to apply after our migrator', async () => {
    const d = await createTempDb('postgresql');
    dbs.push(d);
    const status = await migrate(d.url);
    expect(status.pending).toEqual([]);
    const engine = await bootSchemaEngine(new PrismaPg({ connectionString: d.url }));
    const applied = await engine.applyMigrations({ migrationsList: readMigrationList(migrationsDir('postgresql')), filters });
    expect(applied.appliedMigrationNames).toEqual([]);
    engine.free();
  });

  it('refuses to start on an edited migration', async () => {
    const d = await createTempDb('sqlite');
    dbs.push(d);
    await migrate(d.url);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(d.url.replace('file:', ''));
    raw.prepare('UPDATE _prisma_migrations SET checksum = ?').run('0'.repeat(64));
    raw.close();
    await expect(migrate(d.url)).rejects.toThrow(/edited after it was applied/);
  });
});
