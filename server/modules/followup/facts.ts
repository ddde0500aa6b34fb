import type { AppDeps } from '../../deps';
import { insertFacts, type FactRow } from './bulk';
import { draftCounts, editCounts, wrongTags } from './note-parts';
import { noteTimes, type TimingEvent } from './note-time';
import { refreshRollup } from './rollup';
import { periodOf } from './schedule';

/**
 * Keeps NoteFact (one narrow row per first signature) in step with the rows
 * the notes and timing modules write, touching only what changed — no
 * full-table pass when a view is opened or the server starts:
 * - notes signed since the last refresh without a fact (SignedNote.signedAt
 *   index), and facts whose encounter got timing events after the fact was
 *   computed (TimeEvent.createdAt index; an editor may flush its last
 *   active_editing event just after signing);
 * - the first fill of an existing database (first start on old data, a
 *   restore): in batches in key order from a stored cursor, so it resumes
 *   where it stopped after a restart and each batch reads one index range.
 *   The dashboard does not wait for it (it says the follow-up is still being
 *   filled); reports do.
 * A note that enters the database with an old signing time and a key below
 * the cursor, other than through signing (an import, generated test data),
 * is picked up when the counts are next compared: before every report and
 * every five minutes of dashboard views.
 */
const BATCH = 2000;
const WATERMARK_KEY = 'followup.factsWatermark';
const CURSOR_KEY = 'followup.factsCursor';
/** events committed slightly out of clock order are still caught */
const SAFETY_MS = 60_000;
const ANALYZE_AFTER = 10_000;

/** per database (tests run several in one process): the refresh and the fill in progress */
const state = new WeakMap<object, { running: Promise<RefreshResult> | null; filling: Promise<number> | null; fillChecks: boolean; checkedAt: number }>();
/** how often a dashboard view compares the two tables' counts (reports always do) */
const CHECK_EVERY_MS = 5 * 60_000;
/**
 * How long the dashboard waits for a fill before showing what is there (with
 * a notice): long enough for the notes of a day, a test or the demo pilot —
 * so a view never shows half of them — short of the minutes a first fill of
 * a region's year takes.
 */
const VIEW_WAIT_MS = 10_000;

export interface RefreshResult {
  created: number;
  recomputed: number;
  /** false: a fill of older notes is still running in the background */
  complete: boolean;
}

/**
 * One refresh and one fill at a time per process and database; concurrent
 * callers share them. With `waitForFill: false` (the dashboard) a long fill
 * goes on in the background instead of holding the view.
 */
export async function refreshFacts(deps: AppDeps, opts: { waitForFill?: boolean } = {}): Promise<RefreshResult> {
  let st = state.get(deps.db);
  if (!st) state.set(deps.db, (st = { running: null, filling: null, fillChecks: false, checkedAt: -Infinity }));
  const mine = st;
  mine.running ??= doRefresh(deps).finally(() => {
    mine.running = null;
  });
  const quick = await mine.running;
  // keys are not in insertion order (cuids from several processes, imported
  // or generated ids), so notes can arrive behind the cursor: counting both
  // tables finds them — always before a report, every five minutes for views
  const check = opts.waitForFill !== false || Date.now() - mine.checkedAt > CHECK_EVERY_MS;
  if (check) mine.checkedAt = Date.now();
  // a running fill that did not count is followed by one that does
  const previous = mine.filling && check && !mine.fillChecks ? mine.filling.catch(() => 0) : null;
  if (previous || !mine.filling) {
    mine.fillChecks = check;
    // then the rollup's marked days (rollup.ts): today's after a signing, every day once after a first fill
    const started: Promise<number> = (previous ?? Promise.resolve(0))
      .then(() => fillFromCursor(deps, check))
      .then(async (created) => {
        await refreshRollup(deps);
        return created;
      })
      .finally(() => {
      if (mine.filling === started) mine.filling = null;
    });
    mine.filling = started;
  }
  const fill = mine.filling!;
  if (opts.waitForFill === false) {
    const done = await Promise.race([fill.then(() => true, () => true), new Promise<boolean>((r) => setTimeout(() => r(false), VIEW_WAIT_MS).unref())]);
    if (!done) {
      fill.catch((error: unknown) => deps.logger.warn('followup.facts_fill_failed', { code: error instanceof Error ? error.name : 'unknown' }));
      return { ...quick, complete: false };
    }
  }
  const created = await fill;
  return { ...quick, created: quick.created + created, complete: true };
}

