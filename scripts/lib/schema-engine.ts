/**
 * Boots Prisma's WebAssembly schema engine (the public package
 * @prisma/schema-engine-wasm) without the Prisma CLI, which would try to
 * download a native engine. Used by the migration authoring script and by the
 * test that proves our migrations folder is what `prisma migrate deploy`
 * accepts. Never imported by the running server.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);

export interface MigrationListInput {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: { path: string; migrationFile: { path: string; content: { tag: 'ok'; value: string } } }[];
}

export interface WasmSchemaEngine {
  diff(input: unknown): Promise<{ exitCode: number; stdout?: string | null }>;
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diagnoseMigrationHistory(input: unknown): Promise<{ history: unknown; failedMigrationNames: string[]; editedMigrationNames: string[] }>;
  free(): void;
}

type EngineClass = { new: (o: unknown, debug: (m: string) => void, adapter: unknown) => Promise<WasmSchemaEngine> };

// The wasm-bindgen runtime module is a singleton: instantiate the wasm once
// and share it, or a second instance would swap the memory under the first.
let engineClass: Promise<EngineClass> | null = null;

function loadEngineClass(): Promise<EngineClass> {
  engineClass ??= (async () => {
    const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm'));
    const runtime = (await import(path.join(pkgDir, 'schema_engine_bg.js'))) as {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
      SchemaEngine: EngineClass;
    };
    const module = new WebAssembly.Module(fs.readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm')));
    const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': runtime as unknown as WebAssembly.ModuleImports });
    runtime.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return runtime.SchemaEngine;
  })();
  return engineClass;
}

export async function bootSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory): Promise<WasmSchemaEngine> {
  const SchemaEngine = await loadEngineClass();
  return SchemaEngine.new({ datamodels: undefined }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
}

/**
 * The migrations folder in the shape the engine's applyMigrations expects,
 * built as the Prisma CLI builds it (directory and file names, not paths:
 * the engine records the directory name as migration_name).
 */
export function readMigrationList(dir: string): MigrationListInput {
  const names = fs
    .readdirSync(dir)
    .filter((n) => fs.statSync(path.join(dir, n)).isDirectory())
    .sort();
  const lock = path.join(dir, 'migration_lock.toml');
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lock) ? fs.readFileSync(lock, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: names.map((n) => {
      const file = path.join(dir, n, 'migration.sql');
      return { path: n, migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: fs.readFileSync(file, 'utf8') } } };
    }),
  };
}
