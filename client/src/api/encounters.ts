import { z } from 'zod';
import { request } from './client';
import { EncounterEnvelopeSchema, EncounterListSchema, type EncounterMode } from './schemas';

export const listEncounters = () => request('GET', '/encounters', EncounterListSchema);
export const getEncounter = (id: string) => request('GET', `/encounters/${encodeURIComponent(id)}`, EncounterEnvelopeSchema);
export const createEncounter = (label: string, mode: EncounterMode, overrideReason?: string) =>
  request('POST', '/encounters', EncounterEnvelopeSchema, { body: { label, mode, ...(overrideReason ? { overrideReason } : {}) } });

/** The comparison schedule's mode for the period in force today (the next period is never told). */
const AssignmentSchema = z.object({
  assignment: z.object({ scheduleName: z.string(), mode: z.enum(['ai', 'baseline']), periodEnds: z.string() }).nullable(),
});
export const getScheduleToday = () => request('GET', '/followup/schedule/current', AssignmentSchema);
export const recordConsent = (id: string) => request('POST', `/encounters/${encodeURIComponent(id)}/consent`, EncounterEnvelopeSchema);
