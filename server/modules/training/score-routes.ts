import { z } from 'zod';
import { MyScoresSchema, ReadinessSchema, SummarySchema } from '../../contracts/api/training';
import { ReadinessLineSchema } from '../../contracts/training';
import { route, type RouteDef } from '../../http/route';
import { groupOf } from '../codesign/guards';
import { csvCell } from '../audit/routes';
import { readiness, writeReadinessLine } from './readiness';
import { groupScores, myScores } from './scores';

const Id = z.string().min(1).max(40);
const RECORD_COLUMNS = ['användarnamn', 'namn', 'yrkesgrupp', 'vårdenhet', 'omgång', 'övningsfall', 'påbörjat', 'signerat', 'sekunder', 'över tidsgräns', 'flaggor visade', 'planterade fel', 'hittade', 'kritiska planterade', 'kritiska hittade', 'falsklarm', 'omgången genomförd'] as const;

/** A spreadsheet must not run a name as a formula: cells starting with = + - @ get a leading apostrophe. */
const safeCell = (v: unknown) => csvCell(typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v);

/** Scores (own; aggregated for groups and leads), readiness for the plan, and the AI-literacy record. */
export const trainingScoreRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/training/me',
    response: MyScoresSchema,
    access: 'authenticated',
    summary: 'Mina resultat från granskningsträningen (bara för mig)',
    handler: async ({ deps, user }) => ({ scores: await myScores(deps, user.id) }),
  }),
  route({
    method: 'get',
    path: '/groups/:id/training/summary',
    response: SummarySchema,
    access: ['designer', 'lead', 'admin'],
    summary: 'Arbetsgruppens träningsresultat, sammanräknat över minst fem personer',
    params: z.object({ id: Id }),
    guard: groupOf('member'),
    handler: async ({ deps, resource: group }) => {
      return { summary: await groupScores(deps, { groupId: group.id }) };
    },
  }),
  route({
    method: 'get',
    path: '/training/summary',
    response: SummarySchema,
    access: ['lead', 'admin'],
    summary: 'Träningsresultat för alla yrkesgrupper, sammanräknat över minst fem personer',
    handler: async ({ deps }) => ({ summary: await groupScores(deps, {}) }),
  }),
  route({
    method: 'get',
    path: '/followup/training-readiness',
    response: ReadinessSchema,
    access: ['lead', 'admin'],
    summary: 'Beredskap per yrkesgrupp och vårdenhet: andel utbildade och upptäckt av kritiska fel',
    handler: async ({ deps }) => readiness(deps),
  }),
  route({
    method: 'put',
    path: '/followup/training-readiness/line',
    response: ReadinessSchema,
    access: ['lead'],
    summary: 'Projektledarens beredskapsgräns (andel utbildade, upptäckt)',
    body: ReadinessLineSchema,
    audit: { action: 'training.readiness_line', kind: 'write' },
    handler: async ({ deps, body }) => {
      await writeReadinessLine(deps, body);
      return readiness(deps);
    },
  }),
  route({
    method: 'get',
    path: '/admin/training-record.csv',
    response: 'file',
    access: ['admin'],
    summary: 'AI-kunnighet: vem som genomfört vilken träning och när (CSV)',
    audit: { action: 'training.record_export', kind: 'export' },
    handler: async ({ deps, res }) => {
      const db = deps.db.prisma;
      const [answers, rounds] = await Promise.all([
        db.trainingAnswer.findMany({ where: { submittedAt: { not: null } }, orderBy: [{ userId: 'asc' }, { submittedAt: 'asc' }] }),
        db.trainingRound.findMany({ select: { id: true, name: true, cases: true } }),
      ]);
      const [users, professions, units] = await Promise.all([
        db.user.findMany({ where: { id: { in: [...new Set(answers.map((a) => a.userId))] } }, select: { id: true, username: true, displayName: true } }),
        db.profession.findMany({ select: { id: true, name: true } }),
        db.careUnit.findMany({ select: { id: true, name: true } }),
      ]);
      const doneCount = new Map<string, number>();
      for (const a of answers) doneCount.set(`${a.roundId}|${a.userId}`, (doneCount.get(`${a.roundId}|${a.userId}`) ?? 0) + 1);
      const lines = answers.map((a) => {
        const u = users.find((x) => x.id === a.userId);
        const round = rounds.find((r) => r.id === a.roundId);
        const cases = (round?.cases ?? []) as { caseId: string; title: string }[];
        return [
          u?.username, u?.displayName, professions.find((p) => p.id === a.professionId)?.name, units.find((x) => x.id === a.careUnitId)?.name,
          round?.name, cases.find((c) => c.caseId === a.caseId)?.title, a.startedAt, a.submittedAt, a.durationMs === null ? '' : Math.round(a.durationMs / 1000),
          a.overTime ? 'ja' : 'nej', a.showFlags ? 'ja' : 'nej', a.planted, a.found, a.criticalPlanted, a.criticalFound, a.falseMarks,
          (doneCount.get(`${a.roundId}|${a.userId}`) ?? 0) >= cases.length ? 'ja' : 'nej',
        ].map(safeCell).join(';');
      });
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', 'attachment; filename="ai-kunnighet-granskningstraning.csv"');
      res.status(200).send('\ufeff' + [RECORD_COLUMNS.join(';'), ...lines].join('\n') + '\n');
    },
  }),
];