/**
 * Throws every fact away and computes them again (a changed definition; the
 * tests). Facts deleted otherwise are filled in again only at the next start.
 */
export async function rebuildFacts(deps: AppDeps): Promise<RefreshResult> {
  await deps.db.prisma.noteFact.deleteMany({});
  await deps.db.prisma.setting.deleteMany({ where: { key: CURSOR_KEY } });
  return refreshFacts(deps);
}

async function doRefresh(deps: AppDeps): Promise<RefreshResult> {
  const db = deps.db.prisma;
  const startedAt = new Date();
  const mark = await db.setting.findUnique({ where: { key: WATERMARK_KEY } });
  let recomputed = 0;
  let created = 0;
  if (mark && typeof mark.value === 'string') {
    const since = new Date(new Date(mark.value).getTime() - SAFETY_MS);
    const late = await db.timeEvent.findMany({
      where: { createdAt: { gt: since }, encounterId: { not: null } },
      select: { encounterId: true, createdAt: true },
    });
    const latest = new Map<string, number>();
    for (const e of late) latest.set(e.encounterId!, Math.max(latest.get(e.encounterId!) ?? 0, e.createdAt.getTime()));
    const stale = await db.noteFact.findMany({ where: { encounterId: { in: [...latest.keys()] } }, select: { signedNoteId: true, encounterId: true, computedAt: true } });
    const ids = stale.filter((f) => latest.get(f.encounterId)! >= f.computedAt.getTime()).map((f) => f.signedNoteId);
    for (let i = 0; i < ids.length; i += BATCH) recomputed += await writeFacts(deps, ids.slice(i, i + BATCH), true);
    for (;;) {
      const fresh = await db.signedNote.findMany({ where: { version: 1, signedAt: { gt: since }, fact: null }, select: { id: true }, take: BATCH });
      if (fresh.length === 0) break;
      created += await writeFacts(deps, fresh.map((n) => n.id), false);
    }
  }
  if (created + recomputed >= ANALYZE_AFTER) await analyze(deps);
  await db.setting.upsert({ where: { key: WATERMARK_KEY }, create: { key: WATERMARK_KEY, value: startedAt.toISOString() }, update: { value: startedAt.toISOString() } });
  return { created, recomputed, complete: true };
}

/**
 * Facts for version-1 notes without one, in key order from the stored cursor
 * (the first fill). With `check` the two tables' row counts are compared
 * first: notes that arrived behind the cursor, or facts deleted (a migration
 * that redefines them, a restore), are then filled in again from the first
 * key.
 */
async function fillFromCursor(deps: AppDeps, check: boolean): Promise<number> {
  const db = deps.db.prisma;
  const stored = await db.setting.findUnique({ where: { key: CURSOR_KEY } });
  let cursor = typeof stored?.value === 'string' ? stored.value : '';
  if (check && cursor !== '') {
    const [notes, facts] = await Promise.all([db.signedNote.count({ where: { version: 1 } }), db.noteFact.count()]);
    if (notes !== facts) cursor = '';
  }
  let created = 0;
  for (;;) {
    const batch = await db.signedNote.findMany({ where: { version: 1, id: { gt: cursor } }, select: { id: true, fact: { select: { signedNoteId: true } } }, orderBy: { id: 'asc' }, take: BATCH });
    if (batch.length === 0) break;
    const missing = batch.filter((n) => !n.fact).map((n) => n.id);
    if (missing.length) created += await writeFacts(deps, missing, false);
    cursor = batch.at(-1)!.id;
    await db.setting.upsert({ where: { key: CURSOR_KEY }, create: { key: CURSOR_KEY, value: cursor }, update: { value: cursor } });
  }
  // After a large fill the planner still believes the table is small until
  // autovacuum gets to it; fresh statistics keep the next views on good plans.
  if (created >= ANALYZE_AFTER) await analyze(deps);
  return created;
}

async function analyze(deps: AppDeps): Promise<void> {
  await deps.db.prisma.$executeRawUnsafe('ANALYZE "NoteFact"');
}

