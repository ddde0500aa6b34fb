/**
 * Reads note times for the time-saved estimator: CSV rows
 * `pilot,clinician,profession,mode,minutes` (`pilot` optional; mode `ai` or
 * `baseline`; an optional `period` column, `ai` or `baseline`, holds the
 * comparison schedule's assignment of the note's period). Rows are grouped
 * into per-clinician sums per (pilot, profession), ready for
 * estimateTimeSaved; a group with scheduled notes is analysed by its
 * schedule (its rows without a period are left out). The first bad row stops the read with one error naming
 * it. Checked by hand rather than with a zod schema per row: a file of a
 * million rows must read in about a second.
 */
import { addNote, emptyArm, type ClinicianTimes, type Design } from '../metrics/time-saved';
import { parseCsv } from './csv';
import { EvalError } from './errors';

export interface PilotGroup {
  pilot: string | null;
  profession: string;
  design: Design;
  clinicians: ClinicianTimes[];
}

const REQUIRED = ['clinician', 'profession', 'mode', 'minutes'] as const;
const MODES = new Set(['ai', 'baseline']);
/** a value quoted in an error: short, one line */
const show = (v: string) => JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v);

export function readTimeNotes(text: string): PilotGroup[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new EvalError('the file is empty (expected a header pilot,clinician,profession,mode,minutes)');
  const names = header.map((h) => h.trim().toLowerCase());
  const col = (name: string) => names.indexOf(name);
  for (const name of REQUIRED) {
    if (col(name) < 0) throw new EvalError(`row 1: column "${name}" is missing (expected pilot,clinician,profession,mode,minutes; pilot optional)`);
  }
  const [iPilot, iClinician, iProfession, iMode, iMinutes, iPeriod] = ['pilot', ...REQUIRED, 'period'].map(col) as [number, number, number, number, number, number];
  // per group and clinician: sides by mode (free choice) and by period (schedule)
  const groups = new Map<string, { pilot: string | null; profession: string; free: Map<string, ClinicianTimes>; scheduled: Map<string, ClinicianTimes> }>();
  const side = (map: Map<string, ClinicianTimes>, clinician: string, ai: boolean) => {
    let c = map.get(clinician);
    if (!c) map.set(clinician, (c = { clinician, ai: emptyArm(), baseline: emptyArm() }));
    return ai ? c.ai : c.baseline;
  };
  rows.forEach((r, index) => {
    const row = index + 2;
    if (r.length === 1 && r[0]!.trim() === '') return;
    if (r.length !== header.length) throw new EvalError(`row ${row}: ${r.length} fields, the header has ${header.length}`);
    const pilot = iPilot >= 0 ? r[iPilot]!.trim() : null;
    const clinician = r[iClinician]!.trim();
    const profession = r[iProfession]!.trim();
    const mode = r[iMode]!.trim().toLowerCase();
    const rawMinutes = r[iMinutes]!.trim();
    const minutes = Number(rawMinutes.replace(',', '.'));
    const period = iPeriod >= 0 ? r[iPeriod]!.trim().toLowerCase() : '';
    if (pilot === '') throw new EvalError(`row ${row}: pilot is empty`);
    if (!clinician) throw new EvalError(`row ${row}: clinician is empty`);
    if (!profession) throw new EvalError(`row ${row}: profession is empty`);
    if (!MODES.has(mode)) throw new EvalError(`row ${row}: mode ${show(r[iMode]!)} must be ai or baseline`);
    if (rawMinutes === '' || !Number.isFinite(minutes) || minutes < 0 || minutes > 600) throw new EvalError(`row ${row}: minutes ${show(rawMinutes)} must be a number from 0 to 600`);
    if (period !== '' && !MODES.has(period)) throw new EvalError(`row ${row}: period ${show(r[iPeriod]!)} must be ai, baseline or empty`);
    const key = `${pilot ?? ''}\u0000${profession}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { pilot, profession, free: new Map(), scheduled: new Map() }));
    addNote(side(g.free, clinician, mode === 'ai'), minutes, mode === 'ai');
    if (period) addNote(side(g.scheduled, clinician, period === 'ai'), minutes, mode === 'ai');
  });
  // A group with any scheduled note is analysed by its schedule; its notes outside the schedule are left out.
  return [...groups.values()].map((g) => {
    const scheduled = g.scheduled.size > 0;
    return { pilot: g.pilot, profession: g.profession, design: scheduled ? 'schedule' : 'free', clinicians: [...(scheduled ? g.scheduled : g.free).values()] };
  });
}
