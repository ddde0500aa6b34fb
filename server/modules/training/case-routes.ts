import { z } from 'zod';
import { NoContentSchema } from '../../contracts/api/common';
import { TrainingCaseDetailSchema, TrainingCaseListSchema, VariantsSchema } from '../../contracts/api/training';
import { ErrorKindSchema, TrainingCaseDataSchema } from '../../contracts/training';
import { conflict, notFound, unprocessable } from '../../errors';
import { created, noContent, route, type RouteDef } from '../../http/route';
import { groupOf } from '../codesign/guards';
import { trainingCaseOf } from './guards';
import { caseDataFrom, latestDrafterOutput, parseTestCase, presentTrainingCase, refuseBadCase, revisionConflict, saveCase } from './cases';
import { flagsFor } from './flags';
import { plant, plantAll, plantProblems, unplant } from './spans';
import { proposeVariants } from './variants';

const Id = z.string().min(1).max(40);
const readers = ['designer', 'lead', 'admin'] as const;
const Revision = z.number().int().nonnegative();

/** The group's training cases: made from test cases, errors planted by hand or by "Skapa varianter". */
export const trainingCaseRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/groups/:id/training-cases',
    response: TrainingCaseListSchema,
    access: readers,
    summary: 'Arbetsgruppens övningsfall',
    params: z.object({ id: Id }),
    guard: groupOf('member'),
    handler: async ({ deps, resource: group }) => {
      const rows = await deps.db.prisma.trainingCase.findMany({ where: { groupId: group.id }, orderBy: { slug: 'asc' } });
      return { trainingCases: rows.map((r) => presentTrainingCase({ ...r, data: TrainingCaseDataSchema.parse(r.data) })) };
    },
  }),
  route({
    method: 'post',
    path: '/groups/:id/training-cases',
    response: TrainingCaseDetailSchema,
    access: ['designer'],
    summary: 'Nytt övningsfall från ett testfall (referensanteckning eller en körnings utkast)',
    params: z.object({ id: Id }),
    body: z.object({
      testCaseId: Id,
      source: z.enum(['reference', 'drafter']),
      slug: z.string().regex(/^[a-z0-9-]+$/, 'Bara små bokstäver a–z, siffror och bindestreck').max(80).optional(),
      title: z.string().trim().min(1).max(160).optional(),
    }),
    guard: groupOf('designer'),
    handler: async ({ deps, user, body, resource: group }) => {
      const row = await deps.db.prisma.testCase.findUnique({ where: { id: body.testCaseId } });
      if (!row || row.groupId !== group.id) throw unprocessable('Testfallet finns inte i arbetsgruppen.', [{ field: 'body.testCaseId', message: 'Finns inte' }]);
      const testCase = parseTestCase(row.data);
      const draft = body.source === 'reference' ? testCase.referenceNote : await latestDrafterOutput(deps, row.id);
      if (!draft) throw unprocessable('Testfallet har ingen klar körning ännu. Kör det i en version, eller utgå från referensanteckningen.', [{ field: 'body.source', message: 'Ingen körning' }], 'no_drafter_output');
      const data = caseDataFrom(testCase, draft);
      const title = body.title ?? `Övning: ${testCase.title}`.slice(0, 160);
      refuseBadCase(data, 'body', title);
      const slug = body.slug ?? `ovning-${testCase.slug}`.slice(0, 80);
      if (await deps.db.prisma.trainingCase.findUnique({ where: { groupId_slug: { groupId: group.id, slug } } })) {
        throw conflict('Det finns redan ett övningsfall med den sluggen i arbetsgruppen.', 'slug_taken');
      }
      const saved = await deps.db.prisma.trainingCase.create({ data: { groupId: group.id, testCaseId: row.id, slug, title, source: body.source, data, createdById: user.id } });
      return created({ trainingCase: presentTrainingCase({ ...saved, data }), data }, `/api/v1/training-cases/${saved.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/training-cases/:id',
    response: TrainingCaseDetailSchema,
    access: readers,
    summary: 'Ett övningsfall med dess planterade fel och granskningsflaggor',
    params: z.object({ id: Id }),
    guard: trainingCaseOf('member'),
    handler: async ({ resource: row }) => {
      return { trainingCase: presentTrainingCase(row), data: row.data, flags: flagsFor(row.data) };
    },
  }),
  route({
    method: 'put',
    path: '/training-cases/:id',
    response: TrainingCaseDetailSchema,
    access: ['designer'],
    summary: 'Spara ett övningsfall i sin helhet (med revision)',
    params: z.object({ id: Id }),
    body: z.object({ revision: Revision, title: z.string().trim().min(1).max(160), data: TrainingCaseDataSchema }),
    guard: trainingCaseOf('designer'),
    handler: async ({ deps, body, resource: row }) => {
      const saved = await saveCase(deps, row, body.revision, body.data, body.title);
      return { trainingCase: presentTrainingCase(saved), data: saved.data };
    },
  }),
  route({
    method: 'post',
    path: '/training-cases/:id/errors',
    response: TrainingCaseDetailSchema,
    access: ['designer'],
    summary: 'Plantera ett fel för hand (markerad text ersätts)',
    params: z.object({ id: Id }),
    body: z.object({
      revision: Revision,
      kind: ErrorKindSchema,
      section: z.number().int().min(0),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      /** the text the designer selected, so a stale view cannot plant in the wrong place */
      selected: z.string().max(2000),
      replacement: z.string().max(1000),
      said: z.string().trim().min(1, 'Skriv vad som faktiskt sades').max(1000),
      turn: z.number().int().min(0).nullable().optional(),
      critical: z.boolean().optional(),
    }),
    guard: trainingCaseOf('designer'),
    handler: async ({ deps, body, resource: row }) => {
      if (row.revision !== body.revision) throw revisionConflict(row.revision, body.revision);
      const sectionText = row.data.draft[body.section]?.text;
      if (sectionText !== undefined && sectionText.slice(body.start, body.end) !== body.selected) {
        throw unprocessable('Den markerade texten finns inte på den platsen i utkastet. Inget sparades.', [{ field: 'body.selected', message: 'Markeringen finns inte i utkastet' }], 'span_not_in_draft');
      }
      if (body.turn != null && body.turn >= row.data.turns.length) throw unprocessable('Repliken finns inte i samtalet.', [{ field: 'body.turn', message: 'Finns inte' }]);
      const problems = plantProblems(row.data, body, 'body');
      if (problems.length > 0) throw unprocessable('Felet kunde inte planteras. Inget sparades.', problems, 'span_not_in_draft');
      const saved = await saveCase(deps, row, body.revision, plant(row.data, body));
      return { trainingCase: presentTrainingCase(saved), data: saved.data };
    },
  }),
  route({
    method: 'delete',
    path: '/training-cases/:id/errors/:errorId',
    response: TrainingCaseDetailSchema,
    access: ['designer'],
    summary: 'Ta bort ett planterat fel (utkastet får tillbaka sin text)',
    params: z.object({ id: Id, errorId: Id }),
    query: z.object({ revision: z.coerce.number().int().nonnegative() }),
    guard: trainingCaseOf('designer'),
    handler: async ({ deps, params, query, resource: row }) => {
      const next = unplant(row.data, params.errorId);
      if (!next) throw notFound('Det planterade felet');
      const saved = await saveCase(deps, row, query.revision, next);
      return { trainingCase: presentTrainingCase(saved), data: saved.data };
    },
  }),
  route({
    method: 'post',
    path: '/training-cases/:id/variants',
    response: VariantsSchema,
    access: ['designer'],
    summary: 'Skapa varianter: fel som reglerna kan plantera, att behålla eller slänga',
    params: z.object({ id: Id }),
    guard: trainingCaseOf('designer'),
    handler: async ({ resource: row }) => {
      return { revision: row.revision, candidates: proposeVariants(row.data) };
    },
  }),
  route({
    method: 'post',
    path: '/training-cases/:id/variants/keep',
    response: TrainingCaseDetailSchema,
    access: ['designer'],
    summary: 'Behåll valda varianter (planteras tillsammans, allt eller inget)',
    params: z.object({ id: Id }),
    body: z.object({ revision: Revision, keys: z.array(z.string().min(1).max(120)).min(1, 'Välj minst en variant').max(40) }),
    guard: trainingCaseOf('designer'),
    handler: async ({ deps, body, resource: row }) => {
      if (row.revision !== body.revision) throw revisionConflict(row.revision, body.revision);
      const proposals = proposeVariants(row.data);
      const unknown = body.keys.flatMap((key, i) => (proposals.some((c) => c.key === key) ? [] : [{ field: `body.keys.${i}`, message: 'Varianten finns inte längre – skapa varianterna igen' }]));
      if (unknown.length > 0) throw unprocessable('Någon vald variant finns inte i utkastet. Inget sparades.', unknown, 'span_not_in_draft');
      const kept = proposals.filter((c) => body.keys.includes(c.key)).map((c) => ({ ...c, origin: c.rule }));
      const result = plantAll(row.data, kept, 'body.keys');
      if (result.problems.length > 0) throw unprocessable('Valda varianter överlappar varandra. Inget sparades.', result.problems, 'span_not_in_draft');
      const saved = await saveCase(deps, row, body.revision, result.data);
      return { trainingCase: presentTrainingCase(saved), data: saved.data };
    },
  }),
  route({
    method: 'delete',
    path: '/training-cases/:id',
    response: NoContentSchema,
    access: ['designer'],
    summary: 'Ta bort ett övningsfall (omgångar som redan använt det behåller sin kopia)',
    params: z.object({ id: Id }),
    guard: trainingCaseOf('designer'),
    handler: async ({ deps, resource: row }) => {
      await deps.db.prisma.trainingCase.delete({ where: { id: row.id } });
      return noContent();
    },
  }),
];
