// postinstall: generate the Prisma clients for SQLite and PostgreSQL offline.
// `prisma generate` never runs the native schema engine, but the CLI insists
// on finding one and would download it; pointing PRISMA_SCHEMA_ENGINE_BINARY
// at any existing file (node itself) satisfies that check without network.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const cli = 'node_modules/prisma/build/index.js';
if (!existsSync(cli)) {
  console.log('prisma CLI not installed (production install?): skipping client generation');
  process.exit(0);
}
for (const schema of ['prisma/schema.prisma', 'prisma/postgresql/schema.prisma']) {
  const r = spawnSync(process.execPath, [cli, 'generate', '--schema', schema], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  if (r.status !== 0) {
    console.error(`prisma generate failed for ${schema}`);
    process.exit(r.status ?? 1);
  }
}
console.log('Prisma clients generated (sqlite, postgresql)');
