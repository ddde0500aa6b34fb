/**
 * prisma/schema.prisma (SQLite) is the one hand-written schema. The
 * PostgreSQL variant differs only in provider and client output folder; it is
 * derived here so the two can never drift apart (a test checks the committed
 * copy equals this function's output).
 */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output       = "../server/db/generated/sqlite"', 'output       = "../../server/db/generated/postgresql"')
    .replace(
      /^\/\/ Journalverkstan domain schema\..*$/m,
      '// GENERATED from prisma/schema.prisma by `npm run db:migration`. Do not edit.\n// Journalverkstan domain schema.',
    );
  if (out === sqliteSchema) throw new Error('schema-variants: patterns did not match prisma/schema.prisma');
  return out;
}
