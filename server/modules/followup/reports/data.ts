import type { AppDeps } from '../../../deps';
import { followupData, type FollowupData } from '../dashboard';
import { toFilters } from '../filters';
import { REPORT_BUDGET } from '../stats';
import { reportEvents, type Events } from './events';
import { readiness } from '../../training/readiness';
import { recommend, type RecommendationResult } from './recommendation';
import { demoPilotInfo, type PilotInfo } from '../../../seed/demo-pilot';

/**
 * Everything a report prints, gathered once: the follow-up figures grouped by
 * workflow version (the finest grouping a plan chapter needs; per profession
 * comes with it), a recommendation per profession, and the anonymised event
 * rows (events.ts: counted here, read in batches while the XLSX is written).
 */
export interface ReportData {
  data: FollowupData;
  professions: { id: string; code: string; name: string; recommendation: RecommendationResult }[];
  events: Events;
  /** the invented demo pilot, while it is in the database: the report says so at its top */
  demoPilot: PilotInfo | null;
  /** review training readiness now (training is not tied to the report's period) */
  training: Awaited<ReturnType<typeof readiness>>;
}

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

  return { data, professions, events: await reportEvents(deps, filters, data.labels), training: await readiness(deps), demoPilot: await demoPilotInfo(deps) };
}
