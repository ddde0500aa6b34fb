import type { Filters, GroupBy } from './filters';
import { type Labels, professionName, unitName, versionName } from './labels';
import { MIN_GROUP, difference, iterationsFor, resampleNotes, type BootstrapBudget, type Difference, type Summary } from './stats';

/**
 * Time saved per note = baseline − AI-assisted, per profession and one more
 * dimension. The comparator for a group is, in this order:
 * 1. measured baseline notes (mode "baseline", timed in the workbench) of the
 *    same profession and the same dimension value (for a workflow version:
 *    the same note type), when there are at least five;
 * 2. otherwise imported time-and-motion minutes for the profession (and note
 *    type, when grouping by note type or version). Imported minutes are
 *    compared with active editing time; they have no total time.
 */
/** The notes of one (mode, profession, unit, version, note type, month): their times in ms, null when unknown, note by note. */
export interface TimeCell {
  mode: string;
  professionId: string | null;
  careUnitId: string | null;
  workflowVersionId: string | null;
  noteType: string | null;
  month: string;
  activeMs: (number | null)[];
  totalMs: (number | null)[];
}

export interface ImportedBaseline {
  professionId: string;
  noteType: string;
  minutes: number;
}

export interface TimeGroup {
  professionId: string | null;
  professionName: string;
  key: string;
  label: string;
  ai: { active: Summary; total: Summary };
  baseline: { source: 'measured' | 'imported' | null; active: Summary; total: Summary | null };
  saved: { active: Difference; total: Difference | null };
  iterations: number;
}

const MIN = 60_000;
const norm = (s: string | null) => (s ?? '').trim().toLowerCase();

function dimensionOf(f: TimeCell, groupBy: GroupBy): string {
  switch (groupBy) {
    case 'profession':
      return '';
    case 'noteType':
      return f.noteType ?? '';
    case 'workflowVersion':
      return f.workflowVersionId ?? '';
    case 'careUnit':
      return f.careUnitId ?? '';
    case 'month':
      return f.month;
  }
}

function labelOf(key: string, groupBy: GroupBy, labels: Labels): string {
  switch (groupBy) {
    case 'profession':
      return 'Alla';
    case 'noteType':
      return key || 'Okänd anteckningstyp';
    case 'workflowVersion':
      return versionName(labels, key || null);
    case 'careUnit':
      return unitName(labels, key || null);
    case 'month':
      return key;
  }
}

const perNote = (values: (number | null)[]) => values.map((v) => (v == null ? null : v / MIN));

/** The notes of several cells as one group: per-note minutes, in the same note order for both series. */
function notesOf(cells: TimeCell[]) {
  return { active: perNote(cells.flatMap((c) => c.activeMs)), total: perNote(cells.flatMap((c) => c.totalMs)) };
}

export async function timeSaved(cells: TimeCell[], imported: ImportedBaseline[], f: Filters, labels: Labels, budget: BootstrapBudget): Promise<TimeGroup[]> {
  const groupKey = (p: string | null, d: string) => `${p ?? ''}|${d}`;
  const ai = new Map<string, TimeCell[]>();
  const base = new Map<string, TimeCell[]>();
  for (const cell of cells) {
    if (cell.mode === 'baseline') {
      // Baseline notes have no AI version: they are matched by note type.
      const d = f.groupBy === 'workflowVersion' ? (cell.noteType ?? '') : dimensionOf(cell, f.groupBy);
      push(base, groupKey(cell.professionId, d), cell);
    } else if (!f.workflowVersionId || cell.workflowVersionId === f.workflowVersionId) {
      push(ai, groupKey(cell.professionId, dimensionOf(cell, f.groupBy)), cell);
    }
  }
  const keys = new Set(ai.keys());
  if (f.groupBy !== 'workflowVersion' && !f.workflowVersionId) for (const k of base.keys()) keys.add(k);

  const groups: TimeGroup[] = [];
  let seed = budget.seed;
  // One iteration count for the whole view: every note is drawn once per iteration.
  const notes = cells.reduce((s, c) => s + c.activeMs.length, 0);
  const iterations = iterationsFor(notes + imported.length, budget);
  for (const k of [...keys].sort()) {
    // The resampling is CPU-bound (a report's 2,000 iterations over 100,000
    // notes take seconds): let other requests in between groups.
    await new Promise((resolve) => setImmediate(resolve));
    const [professionId = '', dim = ''] = k.split('|');
    const aiNotes = notesOf(ai.get(k) ?? []);
    const baseKey = f.groupBy === 'workflowVersion' ? groupKey(professionId || null, labels.versions.get(dim)?.noteType ?? '') : k;
    const measured = notesOf(base.get(baseKey) ?? []);
    let source: TimeGroup['baseline']['source'] = null;
    let baseNotes: { active: (number | null)[]; total: (number | null)[] } = { active: [], total: [] };
    let importedMinutes: number[] = [];
    if (measured.active.filter((v) => v !== null).length >= MIN_GROUP) {
      source = 'measured';
      baseNotes = measured;
    } else {
      const noteType = f.groupBy === 'noteType' ? dim : f.groupBy === 'workflowVersion' ? (labels.versions.get(dim)?.noteType ?? null) : null;
      importedMinutes = imported.filter((r) => r.professionId === professionId && (noteType === null || norm(r.noteType) === norm(noteType))).map((r) => r.minutes);
      if (importedMinutes.length > 0) source = 'imported';
      else if (measured.active.length > 0) {
        source = 'measured';
        baseNotes = measured;
      }
    }
    // Active and total time of a note are resampled together (same draws).
    const [ra, rt] = resampleNotes([aiNotes.active, aiNotes.total], iterations, seed++);
    const [ba, bt] = source === 'imported' ? [resampleNotes([importedMinutes], iterations, seed++)[0]!, null] : resampleNotes([baseNotes.active, baseNotes.total], iterations, seed++);
    groups.push({
      professionId: professionId || null,
      professionName: professionName(labels, professionId || null),
      key: dim,
      label: labelOf(dim, f.groupBy, labels),
      ai: { active: ra!.summary, total: rt!.summary },
      baseline: { source, active: ba!.summary, total: bt?.summary ?? null },
      saved: { active: difference(ba!, ra!), total: bt ? difference(bt, rt!) : null },
      iterations,
    });
  }
  return groups;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
