import { request } from './client';
import { EncounterEnvelopeSchema, EncounterListSchema, type EncounterMode } from './schemas';

export const listEncounters = () => request('GET', '/encounters', EncounterListSchema);
export const getEncounter = (id: string) => request('GET', `/encounters/${encodeURIComponent(id)}`, EncounterEnvelopeSchema);
export const createEncounter = (label: string, mode: EncounterMode) =>
  request('POST', '/encounters', EncounterEnvelopeSchema, { body: { label, mode } });
export const recordConsent = (id: string) => request('POST', `/encounters/${encodeURIComponent(id)}/consent`, EncounterEnvelopeSchema);
