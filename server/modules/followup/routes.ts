import { z } from 'zod';
import { badRequest, tooLarge, unsupportedMedia, unprocessable } from '../../errors';
import { route, type RouteDef } from '../../http/route';
import { AssumptionsSchema, assumptionChanges, readAssumptions, writeAssumptions } from './assumptions';
import { BaselineJsonSchema, baselineSources, parseBaselineCsv, storeBaseline, validateBaselineRows, type ParsedRow } from './baseline-import';
import { followupData, presentDashboard } from './dashboard';
import { DrillQuerySchema, drillDown } from './drilldown';
import { FilterQuerySchema, toFilters } from './filters';
import { DASHBOARD_BUDGET } from './stats';
import { SURVEY_QUESTIONS_SV, saveSurvey } from './surveys';
import { AssumptionsEnvelopeSchema, BaselineImportedSchema, BaselineListSchema, DashboardSchema, DrillSchema } from '../../contracts/api/followup';
import { AnswersSchema, PhaseSchema, QuestionsSchema, SurveyResponseEnvelopeSchema, SurveyResponseListSchema, type Answers } from '../../contracts/api/surveys';

const leads = ['lead', 'admin'] as const;
const CSV_LIMIT_BYTES = 2 * 1024 * 1024;

async function readText(req: NodeJS.ReadableStream, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(`Filen är större än ${limit / 1024 / 1024} MB.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Follow-up: dashboard, drill-down, assumptions, baseline import, surveys. */
export const followupRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/followup/dashboard',
    response: DashboardSchema,
    access: leads,
    summary: 'Uppföljning: tid, kvalitet och enkäter med filter',
    query: FilterQuerySchema,
    handler: async ({ deps, query }) => presentDashboard(await followupData(deps, toFilters(query), DASHBOARD_BUDGET, [], { waitForFill: false })),
  }),
  route({
    method: 'get',
    path: '/followup/notes',
    response: DrillSchema,
    access: leads,
    summary: 'Anteckningarna bakom en siffra (avidentifierade)',
    query: DrillQuerySchema,
    audit: { action: 'followup.drilldown', kind: 'read' },
    handler: async ({ deps, query }) => drillDown(deps, toFilters(query), query),
  }),
  route({
    method: 'get',
    path: '/followup/assumptions',
    response: AssumptionsEnvelopeSchema,
    access: leads,
    summary: 'Antaganden för uppräkning till timmar och kronor',
    handler: async ({ deps }) => ({ assumptions: await readAssumptions(deps) }),
  }),
  route({
    method: 'put',
    path: '/followup/assumptions',
    response: AssumptionsEnvelopeSchema,
    access: ['lead'],
    summary: 'Ändra antaganden (loggas)',
    body: AssumptionsSchema,
    audit: { action: 'followup.assumptions.update', kind: 'write' },
    handler: async (ctx) => {
      const before = await readAssumptions(ctx.deps);
      const after = await writeAssumptions(ctx.deps, ctx.body);
      // Only the changed numbers go to the access log: who changed what, when.
      ctx.auditDetails = Object.fromEntries(Object.entries(assumptionChanges(before, ctx.body)).slice(0, 40));
      return { assumptions: after };
    },
  }),
  route({
    method: 'get',
    path: '/followup/baseline',
    response: BaselineListSchema,
    access: leads,
    summary: 'Importerade baslinjetider',
    handler: async ({ deps }) => ({ baseline: await baselineSources(deps) }),
  }),
  route({
    method: 'post',
    path: '/followup/baseline',
    response: BaselineImportedSchema,
    access: ['lead'],
    summary: 'Importera baslinjetider (CSV eller JSON)',
    query: z.object({ source: z.string().trim().min(1).max(80).optional() }),
    audit: { action: 'followup.baseline.import', kind: 'write' },
    handler: async (ctx) => {
      const { deps, req, query, user } = ctx;
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      let rows: ParsedRow[];
      let source = query.source;
      if (type === 'text/csv' || type === 'text/plain') {
        rows = parseBaselineCsv(await readText(req, CSV_LIMIT_BYTES));
      } else if (type === 'application/json') {
        const parsed = BaselineJsonSchema.safeParse(req.body ?? {});
        if (!parsed.success) throw badRequest('Skicka { rows: [{ profession, noteType, minutes }] }.', [{ field: 'body.rows', message: 'Saknas eller har fel form' }]);
        rows = parsed.data.rows.map((values, i) => ({ row: i + 1, values }));
        source ??= parsed.data.source;
      } else {
        throw unsupportedMedia('Skicka text/csv eller application/json.');
      }
      if (rows.length === 0) throw unprocessable('Filen har inga rader.', [{ field: 'row.2', message: 'Rad 2: inga data' }], 'baseline_invalid');
      const professions = await deps.db.prisma.profession.findMany({ select: { id: true, code: true, name: true } });
      const { records, errors } = validateBaselineRows(rows, professions);
      if (errors.length) throw unprocessable(`${new Set(errors.map((e) => e.field.split('.')[1])).size} rader har fel; inget importerades.`, errors.slice(0, 500), 'baseline_invalid');
      const label = source ?? `Tidsstudie ${new Date().toISOString().slice(0, 10)}`;
      const imported = await storeBaseline(deps, label, records, user.id);
      ctx.auditDetails = { rows: imported };
      return { imported, source: label, baseline: await baselineSources(deps) };
    },
  }),
  route({
    method: 'get',
    path: '/followup/surveys/questions',
    response: QuestionsSchema,
    access: 'authenticated',
    summary: 'Enkätens frågor',
    handler: async () => ({ questions: SURVEY_QUESTIONS_SV }),
  }),
  route({
    method: 'get',
    path: '/followup/surveys/mine',
    response: SurveyResponseListSchema,
    access: ['clinician'],
    summary: 'Mina enkätsvar',
    handler: async ({ deps, user }) => {
      const rows = await deps.db.prisma.surveyResponse.findMany({ where: { userId: user.id }, orderBy: { createdAt: 'asc' } });
      // answers: a JSON column, written from the parsed body
      return { responses: rows.map((r) => ({ phase: r.phase, answers: r.answers as Answers, createdAt: r.createdAt })) };
    },
  }),
  route({
    method: 'put',
    path: '/followup/surveys/:phase',
    response: SurveyResponseEnvelopeSchema,
    access: ['clinician'],
    summary: 'Svara på enkäten före eller efter försöket',
    params: z.object({ phase: PhaseSchema }),
    body: AnswersSchema,
    handler: async ({ deps, user, params, body }) => {
      const saved = await saveSurvey(deps, user.id, params.phase, body);
      return { response: { phase: saved.phase, answers: body, createdAt: saved.createdAt } };
    },
  }),
];
