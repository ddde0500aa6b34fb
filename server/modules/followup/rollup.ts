import type { AppDeps } from '../../deps';

/**
 * NoteFactDay: NoteFact summed per cell and day, what the dashboard reads.
 * At a region's year (1,000,000 notes) grouping every fact row per view took
 * 5–8 s (one sort of a million wide rows, spilled to disk); the rollup has a
 * few rows per clinician and day and answers the same figures: every sum,
 * count and rating tally; per time measure the notes with a value, Σ ms and
 * Σ ms² (a cell is one clinician's: all the clinician-level estimator and
 * the side means need); and the notes' (active, total) pairs, which only the
 * medians of the sides a view shows read (bulk.ts `rollupMedians`) — so the
 * figures are the row-based ones, not approximations
 * (test/server/followup-rollup.test.ts compares them).
 *
 * Kept current without a full-table pass: a trigger on NoteFact (insert,
 * update, delete, cascades included; prisma/migrations …_notefact_day) marks
 * the affected days in NoteFactDayDirty, and `refreshRollup` rebuilds just
 * those days from NoteFact through its day index, a few days per statement —
 * after each fact refresh (usually today's day only) and once after a first
 * fill. A mark renewed while its day was being rebuilt (its `seq` grew)
 * survives, so that day is rebuilt again next time.
 */
const DAYS_PER_STATEMENT = 14;

/** the cell: everything the time and quality figures group or filter by, plus the day */
const KEYS = ['mode', 'professionId', 'careUnitId', 'workflowVersionId', 'noteType', 'month', 'day', 'clinicianId', 'assignedMode', 'scheduleId', 'schedulePeriod'] as const;
/** the cell without the day, in the order `cellId` (time-cell.ts) joins them */
const CELL_KEYS = KEYS.filter((k) => k !== 'day');
const SUMS = ['rating', 'tagMissing', 'tagInvented', 'tagSpeaker', 'tagTerminology', 'tagStyle', 'sentences', 'flags', 'flagsCritical', 'flagsFixed', 'flagsDismissed', 'editChars', 'draftChars'] as const;

const q = (c: string) => `"${c}"`;

/** The INSERT … SELECT that rebuilds the given days (the same statement on both databases but for the JSON aggregate). */
function rebuildSql(pg: boolean, days: number): string {
  const marks = Array.from({ length: days }, (_, i) => (pg ? `$${i + 1}` : '?')).join(', ');
  const joined = (keys: readonly string[]) => keys.map((k) => `coalesce(CAST(${q(k)} AS TEXT), '')`).join(` || '|' || `);
  const pairs = pg ? 'json_agg(json_build_array("activeMs", "totalMs"))::text' : 'json_group_array(json_array("activeMs", "totalMs"))';
  const ratings = [1, 2, 3, 4, 5].map((r) => `sum(CASE WHEN "rating" = ${r} THEN 1 ELSE 0 END)`);
  // Σ ms and Σ ms² in double precision: sums of whole milliseconds stay exact (< 2⁵³), squares to rounding
  const real = (c: string) => (pg ? `${q(c)}::float8` : `CAST(${q(c)} AS REAL)`);
  const moments = (c: string) => [`count(${q(c)})`, `coalesce(sum(${real(c)}), 0)`, `coalesce(sum(${real(c)} * ${q(c)}), 0)`];
  const columns = ['key', ...KEYS, 'cell', 'notes', 'times', 'activeN', 'activeSum', 'activeSq', 'totalN', 'totalSum', 'totalSq', 'ratingN', 'editN', 'rating1', 'rating2', 'rating3', 'rating4', 'rating5', ...SUMS];
  const values = [joined(KEYS), ...KEYS.map(q), joined(CELL_KEYS), 'count(*)', pairs, ...moments('activeMs'), ...moments('totalMs'), 'count("rating")', 'count("editChars")', ...ratings, ...SUMS.map((s) => `coalesce(sum(${q(s)}), 0)`)];
  return `INSERT INTO "NoteFactDay" (${columns.map(q).join(', ')}) SELECT ${values.join(', ')} FROM "NoteFact" WHERE "day" IN (${marks}) GROUP BY ${KEYS.map(q).join(', ')}`;
}

async function rebuildDays(deps: AppDeps, days: string[]): Promise<void> {
  const pg = deps.db.kind === 'postgresql';
  const db = deps.db.prisma;
  const marks = days.map((_, i) => (pg ? `$${i + 1}` : '?')).join(', ');
  await db.$transaction([
    // two processes rebuilding the same day would collide on the key: one at a time (SQLite writes are serial anyway)
    ...(pg ? [db.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${LOCK_ID})::text AS locked`)] : []),
    db.$executeRawUnsafe(`DELETE FROM "NoteFactDay" WHERE "day" IN (${marks})`, ...days),
    db.$executeRawUnsafe(rebuildSql(pg, days.length), ...days),
  ]);
}

/** an arbitrary constant naming the rollup's advisory lock */
const LOCK_ID = 731_540_129;

/** per database (tests run several in one process): the rebuild in progress, shared by concurrent callers */
const running = new WeakMap<object, Promise<number>>();

/** Rebuilds every day marked out of date; returns how many days it rebuilt. */
export function refreshRollup(deps: AppDeps): Promise<number> {
  const current = running.get(deps.db);
  if (current) return current;
  const started = rebuildMarked(deps).finally(() => running.delete(deps.db));
  running.set(deps.db, started);
  return started;
}

async function rebuildMarked(deps: AppDeps): Promise<number> {
  const db = deps.db.prisma;
  let rebuilt = 0;
  let after = '';
  for (;;) {
    const marked = await db.noteFactDayDirty.findMany({ where: { day: { gt: after } }, orderBy: { day: 'asc' }, take: DAYS_PER_STATEMENT });
    if (marked.length === 0) break;
    await rebuildDays(deps, marked.map((m) => m.day));
    await db.noteFactDayDirty.deleteMany({ where: { OR: marked.map((m) => ({ day: m.day, seq: m.seq })) } });
    rebuilt += marked.length;
    after = marked.at(-1)!.day;
  }
  return rebuilt;
}
