import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The standard Prisma CLI (for operators with internet) picks the schema and
// migrations folder by the database kind, so `prisma migrate deploy` works
// against either database. The workbench itself applies the same folders at
// start without the CLI (server/db/migrate.ts).
const url = process.env.DATABASE_URL ?? 'file:./data/journalverkstan.db';
const kind = url.startsWith('postgres') ? 'postgresql' : 'sqlite';

export default defineConfig({
  schema: kind === 'postgresql' ? path.join('prisma', 'postgresql', 'schema.prisma') : path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations', kind) },
  datasource: { url },
});
