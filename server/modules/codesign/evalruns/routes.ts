import { z } from 'zod';
import { badRequest } from '../../../errors';
import { accepted, route, type RouteDef } from '../../../http/route';
import { evalRunOf, workflowOf } from '../guards';
import { loadVersion, specOf } from '../workflows/service';
import { compareRuns } from './compare';
import { DrafterKindSchema, drafterForRun } from './drafters';
import { EVAL_RUN_JOB } from './job';
import { loadRun, presentRun, resultRows } from './service';
import { CompareSchema, RunDetailSchema, RunListSchema, RunStartedSchema } from '../../../contracts/api/evalruns';

const Id = z.string().min(1).max(40);

/** Evaluation runs: a workflow version over test cases, as a job; results and comparison. */
export const evalRunRoutes: RouteDef[] = [
  route({
    method: 'post',
    path: '/workflows/:id/versions/:version/runs',
    response: RunStartedSchema,
    access: ['designer'],
    summary: 'Kör en version på testfall (jobb)',
    params: z.object({ id: Id, version: z.coerce.number().int().positive() }),
    body: z.object({ drafter: DrafterKindSchema.default('extractive'), caseIds: z.array(Id).min(1).max(500).optional() }),
    guard: workflowOf('designer'),
    handler: async ({ deps, user, params, body, resource: workflow }) => {
      const version = await loadVersion(deps, workflow.id, params.version);
      const drafter = drafterForRun(deps, body.drafter, specOf(version));
      const drafterId = drafter.info.drafterId;
      await drafter.dispose();
      const cases = await deps.db.prisma.testCase.findMany({
        where: { groupId: workflow.groupId!, ...(body.caseIds ? { id: { in: body.caseIds } } : {}) },
        select: { id: true },
        orderBy: { slug: 'asc' },
      });
      if (body.caseIds && cases.length !== new Set(body.caseIds).size) {
        throw badRequest('Några testfall finns inte i arbetsgruppens bibliotek.', [{ field: 'body.caseIds', message: 'Okända testfall' }]);
      }
      if (cases.length === 0) throw badRequest('Arbetsgruppen har inga testfall att köra.', [{ field: 'body.caseIds', message: 'Inga testfall' }]);
      const run = await deps.db.prisma.evalRun.create({
        data: {
          workflowVersionId: version.id,
          drafterId,
          caseIds: cases.map((c) => c.id),
          createdById: user.id,
        },
      });
      const job = await deps.jobs.enqueue(EVAL_RUN_JOB, { runId: run.id }, { createdById: user.id });
      const saved = await deps.db.prisma.evalRun.update({ where: { id: run.id }, data: { jobId: job.id }, include: { workflowVersion: { include: { workflow: true } } } });
      return accepted({ run: await presentRun(deps, saved), jobId: job.id }, `/api/v1/jobs/${job.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/workflows/:id/runs',
    response: RunListSchema,
    access: ['designer', 'lead', 'admin'],
    summary: 'Körningar av ett arbetsflöde',
    params: z.object({ id: Id }),
    guard: workflowOf('member'),
    handler: async ({ deps, resource: workflow }) => {
      const runs = await deps.db.prisma.evalRun.findMany({
        where: { workflowVersion: { workflowId: workflow.id } },
        include: { workflowVersion: { include: { workflow: true } } },
        orderBy: { createdAt: 'desc' },
        take: 100,
      });
      return { runs: await Promise.all(runs.map((r) => presentRun(deps, r))) };
    },
  }),
  route({
    method: 'get',
    path: '/evalruns/compare',
    response: CompareSchema,
    access: ['designer', 'lead', 'admin'],
    summary: 'Jämför två körningar på samma testfall',
    query: z.object({ a: Id, b: Id }),
    handler: async ({ deps, user, query }) => {
      const [a, b] = await Promise.all([loadRun(deps, user, query.a), loadRun(deps, user, query.b)]);
      const [ra, rb] = await Promise.all([resultRows(deps, a.id), resultRows(deps, b.id)]);
      return { a: await presentRun(deps, a), b: await presentRun(deps, b), ...compareRuns(ra, rb) };
    },
  }),
  route({
    method: 'get',
    path: '/evalruns/:id',
    response: RunDetailSchema,
    access: ['designer', 'lead', 'admin'],
    summary: 'En körning med resultat per testfall',
    params: z.object({ id: Id }),
    guard: evalRunOf('member'),
    handler: async ({ deps, resource: run }) => {
      return { run: await presentRun(deps, run), results: await resultRows(deps, run.id) };
    },
  }),
];
