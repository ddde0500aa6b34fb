import { z } from 'zod';
import type { AppDeps } from '../../deps';
import type { Filters } from './filters';
import { medianInPlace } from './median';
import { cellId, type MedianSource, type TimeCell } from './time-cell';

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

const num = z.coerce.number();
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
  notes: num,
  activeN: num,
  activeSum: num,
  activeSq: num,
  totalN: num,
  totalSum: num,
  totalSq: num,
});

const MIN = 60_000;

/** The period's rollup rows (rollup.ts), in the database's own placeholders: `where` and its parameters. */
function periodWhere(pg: boolean, f: Filters, alias = ''): { where: string; params: string[] } {
  const params: string[] = [f.fromDay, f.toDay];
  const mark = () => (pg ? `$${params.length}` : '?');
  const where = [`${alias}"day" >= ` + (pg ? '$1' : '?'), `${alias}"day" <= ` + (pg ? '$2' : '?')];
  if (f.professionId) {
    params.push(f.professionId);
    where.push(`${alias}"professionId" = ${mark()}`);
  }
  if (f.careUnitId) {
    params.push(f.careUnitId);
    where.push(`${alias}"careUnitId" = ${mark()}`);
  }
  return { where: where.join(' AND '), params };
}

/**
 * The period's time cells, one per (mode, profession, unit, version, note
 * type, month, clinician, scheduled mode, schedule, period): the rollup's
 * per-day counts, Σ and Σ² summed over the period's days in the database.
 * A view reads a few numbers per cell, not its notes' times; the medians read
 * values only for the sides a view shows (`rollupMedians`). At 1,000,000
 * notes this alone did not make the view faster (bench/README, "Sums per
 * cell"): the medians' values and the bootstraps are the rest.
 */
export async function timeCells(deps: AppDeps, f: Filters): Promise<TimeCell[]> {
  const pg = deps.db.kind === 'postgresql';
  const { where, params } = periodWhere(pg, f);
  const keys = '"mode", "professionId", "careUnitId", "workflowVersionId", "noteType", "month", "clinicianId", "assignedMode", "scheduleId", "schedulePeriod"';
  const sums = ['notes', 'activeN', 'activeSum', 'activeSq', 'totalN', 'totalSum', 'totalSq'].map((c) => `sum("${c}") AS "${c}"`).join(', ');
  const rows = await deps.db.prisma.$queryRawUnsafe<unknown[]>(`SELECT ${keys}, ${sums} FROM "NoteFactDay" WHERE ${where} GROUP BY ${keys}`, ...params);
  return rows.map((raw) => {
    const { notes, activeN, activeSum, activeSq, totalN, totalSum, totalSq, ...key } = TimeCellSchema.parse(raw);
    return {
      id: cellId(key),
      ...key,
      notes,
      active: { n: activeN, sum: activeSum / MIN, sumSq: activeSq / (MIN * MIN) },
      total: { n: totalN, sum: totalSum / MIN, sumSq: totalSq / (MIN * MIN) },
    };
  });
}

/**
 * Exact medians of the requested sides from the rollup's per-note times
 * (the `times` pairs of each cell and day), only for the cells asked for:
 * one query for every side of a view, each side's days joined in the
 * database. Medians are what still need every value; asking only for the
 * sides a view shows keeps suppressed groups (fewer than five clinicians or
 * notes) from costing anything.
 */
export function rollupMedians(deps: AppDeps, f: Filters): MedianSource {
  return async (requests) => {
    if (requests.length === 0) return [];
    const pg = deps.db.kind === 'postgresql';
    const { where, params } = periodWhere(pg, f, 'd.');
    const cells: string[] = [];
    const sides: number[] = [];
    requests.forEach((side, i) => {
      for (const c of side) {
        cells.push(c.id);
        sides.push(i);
      }
    });
    const flat = `replace(replace(substr(d."times", 2, length(d."times") - 2), '[', ''), ']', '')`;
    const asked = pg
      ? `unnest($${params.length + 1}::text[], $${params.length + 2}::int[]) AS r("cell", "side")`
      : `(SELECT json_extract(value, '$[0]') AS "cell", json_extract(value, '$[1]') AS "side" FROM json_each(?)) AS r`;
    // SQLite's `?` are numbered in the text's order: the joined list comes before the period
    const args: unknown[] = pg ? [...params, cells, sides] : [JSON.stringify(cells.map((c, i) => [c, sides[i]])), ...params];
    const rows = await deps.db.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT r."side" AS "side", ${pg ? 'string_agg' : 'group_concat'}(${flat}, ',') AS "times" FROM "NoteFactDay" d JOIN ${asked} ON r."cell" = d."cell" WHERE ${where} GROUP BY r."side"`,
      ...args,
    );
    const out: [number, number][] = requests.map(() => [Number.NaN, Number.NaN]);
    for (const raw of rows) {
      const { side, times } = MedianRowSchema.parse(raw);
      out[side] = mediansOfPairs(times);
    }
    return out;
  };
}

const MedianRowSchema = z.object({ side: z.coerce.number().int().nonnegative(), times: z.string() });

/** The medians (minutes) of the actives and the totals in "a,t,a,t…" (null: no value). */
function mediansOfPairs(times: string): [number, number] {
  // our own aggregate, checked by hand: zod per value cost more than the query
  const values: unknown = JSON.parse(`[${times}]`);
  if (!Array.isArray(values) || values.length % 2 !== 0) throw new TypeError('NoteFactDay times: not pairs');
  const active: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < values.length; i += 2) {
    const a: unknown = values[i];
    const t: unknown = values[i + 1];
    if ((a !== null && typeof a !== 'number') || (t !== null && typeof t !== 'number')) throw new TypeError('NoteFactDay times: not numbers');
    if (a !== null) active.push(a / MIN);
    if (t !== null) total.push(t / MIN);
  }
  return [medianInPlace(Float64Array.from(active)), medianInPlace(Float64Array.from(total))];
}
