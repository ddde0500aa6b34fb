import { z } from 'zod';
import type { AppDeps } from '../../deps';
import type { Filters } from './filters';
import type { TimeCell } from './time-cell';

/**
 * The follow-up's database-specific SQL, in one place.
 *
 * Writing many NoteFact rows at once. Prisma's createMany is fine on SQLite
 * but slow on PostgreSQL for tens of thousands of rows (~1,000 rows/s here),
 * so PostgreSQL gets one INSERT … SELECT FROM unnest(arrays) per batch. The
 * rest of the follow-up's database-specific SQL is the rollup's (rollup.ts).
 */
export interface FactRow {
  signedNoteId: string;
  encounterId: string;
  mode: string;
  professionId: string | null;
  careUnitId: string | null;
  workflowVersionId: string | null;
  noteType: string | null;
  signedAt: Date;
  month: string;
  day: string;
  activeMs: number | null;
  totalMs: number | null;
  rating: number | null;
  tagMissing: number;
  tagInvented: number;
  tagSpeaker: number;
  tagTerminology: number;
  tagStyle: number;
  sentences: number;
  flags: number;
  flagsCritical: number;
  flagsFixed: number;
  flagsDismissed: number;
  editChars: number | null;
  draftChars: number | null;
  clinicianId: string | null;
  assignedMode: string | null;
  scheduleId: string | null;
  schedulePeriod: number | null;
  computedAt: Date;
}

const TYPES: Record<keyof FactRow, 'text' | 'int4' | 'timestamp'> = {
  signedNoteId: 'text',
  encounterId: 'text',
  mode: 'text',
  professionId: 'text',
  careUnitId: 'text',
  workflowVersionId: 'text',
  noteType: 'text',
  signedAt: 'timestamp',
  month: 'text',
  day: 'text',
  activeMs: 'int4',
  totalMs: 'int4',
  rating: 'int4',
  tagMissing: 'int4',
  tagInvented: 'int4',
  tagSpeaker: 'int4',
  tagTerminology: 'int4',
  tagStyle: 'int4',
  sentences: 'int4',
  flags: 'int4',
  flagsCritical: 'int4',
  flagsFixed: 'int4',
  flagsDismissed: 'int4',
  editChars: 'int4',
  draftChars: 'int4',
  clinicianId: 'text',
  assignedMode: 'text',
  scheduleId: 'text',
  schedulePeriod: 'int4',
  computedAt: 'timestamp',
};
const COLUMNS = Object.keys(TYPES) as (keyof FactRow)[];

export async function insertFacts(deps: AppDeps, rows: FactRow[]): Promise<void> {
  if (rows.length === 0) return;
  if (deps.db.kind === 'sqlite') {
    await deps.db.prisma.noteFact.createMany({ data: rows });
    return;
  }
  const names = COLUMNS.map((c) => `"${c}"`).join(', ');
  const params = COLUMNS.map((c, i) => `$${i + 1}::${TYPES[c]}[]`).join(', ');
  const arrays = COLUMNS.map((c) => rows.map((r) => (r[c] instanceof Date ? (r[c] as Date).toISOString() : r[c])));
  await deps.db.prisma.$executeRawUnsafe(`INSERT INTO "NoteFact" (${names}) SELECT * FROM unnest(${params}) AS t(${names})`, ...arrays);
}

const TimeCellSchema = z.object({
  mode: z.string(),
  professionId: z.string().nullable(),
  careUnitId: z.string().nullable(),
  workflowVersionId: z.string().nullable(),
  noteType: z.string().nullable(),
  month: z.string(),
  clinicianId: z.string().nullable(),
  assignedMode: z.string().nullable(),
  scheduleId: z.string().nullable(),
  schedulePeriod: z.coerce.number().int().nullable(),
  times: z.string(),
});

/**
 * The per-note times of the period, one TimeCell per (mode, profession, unit,
 * version, note type, month, clinician, scheduled mode, schedule, period),
 * read from the rollup (rollup.ts: a row per cell and day with the notes'
 * (active, total) pairs as JSON) and joined over the period's days here.
 * Reading 100,000 narrow rows through the ORM, or making an object per note,
 * cost more than the whole aggregation; grouping a million fact rows per
 * view cost seconds.
 */
export async function timeCells(deps: AppDeps, f: Filters): Promise<TimeCell[]> {
  const pg = deps.db.kind === 'postgresql';
  const params: string[] = [f.fromDay, f.toDay];
  const mark = () => (pg ? `$${params.length}` : '?');
  const where = ['"day" >= ' + (pg ? '$1' : '?'), '"day" <= ' + (pg ? '$2' : '?')];
  if (f.professionId) {
    params.push(f.professionId);
    where.push(`"professionId" = ${mark()}`);
  }
  if (f.careUnitId) {
    params.push(f.careUnitId);
    where.push(`"careUnitId" = ${mark()}`);
  }
  const keys = '"mode", "professionId", "careUnitId", "workflowVersionId", "noteType", "month", "clinicianId", "assignedMode", "scheduleId", "schedulePeriod"';
  // the days' JSON arrays joined into one per cell in the database: a row per
  // cell, not per cell and day, through the ORM; and flattened there
  // (active, total, active, total …), as a million two-element arrays cost
  // more to parse and collect than the query
  const flat = `replace(replace(substr("times", 2, length("times") - 2), '[', ''), ']', '')`;
  const joined = `'[' || ${pg ? 'string_agg' : 'group_concat'}(${flat}, ',') || ']'`;
  const rows = await deps.db.prisma.$queryRawUnsafe<unknown[]>(`SELECT ${keys}, ${joined} AS "times" FROM "NoteFactDay" WHERE ${where.join(' AND ')} GROUP BY ${keys}`, ...params);
  const cells = new Map<string, TimeCell>();
  for (const raw of rows) {
    const { times, ...key } = TimeCellSchema.parse(raw);
    const id = JSON.stringify(Object.values(key));
    let cell = cells.get(id);
    if (!cell) cells.set(id, (cell = { ...key, activeMs: [], totalMs: [] }));
    // Our own aggregate, checked by hand: zod per value cost more than the query.
    const values: unknown = JSON.parse(times);
    if (!Array.isArray(values) || values.length % 2 !== 0) throw new TypeError('NoteFactDay times: not pairs');
    for (let i = 0; i < values.length; i += 2) {
      const active: unknown = values[i];
      const total: unknown = values[i + 1];
      if ((active !== null && typeof active !== 'number') || (total !== null && typeof total !== 'number')) throw new TypeError('NoteFactDay times: not numbers');
      cell.activeMs.push(active);
      cell.totalMs.push(total);
    }
  }
  return [...cells.values()];
}
