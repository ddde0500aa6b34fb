import { z } from 'zod';
import { badRequest } from '../../errors';

/**
 * The dashboard's filters, shared by the dashboard, the drill-down and the
 * report. Dates are whole days (Swedish time is not needed: a period of
 * months is what the follow-up reports); `to` is inclusive.
 */
export const GROUP_BY = ['profession', 'noteType', 'workflowVersion', 'careUnit', 'month'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

const Id = z.string().min(1).max(40);

export const FilterQuerySchema = z.object({
  profession: Id.optional(),
  unit: Id.optional(),
  version: Id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  groupBy: z.enum(GROUP_BY).default('profession'),
});
export type FilterQuery = z.infer<typeof FilterQuerySchema>;

export interface Filters {
  professionId: string | null;
  careUnitId: string | null;
  workflowVersionId: string | null;
  from: Date;
  /** exclusive */
  until: Date;
  fromDay: string;
  toDay: string;
  groupBy: GroupBy;
}

const DAY = 86_400_000;

export function toFilters(q: FilterQuery, now = new Date()): Filters {
  const today = now.toISOString().slice(0, 10);
  const toDay = q.to ?? today;
  const fromDay = q.from ?? new Date(Date.parse(toDay) - 364 * DAY).toISOString().slice(0, 10);
  if (fromDay > toDay) throw badRequest('Från-datum är efter till-datum.', [{ field: 'query.from', message: 'Efter till-datum' }]);
  return {
    professionId: q.profession ?? null,
    careUnitId: q.unit ?? null,
    workflowVersionId: q.version ?? null,
    from: new Date(`${fromDay}T00:00:00.000Z`),
    until: new Date(Date.parse(`${toDay}T00:00:00.000Z`) + DAY),
    fromDay,
    toDay,
    groupBy: q.groupBy,
  };
}

/** NoteFactDay rows (rollup.ts) of the period, profession and unit: the same notes as factWhere. */
export function dayWhere(f: Filters) {
  return {
    day: { gte: f.fromDay, lte: f.toDay },
    ...(f.professionId ? { professionId: f.professionId } : {}),
    ...(f.careUnitId ? { careUnitId: f.careUnitId } : {}),
  };
}

/** NoteFact rows in the period, profession and unit (version is applied to AI notes only, see time-saved.ts). */
export function factWhere(f: Filters) {
  return {
    signedAt: { gte: f.from, lt: f.until },
    ...(f.professionId ? { professionId: f.professionId } : {}),
    ...(f.careUnitId ? { careUnitId: f.careUnitId } : {}),
  };
}
