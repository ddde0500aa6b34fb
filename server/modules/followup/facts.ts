import type { AppDeps } from '../../deps';
import { insertFacts, type FactRow } from './bulk';
import { draftCounts, editCounts, wrongTags } from './note-parts';
import { noteTimes, type TimingEvent } from './note-time';
import { periodOf } from './schedule';

/**
 * Keeps NoteFact (one narrow row per first signature) in step with the rows
 * the notes and timing modules write. It runs before every dashboard view and
 * report and only touches what changed: signed notes without a fact, and
 * facts whose encounter got timing events after the fact was computed (an
 * editor may flush its last active_editing event just after signing).
 */
const BATCH = 2000;
const WATERMARK_KEY = 'followup.factsWatermark';
/** events committed slightly out of clock order are still caught */
const SAFETY_MS = 60_000;
const ANALYZE_AFTER = 10_000;

let running: Promise<RefreshResult> | null = null;

export interface RefreshResult {
  created: number;
  recomputed: number;
}

/** One refresh at a time per process; concurrent callers share it. */
export function refreshFacts(deps: AppDeps): Promise<RefreshResult> {
  running ??= doRefresh(deps).finally(() => {
    running = null;
  });
  return running;
}

async function doRefresh(deps: AppDeps): Promise<RefreshResult> {
  const db = deps.db.prisma;
  const startedAt = new Date();
  const mark = await db.setting.findUnique({ where: { key: WATERMARK_KEY } });
  let recomputed = 0;
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
  }
  // Facts exist only for version-1 notes, one each, so equal counts mean none
  // is missing: two counts instead of an anti-join over every note on each
  // view (at 100,000 notes ~50 ms instead of ~140 ms of database time).
  const [notes, facts] = await Promise.all([db.signedNote.count({ where: { version: 1 } }), db.noteFact.count()]);
  const created = notes === facts ? 0 : await createMissing(deps);
  // After a large fill (first start on existing data, an import) the planner
  // still believes the table is small until autovacuum gets to it; fresh
  // statistics keep the first dashboard views on good plans.
  if (created + recomputed >= ANALYZE_AFTER) await db.$executeRawUnsafe('ANALYZE "NoteFact"');
  await db.setting.upsert({ where: { key: WATERMARK_KEY }, create: { key: WATERMARK_KEY, value: startedAt.toISOString() }, update: { value: startedAt.toISOString() } });
  return { created, recomputed };
}

/** Facts for the version-1 notes that have none, in batches. */
async function createMissing(deps: AppDeps): Promise<number> {
  let created = 0;
  for (;;) {
    const fresh = await deps.db.prisma.signedNote.findMany({ where: { version: 1, fact: null }, select: { id: true }, take: BATCH, orderBy: { id: 'asc' } });
    if (fresh.length === 0) return created;
    created += await writeFacts(deps, fresh.map((n) => n.id), false);
  }
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
