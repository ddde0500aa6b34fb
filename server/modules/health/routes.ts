import { migrate } from '../../db/migrate';
import { Reply, route, type RouteDef } from '../../http/route';
import type { AppDeps } from '../../deps';
import { HealthSchema } from '../../contracts/api/health';

import type { ModelReport } from '../../pipeline/runtime/model-status';

/**
 * Model status providers are registered in deps.services.modelStatus (the
 * ASR and drafting modules); health reports each: installed, missing (with how
 * to install it) or remote. A missing model never stops the server.
 */

export async function modelReports(deps: AppDeps): Promise<ModelReport[]> {
  const providers = deps.services.modelStatus;
  const reports = (await Promise.all(providers.map((p) => p().catch(() => [])))).flat();
  // Health is public: the folder is named relative to MODELS_DIR, never as a server path.
  return reports.map((r) => (r.path ? { ...r, path: `MODELS_DIR/${r.modelId}` } : r));
}

export const healthRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/health',
    response: HealthSchema,
    access: 'public',
    summary: 'Hälsa: databas, migreringar, modeller, version',
    handler: async ({ deps }) => {
      let database: { kind: string; ok: boolean } = { kind: deps.db.kind, ok: false };
      let migrations: { applied: number; pending: string[] } | { error: string } = { error: 'unknown' };
      try {
        await deps.db.prisma.$queryRawUnsafe('SELECT 1');
        database = { kind: deps.db.kind, ok: true };
        const status = await migrate(deps.db.url, { dryRun: true });
        migrations = { applied: status.applied.length, pending: status.pending };
      } catch {
        migrations = { error: 'Databasen svarar inte' };
      }
      const models = await modelReports(deps);
      const ok = database.ok && 'pending' in migrations && migrations.pending.length === 0;
      return new Reply(ok ? 200 : 503, {
        status: ok ? (models.some((m) => m.state === 'missing') ? 'degraded' : 'ok') : 'error',
        version: deps.version,
        database,
        migrations,
        queue: deps.jobs.kind,
        models,
      });
    },
  }),
];
