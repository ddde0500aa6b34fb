import type { EncounterMode } from '../../../server/contracts/status';
import { EncounterEnvelopeSchema, EncounterListSchema, ScheduleAssignmentSchema } from '../../../server/contracts/api/encounters';
import { request } from './client';

export const listEncounters = () => request('GET', '/encounters', EncounterListSchema);
export const getEncounter = (id: string) => request('GET', `/encounters/${encodeURIComponent(id)}`, EncounterEnvelopeSchema);
export const createEncounter = (label: string, mode: EncounterMode, overrideReason?: string) =>
  request('POST', '/encounters', EncounterEnvelopeSchema, { body: { label, mode, ...(overrideReason ? { overrideReason } : {}) } });

export const getScheduleToday = () => request('GET', '/followup/schedule/current', ScheduleAssignmentSchema);
export const recordConsent = (id: string) => request('POST', `/encounters/${encodeURIComponent(id)}/consent`, EncounterEnvelopeSchema);
