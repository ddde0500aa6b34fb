import { z } from 'zod';

/**
 * The status vocabularies the server writes and the client shows, with the
 * Swedish word the UI uses for each. The database stores the key (a plain
 * string column); these lists are the only place the keys are spelled out,
 * so a new status is added here once and both sides see it.
 */
function vocabulary<const K extends string>(labels: Record<K, string>) {
  const keys = Object.keys(labels) as [K, ...K[]];
  return { keys, schema: z.enum(keys), labels, label: (key: K): string => labels[key] };
}

/** Encounter.mode: documented with AI help, or without (the time comparison's baseline). */
export const EncounterMode = vocabulary({ ai: 'Med AI-stöd', baseline: 'Utan AI (jämförelse)' });
export type EncounterMode = (typeof EncounterMode.keys)[number];

/** Encounter.status: open until a note is signed. */
export const EncounterStatus = vocabulary({ open: 'Pågår', signed: 'Signerat' });
export type EncounterStatus = (typeof EncounterStatus.keys)[number];

/** Draft.status: an edited draft is "redigerad"; signing locks it. */
export const DraftStatus = vocabulary({ utkast: 'Utkast', redigerad: 'Redigerat', signerad: 'Signerat' });
export type DraftStatus = (typeof DraftStatus.keys)[number];

/** Job.status (waiting: for a model, tried again later). */
export const JobStatus = vocabulary({
  queued: 'i kö',
  running: 'pågår',
  waiting: 'väntar',
  succeeded: 'klar',
  failed: 'misslyckades',
  cancelled: 'avbruten',
});
export type JobStatus = (typeof JobStatus.keys)[number];

/** Recording.status */
export const RecordingStatus = vocabulary({ recording: 'Spelar in', complete: 'Klar', deleted: 'Raderad' });
export type RecordingStatus = (typeof RecordingStatus.keys)[number];

/** A workflow's labels, moved between versions: utkast → test → produktion. */
export const WorkflowLabel = vocabulary({ utkast: 'Utkast', test: 'Test', produktion: 'Produktion' });
export type WorkflowLabel = (typeof WorkflowLabel.keys)[number];

/** Rating rounds and training rounds. */
export const RoundStatus = vocabulary({ open: 'öppen', closed: 'stängd' });
export type RoundStatus = (typeof RoundStatus.keys)[number];

/** A report built as a job. */
export const ReportStatus = vocabulary({ building: 'byggs', ready: 'klar', failed: 'misslyckades', expired: 'har gått ut' });
export type ReportStatus = (typeof ReportStatus.keys)[number];

/** TrainingCase.source: shipped with the project, or made from a test case's reference note or a run's AI draft. */
export const TrainingCaseSource = vocabulary({ seed: 'Medföljer', reference: 'Referensanteckning', drafter: 'AI-utkast' });
export type TrainingCaseSource = (typeof TrainingCaseSource.keys)[number];
