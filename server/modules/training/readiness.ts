import type { Readiness, ReadinessRow } from '../../contracts/api/training';
import { DEFAULT_READINESS_LINE, ReadinessLineSchema, type ReadinessLine } from '../../contracts/training';
import type { AppDeps } from '../../deps';
import { MIN_PEOPLE, perPersonDetection } from './scores';

/**
 * Readiness for the implementation plan, per profession and per care unit:
 * how many of its clinicians completed training (signed every case of at
 * least one round they were in), and their detection rate of critical
 * planted errors (mean over people; shown only over ≥ MIN_PEOPLE people).
 * A group is ready when both meet the lead's line.
 */
const SETTING_KEY = 'training.readiness';

export async function readReadinessLine(deps: AppDeps): Promise<ReadinessLine & { updatedAt: string | null }> {
  const row = await deps.db.prisma.setting.findUnique({ where: { key: SETTING_KEY } });
  const parsed = ReadinessLineSchema.safeParse(row?.value);
  return { ...(parsed.success ? parsed.data : DEFAULT_READINESS_LINE), updatedAt: row && parsed.success ? row.updatedAt.toISOString() : null };
}

export async function writeReadinessLine(deps: AppDeps, line: ReadinessLine): Promise<void> {
  await deps.db.prisma.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value: line }, update: { value: line } });
}

/** Users who signed every case of at least one round they took part in. */
async function trainedUsers(deps: AppDeps): Promise<Set<string>> {
  const db = deps.db.prisma;
  const [rounds, done] = await Promise.all([
    db.trainingRound.findMany({ select: { id: true, cases: true, participants: { select: { userId: true } } } }),
    db.trainingAnswer.groupBy({ by: ['roundId', 'userId'], where: { submittedAt: { not: null } }, _count: { _all: true } }),
  ]);
  const size = new Map(rounds.map((r) => [r.id, (r.cases as unknown[]).length]));
  return new Set(done.filter((d) => d._count._all >= (size.get(d.roundId) ?? Infinity)).map((d) => d.userId));
}

export async function readiness(deps: AppDeps): Promise<Readiness> {
  const db = deps.db.prisma;
  const [line, trained, clinicians, answers, professions, units] = await Promise.all([
    readReadinessLine(deps),
    trainedUsers(deps),
    db.user.findMany({ where: { active: true, professionId: { not: null }, roles: { some: { role: 'clinician' } } }, select: { id: true, professionId: true, careUnitId: true } }),
    db.trainingAnswer.findMany({ where: { submittedAt: { not: null } }, select: { userId: true, roundId: true, professionId: true, careUnitId: true, showFlags: true, submittedAt: true, durationMs: true, falseMarks: true, result: true } }),
    db.profession.findMany({ select: { id: true, name: true } }),
    db.careUnit.findMany({ select: { id: true, name: true } }),
  ]);
  const row = (professionId: string, careUnitId: string | null): ReadinessRow => {
    const members = clinicians.filter((c) => c.professionId === professionId && (careUnitId === null || c.careUnitId === careUnitId));
    const ids = new Set(members.map((m) => m.id));
    const done = members.filter((m) => trained.has(m.id)).length;
    const detection = perPersonDetection(answers.filter((a) => ids.has(a.userId)), (e) => e.critical);
    const shown = detection.people >= MIN_PEOPLE ? detection.detection : null;
    const share = members.length === 0 ? null : done / members.length;
    return {
      professionId,
      profession: professions.find((p) => p.id === professionId)?.name ?? '',
      careUnitId,
      careUnit: careUnitId === null ? null : (units.find((u) => u.id === careUnitId)?.name ?? ''),
      clinicians: members.length,
      trained: done,
      trainedShare: share,
      people: detection.people,
      criticalDetection: shown,
      ready: share !== null && shown !== null && share >= line.minTrainedShare && shown >= line.minCriticalDetection,
    };
  };
  const professionIds = [...new Set(clinicians.map((c) => c.professionId!))];
  const pairs = [...new Set(clinicians.filter((c) => c.careUnitId).map((c) => `${c.professionId}|${c.careUnitId}`))].map((k) => k.split('|') as [string, string]);
  const byName = (a: ReadinessRow, b: ReadinessRow) => a.profession.localeCompare(b.profession, 'sv') || (a.careUnit ?? '').localeCompare(b.careUnit ?? '', 'sv');
  return {
    line,
    minPeople: MIN_PEOPLE,
    byProfession: professionIds.map((p) => row(p, null)).sort(byName),
    byUnit: pairs.map(([p, u]) => row(p, u)).sort(byName),
  };
}

export const READINESS_RULE_SV = (line: ReadinessLine) =>
  `Redo för produktion: minst ${Math.round(line.minTrainedShare * 100)} % av klinikerna har genomfört granskningsträningen och upptäckten av kritiska planterade fel är minst ${line.minCriticalDetection.toLocaleString('sv-SE')} (medel per person, visas bara över minst ${MIN_PEOPLE} personer).`;
