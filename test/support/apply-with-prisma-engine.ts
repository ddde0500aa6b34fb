/**
 * Applies the SQLite migrations folder to a database with Prisma's own
 * schema engine, as `prisma migrate deploy` would, then exits. Run as a child
 * process by test/db/migrations.test.ts: the engine keeps its SQLite
 * connection (and lock) until the process ends.
 */
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { migrationsDir } from '../../server/db/client';
import { bootSchemaEngine, readMigrationList } from '../../scripts/lib/schema-engine';

const url = process.argv[2]!;
const engine = await bootSchemaEngine(new PrismaBetterSqlite3({ url }));
const result = await engine.applyMigrations({ migrationsList: readMigrationList(migrationsDir('sqlite')), filters: { externalTables: [], externalEnums: [] } });
process.stdout.write(JSON.stringify(result.appliedMigrationNames));
process.exit(0);
