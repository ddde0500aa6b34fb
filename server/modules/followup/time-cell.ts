/** The notes of one (mode, profession, unit, version, note type, month, clinician, scheduled mode): their times in ms, null when unknown. */
export interface TimeCell {
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
  activeMs: (number | null)[];
  totalMs: (number | null)[];
}
