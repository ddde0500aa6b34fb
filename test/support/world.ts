import { expect } from 'vitest';
import type { AppDeps } from '../../server/deps';
import { createSession } from '../../server/modules/auth/sessions';
import { Client } from './http';

/**
 * Fixtures for the hardening suites: signed-in clients without scrypt
 * (sessions made directly, as the route × role test does) and one encounter
 * holding every kind of encounter data. All text is synthetic.
 */
export const ROLE_USERS = { clinician: 'lakare1', otherClinician: 'ssk1', designer: 'design1', lead: 'ledare1', admin: 'admin' } as const;

export async function signedIn(deps: AppDeps, baseUrl: string, username: string): Promise<Client> {
  const user = await deps.db.prisma.user.findUniqueOrThrow({ where: { username } });
  if (user.mustChangePassword) await deps.db.prisma.user.update({ where: { id: user.id }, data: { mustChangePassword: false } });
  const { token } = await createSession(deps, user.id);
  return new Client(baseUrl).setCookie('jv_session', token);
}

export interface EncounterData {
  encounterId: string;
  transcriptId: string;
  recordingId: string;
  draftId: string;
  noteId: string;
}

/** A baseline encounter with consent, a pasted transcript, an open recording and a signed manual note. */
export async function encounterWithEverything(clinician: Client): Promise<EncounterData> {
  const created = await clinician.post('/api/v1/encounters', { label: 'Testbesök härdning', mode: 'baseline' });
  expect(created.status, created.text).toBe(201);
  const encounterId: string = created.body.encounter.id;
  expect((await clinician.post(`/api/v1/encounters/${encounterId}/consent`)).status).toBe(200);
  const transcript = await clinician.post(`/api/v1/encounters/${encounterId}/transcripts`, { text: 'Läkare: Hur mår du?\nPatient: Bättre, tack.' });
  expect(transcript.status, transcript.text).toBe(201);
  const recording = await clinician.post(`/api/v1/encounters/${encounterId}/recordings`, { sampleRate: 16000, channels: 1 });
  expect(recording.status, recording.text).toBe(201);
  const draft = await clinician.post(`/api/v1/encounters/${encounterId}/manual-draft`, {});
  expect(draft.status, draft.text).toBe(201);
  const draftId: string = draft.body.draft.id;
  const sections = draft.body.draft.sections.map((s: { key: string }) => ({ key: s.key, editedText: 'Mår bättre.' }));
  const saved = await clinician.patch(`/api/v1/drafts/${draftId}`, { revision: draft.body.draft.revision, sections });
  expect(saved.status, saved.text).toBe(200);
  const signed = await clinician.post(`/api/v1/drafts/${draftId}/sign`, {});
  expect(signed.status, signed.text).toBe(201);
  return { encounterId, transcriptId: transcript.body.transcript.id, recordingId: recording.body.recording.id, draftId, noteId: signed.body.note.id };
}
