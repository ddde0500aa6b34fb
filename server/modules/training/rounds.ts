import { z } from 'zod';
import { ERROR_KIND_SV, TrainingCaseDataSchema, type Mark } from '../../contracts/training';
import type { AppDeps } from '../../deps';
import { notFound } from '../../errors';
import type { SessionUser } from '../../http/route';
import { isGroupMember } from '../codesign/workflows/access';
import { flagsFor } from './flags';
import { AnswerResultSchema, type AnswerResult } from './scoring';

/** Training rounds: loading with their case snapshots, who may do what, and what a participant sees. */
export const RoundCaseSchema = z.object({ caseId: z.string(), slug: z.string(), title: z.string(), data: TrainingCaseDataSchema });
export type RoundCase = z.infer<typeof RoundCaseSchema>;

export async function loadRound(deps: AppDeps, id: string) {
  const round = await deps.db.prisma.trainingRound.findUnique({ where: { id }, include: { participants: { select: { userId: true } } } });
  if (!round) throw notFound('Övningsomgången');
  return { ...round, cases: z.array(RoundCaseSchema).parse(round.cases), participantIds: round.participants.map((p) => p.userId) };
}
export type Round = Awaited<ReturnType<typeof loadRound>>;

export const mayManage = (user: SessionUser, round: { groupId: string }) => isGroupMember(user, round.groupId);
export const isParticipant = (user: SessionUser, round: Round) => round.participantIds.includes(user.id);

export function roundCase(round: Round, caseId: string): RoundCase {
  const c = round.cases.find((x) => x.caseId === caseId);
  if (!c) throw notFound('Övningsfallet i omgången');
  return c;
}

/** What a participant reviews: the consultation and the draft, never the planted errors; flags only when the round shows them. */
export function caseForReview(round: Round, c: RoundCase) {
  return {
    caseId: c.caseId,
    title: c.title,
    profession: c.data.profession,
    turns: c.data.turns.map((t, i) => ({ id: `t${i}`, speaker: t.speaker, text: t.text })),
    draft: c.data.draft,
    flags: round.showFlags ? flagsFor(c.data) : null,
  };
}

/** The feedback after signing off: each planted error with the words that were said, and each false alarm. */
export function feedbackFor(c: RoundCase, marks: readonly Mark[], result: AnswerResult, durationMs: number | null) {
  const { data } = c;
  const errors = data.errors.map((e) => {
    const scored = result.errors.find((x) => x.id === e.id);
    const turn = e.turn !== null ? data.turns[e.turn] : undefined;
    return {
      id: e.id,
      kind: e.kind,
      kindLabel: ERROR_KIND_SV[e.kind],
      critical: e.critical,
      section: e.section,
      heading: data.draft[e.section]?.heading ?? '',
      start: e.start,
      end: e.end,
      text: e.text.trim(),
      said: e.said,
      evidence: turn && e.turn !== null ? { turn: e.turn, speaker: turn.speaker, text: turn.text } : null,
      found: scored?.found ?? false,
      kindCorrect: scored?.kindCorrect ?? false,
    };
  });
  const falseMarks = result.falseMarks.map((i) => {
    const m = marks[i]!;
    return m.type === 'span'
      ? { type: 'span' as const, section: m.section, heading: data.draft[m.section]?.heading ?? '', text: data.draft[m.section]?.text.slice(m.start, m.end) ?? '', kindLabel: ERROR_KIND_SV[m.kind] }
      : { type: 'missing' as const, section: m.section, heading: m.section === null ? '' : (data.draft[m.section]?.heading ?? ''), text: m.text, kindLabel: ERROR_KIND_SV.omission };
  });
  return {
    planted: errors.length,
    found: errors.filter((e) => e.found).length,
    missed: errors.filter((e) => !e.found).length,
    falseMarks: falseMarks.length,
    durationMs,
    errors,
    falseMarkList: falseMarks,
  };
}

export const parseResult = (value: unknown) => AnswerResultSchema.parse(value);

export async function presentRound(deps: AppDeps, round: Round, forUser: SessionUser) {
  const manage = mayManage(forUser, round);
  const answers = await deps.db.prisma.trainingAnswer.findMany({
    where: { roundId: round.id, submittedAt: { not: null }, ...(manage ? {} : { userId: forUser.id }) },
    select: { userId: true, caseId: true },
  });
  const users = manage ? await deps.db.prisma.user.findMany({ where: { id: { in: round.participantIds } }, select: { id: true, displayName: true } }) : [];
  return {
    id: round.id,
    groupId: round.groupId,
    name: round.name,
    status: round.status,
    showFlags: round.showFlags,
    timeLimitSeconds: round.timeLimitSeconds,
    createdAt: round.createdAt,
    closedAt: round.closedAt,
    cases: round.cases.map((c) => ({ caseId: c.caseId, title: c.title, answered: answers.some((a) => a.caseId === c.caseId && a.userId === forUser.id) })),
    participants: manage
      ? round.participantIds.map((id) => ({ id, displayName: users.find((u) => u.id === id)?.displayName ?? null, answered: answers.filter((a) => a.userId === id).length }))
      : null,
  };
}
