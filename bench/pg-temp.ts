import crypto from 'node:crypto';
import pg from 'pg';

/**
 * A throw-away PostgreSQL database for a benchmark on the machine's server
 * (BENCH_PG_URL overrides it), dropped afterwards. Null (with a message)
 * when PostgreSQL cannot be reached.
 */
export const BENCH_PG_ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface BenchDb {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createBenchDb(prefix: string): Promise<BenchDb | null> {
  const admin = new pg.Client({ connectionString: BENCH_PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL nås inte på ${BENCH_PG_ADMIN_URL.replace(/\/\/[^@]*@/, '//')}: benchmarken hoppas över.`);
    return null;
  }
  const name = `jv_${prefix}_${crypto.randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(BENCH_PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
