import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { refreshFacts } from './facts';
import { FilterQuerySchema, factWhere, type Filters } from './filters';
import { loadLabels, professionName, unitName, versionName } from './labels';
import { MIN_CLINICIANS, TOO_FEW_CLINICIANS_SV } from '../../../evals/metrics/time-saved';
import { MIN_GROUP, SUPPRESSED_SV } from './stats';

/**
 * From a figure to the notes behind it: the same group (profession and the
 * value of the grouping dimension) and mode. Rows carry ids, dates, times,
 * ratings and counts; never text, names or who wrote the note. A group too
 * small to show as a figure (fewer than five notes or clinicians) is too
 * small to list.
 */
export const DrillQuerySchema = FilterQuerySchema.extend({
  groupProfession: z.string().max(40).default(''),
  key: z.string().max(80).default(''),
  mode: z.enum(['ai', 'baseline']).default('ai'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
});
export type DrillQuery = z.infer<typeof DrillQuerySchema>;

export async function drillDown(deps: AppDeps, f: Filters, q: DrillQuery) {
  await refreshFacts(deps);
  const labels = await loadLabels(deps);
  const key = q.key || null;
  const dimension = (() => {
    switch (f.groupBy) {
      case 'profession':
        return {};
      case 'noteType':
        return { noteType: key };
      case 'careUnit':
        return { careUnitId: key };
      case 'month':
        return { month: q.key };
      case 'workflowVersion':
        // baseline notes have no AI version: they belong to the version's note type
        return q.mode === 'ai' ? { workflowVersionId: key } : { noteType: key ? (labels.versions.get(key)?.noteType ?? '') : null };
    }
  })();
  const where = {
    ...factWhere(f),
    mode: q.mode,
    professionId: q.groupProfession || null,
    ...(f.workflowVersionId && q.mode === 'ai' ? { workflowVersionId: f.workflowVersionId } : {}),
    ...dimension,
  };
  const total = await deps.db.prisma.noteFact.count({ where });
  if (total < MIN_GROUP) return { total, suppressed: SUPPRESSED_SV, notes: [] };
  const clinicians = (await deps.db.prisma.noteFact.groupBy({ by: ['clinicianId'], where })).length;
  if (clinicians < MIN_CLINICIANS) return { total, suppressed: TOO_FEW_CLINICIANS_SV, notes: [] };
  const rows = await deps.db.prisma.noteFact.findMany({ where, orderBy: [{ signedAt: 'asc' }, { signedNoteId: 'asc' }], skip: q.offset, take: q.limit });
  return {
    total,
    suppressed: null,
    notes: rows.map((r) => ({
      id: r.signedNoteId,
      date: r.signedAt.toISOString().slice(0, 10),
      mode: r.mode,
      profession: professionName(labels, r.professionId),
      careUnit: unitName(labels, r.careUnitId),
      workflowVersion: versionName(labels, r.workflowVersionId),
      noteType: r.noteType,
      activeMinutes: r.activeMs === null ? null : r.activeMs / 60_000,
      totalMinutes: r.totalMs === null ? null : r.totalMs / 60_000,
      rating: r.rating,
      sentences: r.sentences,
      flags: r.flags,
      flagsFixed: r.flagsFixed,
      flagsDismissed: r.flagsDismissed,
      editChars: r.editChars,
    })),
  };
}
