/** Notes with a value of one time measure: their count, Σ minutes and Σ minutes². */
export interface Moments {
  n: number;
  sum: number;
  sumSq: number;
}

export type Measure = 'active' | 'total';

/**
 * The notes of one (mode, profession, unit, version, note type, month,
 * clinician, scheduled mode, schedule, period): how many, and the sufficient
 * statistics of their two times. A cell is one clinician's, so these are all
 * the clinician-level estimator, its cluster bootstrap, the side means and the
 * stepped-design estimator need; only a side's median needs the values
 * themselves, which `MedianSource` reads on demand (bulk.ts).
 */
export interface TimeCell {
  /** the key values joined as the rollup's `cell` column joins them (`cellId`) */
  id: string;
  mode: string;
  professionId: string | null;
  careUnitId: string | null;
  workflowVersionId: string | null;
  noteType: string | null;
  month: string;
  clinicianId: string | null;
  assignedMode: string | null;
  scheduleId: string | null;
  schedulePeriod: number | null;
  /** every note of the cell, with or without times */
  notes: number;
  active: Moments;
  total: Moments;
}

export type CellKey = Omit<TimeCell, 'id' | 'notes' | 'active' | 'total'>;

/** The cell's key values in the rollup's order, null as '' — the same text as SQL's coalesce(CAST(… AS TEXT), '') joined with '|'. */
export function cellId(k: CellKey): string {
  return [k.mode, k.professionId, k.careUnitId, k.workflowVersionId, k.noteType, k.month, k.clinicianId, k.assignedMode, k.scheduleId, k.schedulePeriod].map((v) => (v === null ? '' : String(v))).join('|');
}

/**
 * The median minutes of each requested set of cells (a side of a comparison),
 * exact over the notes' own values: `[active, total]` per request, NaN for a
 * measure without values.
 */
export type MedianSource = (requests: readonly (readonly TimeCell[])[]) => Promise<[number, number][]>;

/** Adds one note's milliseconds to a measure's moments (in minutes); for building cells from rows. */
export function addMs(m: Moments, ms: number | null): void {
  if (ms === null) return;
  const min = ms / 60_000;
  m.n++;
  m.sum += min;
  m.sumSq += min * min;
}
