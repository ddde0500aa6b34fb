import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * Test databases. SQLite: a file in a temp folder. PostgreSQL: a fresh
 * database on the machine's server (127.0.0.1:5432, trust auth, as on every
 * developer and CI machine), dropped afterwards. Override the server with
 * TEST_PG_URL (a URL to an existing database used only for CREATE DATABASE).
 */
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

let available: Promise<boolean> | null = null;
export function postgresAvailable(): Promise<boolean> {
  available ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return true;
    } catch {
      console.warn(`PostgreSQL nås inte på ${PG_ADMIN_URL.replace(/\/\/[^@]*@/, '//')}: PostgreSQL-testerna hoppas över`);
      return false;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return available;
}

export interface TempDb {
  url: string;
  kind: 'sqlite' | 'postgresql';
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTempDb(kind: 'sqlite' | 'postgresql'): Promise<TempDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jv-test-'));
  if (kind === 'sqlite') {
    return {
      kind,
      dataDir,
      url: `file:${path.join(dataDir, 'test.db')}`,
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `jv_t_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    dataDir,
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
