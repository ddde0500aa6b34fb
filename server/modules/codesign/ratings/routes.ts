import crypto from 'node:crypto';
import { z } from 'zod';
import { TestCaseSchema } from '../../../contracts/testcase';
import { badRequest, conflict } from '../../../errors';
import { created, route, type RouteDef } from '../../../http/route';
import { groupOf, ratingRoundOf } from '../guards';
import type { CaseOutput } from '../evalruns/evaluate-case';
import { raterQueue } from './assign';
import { checkScores, formItems, RatingBodySchema, RoundFormSchema, type RoundConfig } from './items';
import { isRater, loadRound, mayManage, presentRound, resultsOf } from './service';
import { QueueSchema, RatedSchema, ResultsSchema, RoundEnvelopeSchema, RoundListSchema } from '../../../contracts/api/ratings';

const Id = z.string().min(1).max(40);
const RoundParams = z.object({ id: Id });

/** Blind pairwise rating rounds: setup by the group, queues for raters, results with agreement. */
export const ratingRoutes: RouteDef[] = [
  route({
    method: 'post',
    path: '/groups/:id/rating-rounds',
    response: RoundEnvelopeSchema,
    access: ['designer', 'lead'],
    summary: 'Ny blind bedömningsomgång (två versioner, testfall, bedömare)',
    params: z.object({ id: Id }),
    body: z.object({
      name: z.string().trim().min(1).max(120),
      runAId: Id,
      runBId: Id,
      caseIds: z.array(Id).min(1).max(200).optional(),
      raterIds: z.array(Id).min(1).max(50),
      seed: z.number().int().min(0).max(2 ** 31).optional(),
      /** the full form (default) or the short one: preference plus three chosen items */
      form: RoundFormSchema.default({ kind: 'full' }),
    }),
    guard: groupOf('member'),
    handler: async ({ deps, user, body, resource: group }) => {
      const db = deps.db.prisma;
      const runs = await db.evalRun.findMany({ where: { id: { in: [body.runAId, body.runBId] } }, include: { workflowVersion: { include: { workflow: true } }, results: { select: { caseId: true } } } });
      const runA = runs.find((r) => r.id === body.runAId);
      const runB = runs.find((r) => r.id === body.runBId);
      if (!runA || !runB) throw badRequest('Körningen finns inte.', [{ field: !runA ? 'body.runAId' : 'body.runBId', message: 'Finns inte' }]);
      for (const [run, field] of [[runA, 'body.runAId'], [runB, 'body.runBId']] as const) {
        if (run.workflowVersion.workflow.groupId !== group.id) throw badRequest('Körningen hör till en annan arbetsgrupp.', [{ field, message: 'Annan arbetsgrupp' }]);
        if (run.status !== 'succeeded') throw badRequest('Körningen är inte klar.', [{ field, message: 'Inte klar' }]);
      }
      if (runA.workflowVersionId === runB.workflowVersionId) throw badRequest('Välj körningar av två olika versioner.', [{ field: 'body.runBId', message: 'Samma version' }]);
      const inB = new Set(runB.results.map((r) => r.caseId));
      const common = runA.results.map((r) => r.caseId).filter((id) => inB.has(id));
      const caseIds = body.caseIds ?? common;
      if (caseIds.length === 0 || caseIds.some((id) => !common.includes(id))) {
        throw badRequest('Testfallen måste finnas i båda körningarna.', [{ field: 'body.caseIds', message: 'Saknas i en körning' }]);
      }
      const members = await db.groupMember.findMany({ where: { groupId: group.id, userId: { in: body.raterIds } } });
      if (members.length !== new Set(body.raterIds).size) throw badRequest('Bedömarna måste vara medlemmar i arbetsgruppen.', [{ field: 'body.raterIds', message: 'Inte medlem' }]);
      const config: RoundConfig = {
        versionIds: [runA.workflowVersionId, runB.workflowVersionId],
        runIds: [runA.id, runB.id],
        caseIds: [...new Set(caseIds)],
        raterIds: [...new Set(body.raterIds)],
        seed: body.seed ?? crypto.randomInt(0, 2 ** 31),
        form: body.form,
      };
      const round = await db.ratingRound.create({ data: { groupId: group.id, name: body.name, config, createdById: user.id } });
      return created({ round: await presentRound(deps, await loadRound(deps, round.id), true) }, `/api/v1/rating-rounds/${round.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/groups/:id/rating-rounds',
    response: RoundListSchema,
    access: ['designer', 'lead', 'admin'],
    summary: 'Arbetsgruppens bedömningsomgångar',
    params: z.object({ id: Id }),
    guard: groupOf('member'),
    handler: async ({ deps, resource: group }) => {
      const rows = await deps.db.prisma.ratingRound.findMany({ where: { groupId: group.id }, orderBy: { createdAt: 'desc' }, select: { id: true } });
      return { rounds: await Promise.all(rows.map(async (r) => presentRound(deps, await loadRound(deps, r.id), true))) };
    },
  }),
  route({
    method: 'get',
    path: '/rating-rounds/mine',
    response: RoundListSchema,
    access: 'authenticated',
    summary: 'Bedömningsomgångar där jag är bedömare',
    handler: async ({ deps, user }) => {
      const rows = await deps.db.prisma.ratingRound.findMany({ where: { groupId: { in: user.groupIds } }, orderBy: { createdAt: 'desc' }, select: { id: true } });
      const rounds = await Promise.all(rows.map((r) => loadRound(deps, r.id)));
      const mine = rounds.filter((r) => isRater(user, r));
      return { rounds: await Promise.all(mine.map((r) => presentRound(deps, r, r.status === 'closed'))) };
    },
  }),
  route({
    method: 'get',
    path: '/rating-rounds/:id',
    response: RoundEnvelopeSchema,
    access: 'authenticated',
    summary: 'En bedömningsomgång',
    params: RoundParams,
    guard: ratingRoundOf('memberOrRater'),
    handler: async ({ deps, user, resource: round }) => ({ round: await presentRound(deps, round, mayManage(user, round) || round.status === 'closed') }),
  }),
  route({
    method: 'get',
    path: '/rating-rounds/:id/queue',
    response: QueueSchema,
    access: 'authenticated',
    summary: 'Min kö av blinda par (A/B)',
    params: RoundParams,
    guard: ratingRoundOf('rater'),
    handler: async ({ deps, user, resource: round }) => {
      const db = deps.db.prisma;
      const slots = raterQueue(round.id, round.config, user.id);
      const [cases, results, given] = await Promise.all([
        db.testCase.findMany({ where: { id: { in: round.config.caseIds } } }),
        db.evalResult.findMany({ where: { runId: { in: round.config.runIds }, caseId: { in: round.config.caseIds } } }),
        db.rating.findMany({ where: { roundId: round.id, raterId: user.id } }),
      ]);
      const outputOf = (runId: string, caseId: string) =>
        ((results.find((r) => r.runId === runId && r.caseId === caseId)?.output as unknown as CaseOutput | undefined)?.sections ?? []).map((s) => ({ heading: s.heading, text: s.text }));
      return {
        round: { id: round.id, name: round.name, status: round.status },
        items: formItems(round.config.form),
        pairs: slots.map((slot) => {
          const data = cases.find((c) => c.id === slot.caseId);
          const parsed = data ? TestCaseSchema.parse(data.data) : null;
          const rating = given.find((g) => g.pairKey === slot.pairKey);
          const aRun = round.config.runIds[slot.aIndex];
          const bRun = round.config.runIds[1 - slot.aIndex]!;
          return {
            pairKey: slot.pairKey,
            position: slot.position + 1,
            case: parsed ? { title: parsed.title, turns: parsed.turns } : null,
            a: outputOf(aRun, slot.caseId),
            b: outputOf(bRun, slot.caseId),
            rating: rating ? { scores: rating.scores, preference: rating.preference, comment: rating.comment } : null,
          };
        }),
      };
    },
  }),
  route({
    method: 'post',
    path: '/rating-rounds/:id/ratings',
    response: RatedSchema,
    access: 'authenticated',
    summary: 'Spara en bedömning av ett par',
    params: RoundParams,
    body: RatingBodySchema,
    guard: ratingRoundOf('rater'),
    handler: async ({ deps, user, body, resource: round }) => {
      if (round.status !== 'open') throw conflict('Omgången är stängd.', 'round_closed');
      const slot = raterQueue(round.id, round.config, user.id).find((s) => s.pairKey === body.pairKey);
      if (!slot) throw badRequest('Paret finns inte i din kö.', [{ field: 'body.pairKey', message: 'Okänt par' }]);
      for (const side of ['a', 'b'] as const) {
        const check = checkScores(round.config.form, body.scores[side]);
        if (!check.ok) {
          const label = formItems({ kind: 'full' }).find((i) => i.key === check.key)?.label ?? check.key;
          const message = check.missing ? `${side.toUpperCase()}: ${label} saknar betyg.` : `${side.toUpperCase()}: ${label} ingår inte i omgångens formulär.`;
          throw badRequest(message, [{ field: `body.scores.${side}.${check.key}`, message: check.missing ? 'Saknas' : 'Ingår inte' }]);
        }
      }
      const data = {
        caseId: slot.caseId,
        versionAId: round.config.versionIds[slot.aIndex],
        versionBId: round.config.versionIds[1 - slot.aIndex]!,
        scores: body.scores,
        preference: body.preference,
        comment: body.comment ?? null,
      };
      await deps.db.prisma.rating.upsert({
        where: { roundId_raterId_pairKey: { roundId: round.id, raterId: user.id, pairKey: slot.pairKey } },
        create: { roundId: round.id, raterId: user.id, pairKey: slot.pairKey, ...data },
        update: data,
      });
      const done = await deps.db.prisma.rating.count({ where: { roundId: round.id, raterId: user.id } });
      return { rated: done, of: round.config.caseIds.length };
    },
  }),
  route({
    method: 'post',
    path: '/rating-rounds/:id/close',
    response: RoundEnvelopeSchema,
    access: ['designer', 'lead'],
    summary: 'Stäng en bedömningsomgång',
    params: RoundParams,
    guard: ratingRoundOf('member'),
    handler: async ({ deps, resource: round }) => {
      if (round.status === 'closed') throw conflict('Omgången är redan stängd.', 'round_closed');
      await deps.db.prisma.ratingRound.update({ where: { id: round.id }, data: { status: 'closed', closedAt: new Date() } });
      return { round: await presentRound(deps, await loadRound(deps, round.id), true) };
    },
  }),
  route({
    method: 'get',
    path: '/rating-rounds/:id/results',
    response: ResultsSchema,
    access: 'authenticated',
    summary: 'Resultat per version med överensstämmelse (α)',
    params: RoundParams,
    guard: ratingRoundOf('results'),
    handler: async ({ deps, resource: round }) => {
      const results = await resultsOf(deps, round);
      const cases = await deps.db.prisma.testCase.findMany({ where: { id: { in: round.config.caseIds } }, select: { id: true, slug: true, title: true } });
      return {
        round: await presentRound(deps, round, true),
        ...results,
        splitCases: results.splitCases.map((c) => ({ ...c, slug: cases.find((x) => x.id === c.caseId)?.slug ?? null, title: cases.find((x) => x.id === c.caseId)?.title ?? null })),
      };
    },
  }),
];
