import { z } from 'zod';
import { loadSeedWorkflows } from '../../../../prompts';
import { ProfessionCodeSchema, WorkflowSpecSchema } from '../../../contracts/workflow';
import { badRequest, notFound, unprocessable } from '../../../errors';
import { created, route, type RouteDef } from '../../../http/route';
import { workflowOf } from '../guards';
import { loadGroup, requireInGroup } from './access';
import { diffWorkflowSpecs } from './diff';
import { presentWorkflowDetail, presentWorkflows } from './present';
import { createVersion, createWorkflow, loadVersion, loadWorkflow, specOf } from './service';
import { DiffSchema, ForMeSchema, SavedVersionSchema, SeedListSchema, VersionSchema, WorkflowDetailSchema, WorkflowListSchema } from '../../../contracts/api/workflows';

const Id = z.string().min(1).max(40);
const WorkflowParams = z.object({ id: Id });
const VersionParams = z.object({ id: Id, version: z.coerce.number().int().positive() });
const Message = z.string().trim().min(3).max(500);

/** Workflows under version control: read by everyone, changed by the group's designers. */
export const workflowRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/workflows',
    response: WorkflowListSchema,
    access: 'authenticated',
    summary: 'Arbetsflöden, per arbetsgrupp',
    query: z.object({ groupId: Id.optional() }),
    handler: async ({ deps, query }) => ({ workflows: await presentWorkflows(deps, query.groupId ? { groupId: query.groupId } : {}) }),
  }),
  route({
    method: 'get',
    path: '/workflows/for-me',
    response: ForMeSchema,
    access: 'authenticated',
    summary: 'Produktionsversion per yrkesgrupp och versioner att välja bland',
    handler: async ({ deps, user }) => {
      const all = await presentWorkflows(deps, {});
      const produktion = all.filter((w) => w.labels.produktion);
      const byProfession: Record<string, { workflowId: string; name: string; versionId: string; version: number | null }[]> = {};
      for (const w of produktion) {
        (byProfession[w.profession.code] ??= []).push({ workflowId: w.id, name: w.name, versionId: w.labels.produktion!.versionId, version: w.labels.produktion!.version });
      }
      const mine = all.filter((w) => w.profession.id === user.professionId);
      const versions = await deps.db.prisma.workflowVersion.findMany({
        where: { workflowId: { in: mine.map((w) => w.id) } },
        select: { id: true, workflowId: true, version: true, message: true, createdAt: true },
        orderBy: { version: 'desc' },
      });
      const ownCode = mine[0]?.profession.code ?? null;
      return {
        profession: ownCode,
        default: ownCode ? (byProfession[ownCode]?.[0] ?? null) : null,
        produktionByProfession: byProfession,
        choices: mine.map((w) => ({
          workflowId: w.id,
          name: w.name,
          versions: versions
            .filter((v) => v.workflowId === w.id)
            .map((v) => ({ ...v, labels: Object.entries(w.labels).filter(([, l]) => l.versionId === v.id).map(([name]) => name) })),
        })),
      };
    },
  }),
  route({
    method: 'get',
    path: '/workflows/seeds',
    response: SeedListSchema,
    access: 'authenticated',
    summary: 'Projektets mallar att starta nya arbetsflöden från',
    handler: async () => ({
      seeds: loadSeedWorkflows().map((s) => ({ key: s.profession, name: s.name, noteType: s.noteType, sections: s.sections.map((x) => x.heading) })),
    }),
  }),
  route({
    method: 'post',
    path: '/workflows',
    response: WorkflowDetailSchema,
    access: ['designer'],
    summary: 'Nytt arbetsflöde från en mall',
    body: z.object({ groupId: Id, seedKey: ProfessionCodeSchema, name: z.string().trim().min(1).max(120).optional() }),
    handler: async ({ deps, user, body }) => {
      const group = await loadGroup(deps, body.groupId);
      requireInGroup(user, group.id, 'designer');
      const seed = loadSeedWorkflows().find((s) => s.profession === body.seedKey);
      if (!seed) throw notFound('Mallen');
      const profession = ProfessionCodeSchema.safeParse(group.profession.code);
      if (!profession.success) throw unprocessable('Arbetsgruppens yrkesgrupp saknar mallstöd.', [{ field: 'body.groupId', message: 'Okänd yrkesgrupp' }]);
      const spec = { ...seed, name: body.name ?? seed.name, profession: profession.data };
      const workflow = await createWorkflow(deps, {
        groupId: group.id,
        professionId: group.professionId,
        spec,
        message: `Startad från mallen ${seed.name}`,
        seedKey: body.seedKey,
        authorId: user.id,
      });
      return created(await presentWorkflowDetail(deps, workflow.id), `/api/v1/workflows/${workflow.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/workflows/:id',
    response: WorkflowDetailSchema,
    access: 'authenticated',
    summary: 'Ett arbetsflöde med versionshistorik och etiketter',
    params: WorkflowParams,
    handler: async ({ deps, params }) => {
      await loadWorkflow(deps, params.id);
      return presentWorkflowDetail(deps, params.id);
    },
  }),
  route({
    method: 'get',
    path: '/workflows/:id/versions/:version',
    response: VersionSchema,
    access: 'authenticated',
    summary: 'En version av ett arbetsflöde',
    params: VersionParams,
    handler: async ({ deps, params }) => {
      const row = await loadVersion(deps, params.id, params.version);
      return { id: row.id, workflowId: row.workflowId, version: row.version, message: row.message, createdAt: row.createdAt, spec: specOf(row) };
    },
  }),
  route({
    method: 'post',
    path: '/workflows/:id/versions',
    response: SavedVersionSchema,
    access: ['designer'],
    summary: 'Spara ändringar som ny version',
    params: WorkflowParams,
    body: z.object({ baseVersion: z.number().int().nonnegative(), message: Message, spec: WorkflowSpecSchema }),
    audit: { action: 'workflow.version', kind: 'write' },
    guard: workflowOf('designer'),
    handler: async (ctx) => {
      const { deps, user, body, resource: workflow } = ctx;
      if (body.spec.profession !== workflow.profession.code) {
        throw badRequest('Yrkesgruppen kan inte bytas i ett arbetsflöde.', [{ field: 'body.spec.profession', message: `Ska vara ${workflow.profession.code}` }]);
      }
      const row = await createVersion(deps, { workflowId: workflow.id, baseVersion: body.baseVersion, spec: body.spec, message: body.message, authorId: user.id });
      ctx.auditDetails = { workflowId: workflow.id, versionId: row.id, version: row.version };
      return created({ id: row.id, version: row.version, message: row.message }, `/api/v1/workflows/${workflow.id}/versions/${row.version}`);
    },
  }),
  route({
    method: 'get',
    path: '/workflows/:id/diff',
    response: DiffSchema,
    access: 'authenticated',
    summary: 'Skillnader mellan två versioner',
    params: WorkflowParams,
    query: z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() }),
    handler: async ({ deps, params, query }) => {
      const [from, to] = await Promise.all([loadVersion(deps, params.id, query.from), loadVersion(deps, params.id, query.to)]);
      return { from: from.version, to: to.version, diff: diffWorkflowSpecs(specOf(from), specOf(to)), specs: { from: specOf(from), to: specOf(to) } };
    },
  }),
  route({
    method: 'post',
    path: '/workflows/:id/clone',
    response: WorkflowDetailSchema,
    access: ['designer'],
    summary: 'Klona ett arbetsflöde till en arbetsgrupp',
    params: WorkflowParams,
    body: z.object({ groupId: Id, name: z.string().trim().min(1).max(120), version: z.number().int().positive().optional() }),
    handler: async ({ deps, user, params, body }) => {
      const source = await loadWorkflow(deps, params.id);
      const group = await loadGroup(deps, body.groupId);
      requireInGroup(user, group.id, 'designer');
      if (group.professionId !== source.professionId) {
        throw unprocessable('Ett arbetsflöde kan bara klonas inom samma yrkesgrupp. Starta från en mall i stället.', [{ field: 'body.groupId', message: 'Annan yrkesgrupp' }]);
      }
      const latest = await deps.db.prisma.workflowVersion.findFirst({ where: { workflowId: source.id }, orderBy: { version: 'desc' } });
      const from = body.version ? await loadVersion(deps, source.id, body.version) : latest!;
      const spec = { ...specOf(from), name: body.name };
      const workflow = await createWorkflow(deps, {
        groupId: group.id,
        professionId: group.professionId,
        spec,
        message: `Klonad från ${source.name} version ${from.version}`,
        seedKey: source.seedKey,
        authorId: user.id,
      });
      return created(await presentWorkflowDetail(deps, workflow.id), `/api/v1/workflows/${workflow.id}`);
    },
  }),
];
