import crypto from 'node:crypto';
import type { AppDeps } from '../../../deps';
import { followupData, type FollowupData } from '../dashboard';
import { factWhere, toFilters } from '../filters';
import { professionName, unitName, versionName } from '../labels';
import { MIN_CLINICIANS } from '../../../../evals/metrics/time-saved';
import { MIN_GROUP, REPORT_BUDGET } from '../stats';
import { readiness } from '../../training/readiness';
import { recommend, type RecommendationResult } from './recommendation';
import { demoPilotInfo, type PilotInfo } from '../../../seed/demo-pilot';

/**
 * Everything a report prints, gathered once: the follow-up figures grouped by
 * workflow version (the finest grouping a plan chapter needs; per profession
 * comes with it), a recommendation per profession, and anonymised event rows
 * (one per note; a pseudonymous id, no text, no names, rows of groups with
 * fewer than five notes or five clinicians left out).
 */
export interface EventRow {
  id: string;
  date: string;
  profession: string;
  careUnit: string;
  workflowVersion: string;
  noteType: string;
  mode: string;
  activeMinutes: number | null;
  totalMinutes: number | null;
  rating: number | null;
  sentences: number;
  flags: number;
  flagsFixed: number;
  flagsDismissed: number;
  editChars: number | null;
}

export interface ReportData {
  data: FollowupData;
  professions: { id: string; code: string; name: string; recommendation: RecommendationResult }[];
  events: EventRow[];
  eventsLeftOut: number;
  /** the invented demo pilot, while it is in the database: the report says so at its top */
  demoPilot: PilotInfo | null;
  /** review training readiness now (training is not tied to the report's period) */
  training: Awaited<ReturnType<typeof readiness>>;
}

const pseudonym = (id: string) => crypto.createHash('sha256').update(`jv-report:${id}`).digest('hex').slice(0, 12);

export async function reportData(deps: AppDeps, from: string, to: string): Promise<ReportData> {
  const filters = toFilters({ from, to, groupBy: 'workflowVersion' });
  const data = await followupData(deps, filters, REPORT_BUDGET, ['noteType', 'careUnit', 'month']);
  const present = new Set([...data.time.byProfession.map((g) => g.professionId), ...data.quality.byProfession.map((q) => q.professionId)]);
  const professions = [...data.labels.professions.values()]
    .filter((p) => present.has(p.id))
    .map((p) => ({
      ...p,
      recommendation: recommend(
        data.time.byProfession.find((g) => g.professionId === p.id),
        data.quality.byProfession.find((q) => q.professionId === p.id),
        data.quality.labelMoves.filter((m) => m.professionId === p.id),
      ),
    }));

  const facts = await deps.db.prisma.noteFact.findMany({ where: factWhere(filters), orderBy: [{ signedAt: 'asc' }, { signedNoteId: 'asc' }] });
  // a (profession, unit, mode) group is listed only with at least five notes by at least five clinicians
  const groupSize = new Map<string, number>();
  const groupClinicians = new Map<string, Set<string | null>>();
  const groupOf = (f: (typeof facts)[number]) => `${f.professionId}|${f.careUnitId}|${f.mode}`;
  for (const f of facts) {
    groupSize.set(groupOf(f), (groupSize.get(groupOf(f)) ?? 0) + 1);
    groupClinicians.set(groupOf(f), (groupClinicians.get(groupOf(f)) ?? new Set()).add(f.clinicianId));
  }
  const kept = facts.filter((f) => groupSize.get(groupOf(f))! >= MIN_GROUP && groupClinicians.get(groupOf(f))!.size >= MIN_CLINICIANS);
  const events = kept.map((f) => ({
    id: pseudonym(f.signedNoteId),
    date: f.signedAt.toISOString().slice(0, 10),
    profession: professionName(data.labels, f.professionId),
    careUnit: unitName(data.labels, f.careUnitId),
    workflowVersion: f.mode === 'ai' ? versionName(data.labels, f.workflowVersionId) : '',
    noteType: f.noteType ?? '',
    mode: f.mode === 'baseline' ? 'baslinje' : 'AI-stöd',
    activeMinutes: f.activeMs === null ? null : f.activeMs / 60_000,
    totalMinutes: f.totalMs === null ? null : f.totalMs / 60_000,
    rating: f.rating,
    sentences: f.sentences,
    flags: f.flags,
    flagsFixed: f.flagsFixed,
    flagsDismissed: f.flagsDismissed,
    editChars: f.editChars,
  }));
  return { data, professions, events, eventsLeftOut: facts.length - kept.length, training: await readiness(deps), demoPilot: await demoPilotInfo(deps) };
}
