import type { AppDeps } from '../../../deps';
import { notFound } from '../../../errors';
import type { SessionUser } from '../../../http/route';
import { isGroupMember } from '../workflows/access';
import { RoundConfigSchema, type ItemScores, type RoundConfig } from './items';
import { roundResults, type RatingRow } from './results';

export async function loadRound(deps: AppDeps, id: string) {
  const round = await deps.db.prisma.ratingRound.findUnique({ where: { id } });
  if (!round) throw notFound('Bedömningsomgången');
  return { ...round, config: RoundConfigSchema.parse(round.config) };
}
export type Round = Awaited<ReturnType<typeof loadRound>>;

/** The group (its designers) and leads see everything, any time. */
export const mayManage = (user: SessionUser, round: Round) => isGroupMember(user, round.groupId);
export const isRater = (user: SessionUser, round: Round) => round.config.raterIds.includes(user.id);

export async function ratingRows(deps: AppDeps, roundId: string): Promise<RatingRow[]> {
  const rows = await deps.db.prisma.rating.findMany({ where: { roundId } });
  return rows.map((r) => ({
    raterId: r.raterId,
    caseId: r.caseId,
    versionAId: r.versionAId,
    versionBId: r.versionBId,
    scores: r.scores as unknown as { a: ItemScores; b: ItemScores },
    preference: r.preference as RatingRow['preference'],
  }));
}

export async function resultsOf(deps: AppDeps, round: { id: string; config: RoundConfig }) {
  return roundResults(round.config, await ratingRows(deps, round.id));
}

export async function presentRound(deps: AppDeps, round: Round, revealVersions: boolean) {
  const done = await deps.db.prisma.rating.groupBy({ by: ['raterId'], where: { roundId: round.id }, _count: { _all: true } });
  const users = await deps.db.prisma.user.findMany({ where: { id: { in: round.config.raterIds } }, select: { id: true, displayName: true } });
  const versions = revealVersions
    ? await deps.db.prisma.workflowVersion.findMany({ where: { id: { in: round.config.versionIds } }, select: { id: true, version: true, workflowId: true, workflow: { select: { name: true } } } })
    : [];
  return {
    id: round.id,
    groupId: round.groupId,
    name: round.name,
    status: round.status,
    createdAt: round.createdAt,
    closedAt: round.closedAt,
    cases: round.config.caseIds.length,
    form: round.config.form,
    raters: round.config.raterIds.map((id) => ({
      id,
      displayName: users.find((u) => u.id === id)?.displayName ?? null,
      rated: done.find((d) => d.raterId === id)?._count._all ?? 0,
    })),
    versions: revealVersions
      ? round.config.versionIds.map((id, i) => {
          const v = versions.find((x) => x.id === id);
          return { id, runId: round.config.runIds[i], version: v?.version ?? null, workflowId: v?.workflowId ?? null, workflowName: v?.workflow.name ?? null };
        })
      : null,
  };
}