async function writeFacts(deps: AppDeps, signedNoteIds: string[], replace: boolean): Promise<number> {
  const db = deps.db.prisma;
  const notes = await db.signedNote.findMany({
    where: { id: { in: signedNoteIds } },
    select: {
      id: true,
      encounterId: true,
      signedAt: true,
      rating: true,
      wrongTags: true,
      editStats: true,
      draft: { select: { workflowVersionId: true, sections: true } },
      encounter: { select: { mode: true, professionId: true, careUnitId: true, workflowVersionId: true, createdById: true, assignedMode: true, scheduleId: true, createdAt: true } },
    },
  });
  const scheduleIds = [...new Set(notes.map((n) => n.encounter.scheduleId).filter((s): s is string => !!s))];
  const schedules = new Map((scheduleIds.length ? await db.comparisonSchedule.findMany({ where: { id: { in: scheduleIds } } }) : []).map((s) => [s.id, s]));
  const encounterIds = notes.map((n) => n.encounterId);
  const events = await db.timeEvent.findMany({ where: { encounterId: { in: encounterIds } }, select: { encounterId: true, kind: true, at: true, valueMs: true } });
  const byEncounter = new Map<string, TimingEvent[]>();
  for (const e of events) {
    const list = byEncounter.get(e.encounterId!) ?? [];
    list.push(e);
    byEncounter.set(e.encounterId!, list);
  }
  const versionIds = [...new Set(notes.map((n) => n.draft?.workflowVersionId ?? n.encounter.workflowVersionId).filter((v): v is string => !!v))];
  const versions = await db.workflowVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, workflow: { select: { noteType: true } } } });
  const noteTypeOf = new Map(versions.map((v) => [v.id, v.workflow.noteType]));
  const computedAt = new Date();
  const rows = notes.map((n): FactRow => {
    const versionId = n.draft?.workflowVersionId ?? n.encounter.workflowVersionId ?? null;
    const times = noteTimes(byEncounter.get(n.encounterId) ?? []);
    const counts = n.draft ? draftCounts(n.draft.sections) : null;
    const tags = wrongTags(n.wrongTags);
    const edited = editCounts(n.editStats);
    return {
      signedNoteId: n.id,
      encounterId: n.encounterId,
      mode: n.encounter.mode,
      professionId: n.encounter.professionId,
      careUnitId: n.encounter.careUnitId,
      workflowVersionId: versionId,
      noteType: versionId ? (noteTypeOf.get(versionId) ?? null) : null,
      signedAt: n.signedAt,
      month: n.signedAt.toISOString().slice(0, 7),
      day: n.signedAt.toISOString().slice(0, 10),
      activeMs: times.activeMs,
      totalMs: times.totalMs,
      rating: n.rating,
      tagMissing: tags.has('missing') ? 1 : 0,
      tagInvented: tags.has('invented') ? 1 : 0,
      tagSpeaker: tags.has('speaker') ? 1 : 0,
      tagTerminology: tags.has('terminology') ? 1 : 0,
      tagStyle: tags.has('style') ? 1 : 0,
      sentences: counts?.sentences ?? 0,
      flags: counts?.flags ?? 0,
      flagsCritical: counts?.flagsCritical ?? 0,
      flagsFixed: counts?.flagsFixed ?? 0,
      flagsDismissed: counts?.flagsDismissed ?? 0,
      editChars: edited?.distance ?? null,
      // only a note with edit stats contributes to the denominator of the relative edit distance
      draftChars: edited ? (edited.draftChars ?? counts?.draftChars ?? null) : null,
      clinicianId: n.encounter.createdById,
      assignedMode: n.encounter.assignedMode,
      scheduleId: n.encounter.scheduleId,
      // the period the assignment was made in: the encounter's creation day (UTC), as the encounter form decides
      schedulePeriod: schedulePeriod(schedules.get(n.encounter.scheduleId ?? ''), n.encounter.createdAt),
      computedAt,
    };
  });
  if (replace) {
    await db.noteFact.deleteMany({ where: { signedNoteId: { in: rows.map((r) => r.signedNoteId) } } });
    await insertFacts(deps, rows);
    return rows.length;
  }
  try {
    await insertFacts(deps, rows);
  } catch {
    // Another process (a second web process or worker) wrote some of these
    // facts at the same moment: fall back to one idempotent upsert per row.
    for (const row of rows) await db.noteFact.upsert({ where: { signedNoteId: row.signedNoteId }, create: row, update: row });
  }
  return rows.length;
}

function schedulePeriod(spec: Parameters<typeof periodOf>[0] | undefined, createdAt: Date): number | null {
  return spec ? periodOf(spec, createdAt.toISOString().slice(0, 10)) : null;
}
