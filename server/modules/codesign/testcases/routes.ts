import { z } from 'zod';
import { TestCaseSchema, type TestCase } from '../../../contracts/testcase';
import { AppError, conflict, unprocessable } from '../../../errors';
import { created, noContent, route, type RouteDef } from '../../../http/route';
import { groupOf, loadTestCase, testCaseOf } from '../guards';
import { parseTestCaseJsonl, toJsonl } from './jsonl';
import { findPersonalData, piiProblems } from './pii-gate';
import { NoContentSchema } from '../../../contracts/api/common';
import { ImportResultSchema, TestCaseDetailSchema, TestCaseListSchema } from '../../../contracts/api/evalruns';

const Id = z.string().min(1).max(40);
const GroupParams = z.object({ id: Id });
const readers = ['designer', 'lead', 'admin'] as const;

function refuseIfPersonalData(data: TestCase): void {
  const findings = findPersonalData(data);
  if (findings.length > 0) {
    throw unprocessable('Testfallet innehåller något som ser ut som personuppgifter. Testfall ska vara påhittade.', piiProblems(findings, 'body.data'), 'personal_data');
  }
}

const presentCase = (row: { id: string; groupId: string; slug: string; title: string; revision: number; updatedAt: Date; data: unknown }) => {
  const data = TestCaseSchema.parse(row.data);
  return {
    id: row.id,
    groupId: row.groupId,
    slug: row.slug,
    title: row.title,
    revision: row.revision,
    updatedAt: row.updatedAt,
    setting: data.setting,
    tags: data.tags,
    turns: data.turns.length,
    keyFacts: data.keyFacts.length,
    criticalKeyFacts: data.keyFacts.filter((f) => f.critical).length,
    hasAudio: data.audio !== undefined,
  };
};

