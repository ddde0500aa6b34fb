import { z } from 'zod';
import { forbidden, notFound } from '../../errors';
import { accepted, route, type RouteDef, type SessionUser } from '../../http/route';
import type { AppDeps } from '../../deps';
import { JobSchema } from '../../contracts/api/jobs';

const Id = z.object({ id: z.string().min(1).max(40) });

export async function visibleJob(deps: AppDeps, user: SessionUser, id: string) {
  const job = await deps.db.prisma.job.findUnique({ where: { id } });
  if (!job) throw notFound('Jobbet');
  const mayAll = user.roles.includes('admin') || user.roles.includes('lead');
  if (job.createdById !== user.id && !mayAll) throw forbidden('Jobbet tillhör en annan användare.');
  return job;
}

export function presentJob(job: { id: string; kind: string; status: string; progress: number; progressNote: string | null; result: unknown; error: string | null; createdAt: Date; startedAt: Date | null; finishedAt: Date | null }) {
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    progress: job.progress,
    progressNote: job.progressNote,
    result: job.status === 'succeeded' ? job.result : null,
    error: job.error,
    createdAt: job.createdAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

export const jobRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/jobs/:id',
    response: JobSchema,
    access: 'authenticated',
    summary: 'Status och förlopp för ett jobb',
    params: Id,
    handler: async ({ deps, user, params }) => presentJob(await visibleJob(deps, user, params.id)),
  }),
  route({
    method: 'post',
    path: '/jobs/:id/cancel',
    response: JobSchema,
    access: 'authenticated',
    summary: 'Avbryt ett jobb',
    params: Id,
    handler: async ({ deps, user, params }) => {
      await visibleJob(deps, user, params.id);
      await deps.jobs.cancel(params.id);
      return accepted(presentJob(await visibleJob(deps, user, params.id)), `/api/v1/jobs/${params.id}`);
    },
  }),
];
