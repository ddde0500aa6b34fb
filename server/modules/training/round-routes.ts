import { z } from 'zod';
import { FeedbackEnvelopeSchema, ParticipantsSchema, ReviewCaseSchema, TrainingRoundEnvelopeSchema, TrainingRoundListSchema } from '../../contracts/api/training';
import { MarkSchema, TrainingCaseDataSchema } from '../../contracts/training';
import { AppError, conflict, unprocessable } from '../../errors';
import { created, route, type RouteDef } from '../../http/route';
import { groupOf } from '../codesign/guards';
import { trainingRoundOf } from './guards';
import { caseForReview, feedbackFor, loadRound, parseResult, presentRound, roundCase, type RoundCase } from './rounds';
import { markProblems, scoreAnswer } from './scoring';

const Id = z.string().min(1).max(40);
const RoundParams = z.object({ id: Id });
const CaseParams = z.object({ id: Id, caseId: Id });
/** A late answer within this margin of the time limit is not marked as over time (network, a slow click). */
const GRACE_MS = 30_000;

const roundClosed = () => conflict('Omgången är stängd. Svar tas inte emot längre.', 'round_closed');

/** Training rounds: setup by the group or a lead, review and sign-off by participants, feedback at once. */
export const trainingRoundRoutes: RouteDef[] = [
  route({
    method: 'post',
    path: '/groups/:id/training-rounds',
    response: TrainingRoundEnvelopeSchema,
    access: ['designer', 'lead'],
    summary: 'Ny övningsomgång (övningsfall, deltagare, flaggor, tidsgräns)',
    params: z.object({ id: Id }),
    body: z.object({
      name: z.string().trim().min(1, 'Ge omgången ett namn').max(120),
      caseIds: z.array(Id).min(1, 'Välj minst ett övningsfall').max(50),
      participantIds: z.array(Id).min(1, 'Välj minst en deltagare').max(500),
      showFlags: z.boolean(),
      timeLimitMinutes: z.number().int().min(1).max(120).nullable().default(null),
    }),
    audit: { action: 'training.round_create', kind: 'write' },
    guard: groupOf('member'),
    handler: async (ctx) => {
      const { deps, user, body, resource: group } = ctx;
      const db = deps.db.prisma;
      const caseIds = [...new Set(body.caseIds)];
      const participantIds = [...new Set(body.participantIds)];
      const rows = await db.trainingCase.findMany({ where: { id: { in: caseIds }, groupId: group.id } });
      const missingCases = caseIds.flatMap((id, i) => (rows.some((r) => r.id === id) ? [] : [{ field: `body.caseIds.${i}`, message: 'Övningsfallet finns inte i arbetsgruppen' }]));
      const people = await db.user.findMany({ where: { id: { in: participantIds }, active: true, roles: { some: { role: 'clinician' } } }, select: { id: true } });
      const missingPeople = participantIds.flatMap((id, i) => (people.some((p) => p.id === id) ? [] : [{ field: `body.participantIds.${i}`, message: 'Ingen aktiv kliniker med det id:t' }]));
      if (missingCases.length + missingPeople.length > 0) throw unprocessable('Omgången kunde inte skapas. Inget sparades.', [...missingCases, ...missingPeople]);
      const cases: RoundCase[] = caseIds.map((id) => {
        const r = rows.find((x) => x.id === id)!;
        return { caseId: r.id, slug: r.slug, title: r.title, data: TrainingCaseDataSchema.parse(r.data) };
      });
      const round = await db.trainingRound.create({
        data: {
          groupId: group.id,
          name: body.name,
          showFlags: body.showFlags,
          timeLimitSeconds: body.timeLimitMinutes === null ? null : body.timeLimitMinutes * 60,
          cases,
          createdById: user.id,
          participants: { create: participantIds.map((userId) => ({ userId })) },
        },
      });
      ctx.auditDetails = { roundId: round.id, cases: cases.length, participants: participantIds.length };
      return created({ round: await presentRound(deps, await loadRound(deps, round.id), user) }, `/api/v1/training-rounds/${round.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/training/participants',
    response: ParticipantsSchema,
    access: ['designer', 'lead'],
    summary: 'Kliniker som kan delta i en övningsomgång',
    handler: async ({ deps }) => {
      const users = await deps.db.prisma.user.findMany({
        where: { active: true, roles: { some: { role: 'clinician' } } },
        select: { id: true, displayName: true, profession: { select: { name: true } }, careUnit: { select: { name: true } } },
        orderBy: { displayName: 'asc' },
      });
      return { participants: users.map((u) => ({ id: u.id, displayName: u.displayName, profession: u.profession?.name ?? null, careUnit: u.careUnit?.name ?? null })) };
    },
  }),
  route({
    method: 'get',
    path: '/groups/:id/training-rounds',
    response: TrainingRoundListSchema,
    access: ['designer', 'lead', 'admin'],
    summary: 'Arbetsgruppens övningsomgångar med deltagarnas framsteg',
    params: z.object({ id: Id }),
    guard: groupOf('member'),
    handler: async ({ deps, user, resource: group }) => {
      const rows = await deps.db.prisma.trainingRound.findMany({ where: { groupId: group.id }, orderBy: { createdAt: 'desc' }, select: { id: true } });
      return { rounds: await Promise.all(rows.map(async (r) => presentRound(deps, await loadRound(deps, r.id), user))) };
    },
  }),
  route({
    method: 'get',
    path: '/training-rounds/mine',
    response: TrainingRoundListSchema,
    access: 'authenticated',
    summary: 'Övningsomgångar där jag deltar',
    handler: async ({ deps, user }) => {
      const rows = await deps.db.prisma.trainingParticipant.findMany({ where: { userId: user.id }, select: { roundId: true }, orderBy: { round: { createdAt: 'desc' } } });
      return { rounds: await Promise.all(rows.map(async (r) => presentRound(deps, await loadRound(deps, r.roundId), { ...user, roles: ['clinician'] }))) };
    },
  }),
  route({
    method: 'get',
    path: '/training-rounds/:id',
    response: TrainingRoundEnvelopeSchema,
    access: 'authenticated',
    summary: 'En övningsomgång',
    params: RoundParams,
    guard: trainingRoundOf('memberOrParticipant'),
    handler: async ({ deps, user, resource: round }) => {
      return { round: await presentRound(deps, round, user) };
    },
  }),
  route({
    method: 'post',
    path: '/training-rounds/:id/close',
    response: TrainingRoundEnvelopeSchema,
    access: ['designer', 'lead'],
    summary: 'Stäng en övningsomgång (inga fler svar)',
    params: RoundParams,
    audit: { action: 'training.round_close', kind: 'write' },
    guard: trainingRoundOf('member'),
    handler: async ({ deps, user, resource: round }) => {
      const { count } = await deps.db.prisma.trainingRound.updateMany({ where: { id: round.id, status: 'open' }, data: { status: 'closed', closedAt: new Date() } });
      if (count === 0) throw conflict('Omgången är redan stängd.', 'round_closed');
      return { round: await presentRound(deps, await loadRound(deps, round.id), user) };
    },
  }),
  route({
    method: 'get',
    path: '/training-rounds/:id/cases/:caseId',
    response: ReviewCaseSchema,
    access: 'authenticated',
    summary: 'Granska ett övningsfall (klockan startar vid första öppningen)',
    params: CaseParams,
    guard: trainingRoundOf('participant'),
    handler: async ({ deps, user, params, resource: round }) => {
      const c = roundCase(round, params.caseId);
      const key = { roundId_userId_caseId: { roundId: round.id, userId: user.id, caseId: c.caseId } };
      let answer = await deps.db.prisma.trainingAnswer.findUnique({ where: key });
      if (!answer && round.status === 'open') {
        answer = await deps.db.prisma.trainingAnswer.upsert({
          where: key,
          create: { roundId: round.id, userId: user.id, caseId: c.caseId, showFlags: round.showFlags, professionId: user.professionId, careUnitId: user.careUnitId },
          update: {},
        });
      }
      const submitted = answer?.submittedAt ? answer : null;
      return {
        round: { id: round.id, name: round.name, status: round.status, showFlags: round.showFlags, timeLimitSeconds: round.timeLimitSeconds },
        case: caseForReview(round, c),
        startedAt: answer?.startedAt ?? null,
        feedback: submitted ? feedbackFor(c, z.array(MarkSchema).parse(submitted.marks), parseResult(submitted.result), submitted.durationMs) : null,
      };
    },
  }),
  route({
    method: 'post',
    path: '/training-rounds/:id/participants/:userId/cases/:caseId/answer',
    response: FeedbackEnvelopeSchema,
    access: 'authenticated',
    summary: 'Signera granskningen av ett övningsfall och få återkoppling',
    params: z.object({ id: Id, userId: Id, caseId: Id }),
    body: z.object({ marks: z.array(MarkSchema).max(100) }),
    audit: { action: 'training.answer', kind: 'write' },
    guard: trainingRoundOf('participant'),
    handler: async ({ deps, user, params, body, resource: round }) => {
      if (params.userId !== user.id) throw new AppError(403, 'not_your_answer', 'Saknar behörighet', 'Du kan bara svara för dig själv.', [{ field: 'params.userId', message: 'Inte du' }]);
      const c = roundCase(round, params.caseId);
      if (round.status !== 'open') throw roundClosed();
      const problems = markProblems(c.data, body.marks);
      if (problems.length > 0) throw unprocessable('En markering ligger utanför utkastet. Inget sparades.', problems, 'mark_not_in_draft');
      const key = { roundId_userId_caseId: { roundId: round.id, userId: user.id, caseId: c.caseId } };
      const opened = await deps.db.prisma.trainingAnswer.findUnique({ where: key });
      if (opened?.submittedAt) throw conflict('Du har redan signerat det här övningsfallet.', 'already_answered');
      const now = new Date();
      const startedAt = opened?.startedAt ?? now;
      const durationMs = now.getTime() - startedAt.getTime();
      const result = scoreAnswer(c.data, body.marks);
      const counts = {
        submittedAt: now,
        durationMs,
        overTime: round.timeLimitSeconds !== null && durationMs > round.timeLimitSeconds * 1000 + GRACE_MS,
        marks: body.marks,
        result,
        planted: result.errors.length,
        found: result.errors.filter((e) => e.found).length,
        criticalPlanted: result.errors.filter((e) => e.critical).length,
        criticalFound: result.errors.filter((e) => e.critical && e.found).length,
        falseMarks: result.falseMarks.length,
        professionId: user.professionId,
        careUnitId: user.careUnitId,
      };
      // One conditional write: a second tab or a double click cannot sign twice, and a round closed meanwhile takes nothing.
      const saved = await deps.db.prisma.$transaction(async (tx) => {
        if ((await tx.trainingRound.count({ where: { id: round.id, status: 'open' } })) === 0) throw roundClosed();
        if (!opened) {
          await tx.trainingAnswer.create({ data: { roundId: round.id, userId: user.id, caseId: c.caseId, showFlags: round.showFlags, startedAt, ...counts } });
          return 1;
        }
        return (await tx.trainingAnswer.updateMany({ where: { id: opened.id, submittedAt: null }, data: counts })).count;
      });
      if (saved === 0) throw conflict('Du har redan signerat det här övningsfallet.', 'already_answered');
      return { feedback: feedbackFor(c, body.marks, result, durationMs) };
    },
  }),
];