/** The working group's library of synthetic test consultations. */
export const testCaseRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/groups/:id/testcases',
    response: TestCaseListSchema,
    access: readers,
    summary: 'Arbetsgruppens testfall',
    params: GroupParams,
    guard: groupOf('member'),
    handler: async ({ deps, resource: group }) => {
      const rows = await deps.db.prisma.testCase.findMany({ where: { groupId: group.id }, orderBy: { slug: 'asc' } });
      return { testCases: rows.map(presentCase) };
    },
  }),
  route({
    method: 'post',
    path: '/groups/:id/testcases',
    response: TestCaseDetailSchema,
    access: ['designer'],
    summary: 'Nytt testfall (kontrolleras för personuppgifter)',
    params: GroupParams,
    body: z.object({ data: TestCaseSchema }),
    guard: groupOf('designer'),
    handler: async ({ deps, body, resource: group }) => {
      refuseIfPersonalData(body.data);
      if (await deps.db.prisma.testCase.findUnique({ where: { groupId_slug: { groupId: group.id, slug: body.data.slug } } })) {
        throw conflict('Det finns redan ett testfall med den sluggen i arbetsgruppen.', 'slug_taken');
      }
      const row = await deps.db.prisma.testCase.create({ data: { groupId: group.id, slug: body.data.slug, title: body.data.title, data: body.data } });
      return created({ testCase: presentCase(row), data: body.data }, `/api/v1/testcases/${row.id}`);
    },
  }),
  route({
    method: 'post',
    path: '/groups/:id/testcases/import',
    response: ImportResultSchema,
    access: ['designer'],
    summary: 'Importera testfall som JSONL (ett per rad)',
    params: GroupParams,
    body: z.object({ jsonl: z.string().min(1).max(5_000_000) }),
    guard: groupOf('designer'),
    handler: async ({ deps, body, resource: group }) => {
      const parsed = parseTestCaseJsonl(body.jsonl);
      if (parsed.problems.length > 0) {
        const detail = parsed.personalData
          ? 'Några rader innehåller något som ser ut som personuppgifter. Inget importerades.'
          : 'Några rader är felaktiga. Inget importerades.';
        throw new AppError(422, parsed.personalData ? 'personal_data' : 'invalid_lines', 'Kunde inte importeras', detail, parsed.problems);
      }
      if (parsed.cases.length === 0) throw unprocessable('Filen innehåller inga testfall.', [{ field: 'body.jsonl', message: 'Tom' }]);
      let createdCount = 0;
      let updatedCount = 0;
      await deps.db.prisma.$transaction(async (tx) => {
        for (const data of parsed.cases) {
          const existing = await tx.testCase.findUnique({ where: { groupId_slug: { groupId: group.id, slug: data.slug } } });
          if (existing) {
            await tx.testCase.update({ where: { id: existing.id }, data: { title: data.title, data, revision: { increment: 1 } } });
            updatedCount++;
          } else {
            await tx.testCase.create({ data: { groupId: group.id, slug: data.slug, title: data.title, data } });
            createdCount++;
          }
        }
      });
      return { created: createdCount, updated: updatedCount };
    },
  }),
  route({
    method: 'get',
    path: '/groups/:id/testcases/export',
    response: 'file',
    access: readers,
    summary: 'Exportera testfallen som JSONL',
    params: GroupParams,
    guard: groupOf('member'),
    handler: async ({ deps, res, resource: group }) => {
      const rows = await deps.db.prisma.testCase.findMany({ where: { groupId: group.id }, orderBy: { slug: 'asc' } });
      res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="testfall-${group.profession.code}.jsonl"`);
      res.status(200).send(toJsonl(rows.map((r) => TestCaseSchema.parse(r.data))));
    },
  }),
  route({
    method: 'get',
    path: '/testcases/:id',
    response: TestCaseDetailSchema,
    access: readers,
    summary: 'Ett testfall',
    params: z.object({ id: Id }),
    guard: testCaseOf('member'),
    handler: async ({ resource: row }) => {
      return { testCase: presentCase(row), data: TestCaseSchema.parse(row.data) };
    },
  }),
  route({
    method: 'put',
    path: '/testcases/:id',
    response: TestCaseDetailSchema,
    access: ['designer'],
    summary: 'Spara ett testfall (med revision)',
    params: z.object({ id: Id }),
    body: z.object({ revision: z.number().int().nonnegative(), data: TestCaseSchema }),
    guard: testCaseOf('designer'),
    handler: async ({ deps, body, resource: row }) => {
      refuseIfPersonalData(body.data);
      if (body.data.slug !== row.slug) {
        const taken = await deps.db.prisma.testCase.findUnique({ where: { groupId_slug: { groupId: row.groupId, slug: body.data.slug } } });
        if (taken) throw conflict('Det finns redan ett testfall med den sluggen i arbetsgruppen.', 'slug_taken');
      }
      const { count } = await deps.db.prisma.testCase.updateMany({
        where: { id: row.id, revision: body.revision },
        data: { slug: body.data.slug, title: body.data.title, data: body.data, revision: { increment: 1 } },
      });
      if (count === 0) {
        const current = await loadTestCase(deps, row.id);
        throw new AppError(409, 'revision_conflict', 'Någon annan har sparat under tiden', `Testfallet har sparats av någon annan (revision ${current.revision}, du utgick från ${body.revision}). Ladda om och för in dina ändringar.`, [
          { field: 'body.revision', message: `Aktuell revision: ${current.revision}` },
        ]);
      }
      const saved = await loadTestCase(deps, row.id);
      return { testCase: presentCase(saved), data: TestCaseSchema.parse(saved.data) };
    },
  }),
  route({
    method: 'delete',
    path: '/testcases/:id',
    response: NoContentSchema,
    access: ['designer'],
    summary: 'Ta bort ett testfall (och dess körresultat)',
    params: z.object({ id: Id }),
    guard: testCaseOf('designer'),
    handler: async ({ deps, resource: row }) => {
      await deps.db.prisma.testCase.delete({ where: { id: row.id } });
      return noContent();
    },
  }),
];
