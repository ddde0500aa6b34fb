import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { startTestServer, type TestServer } from '../support/app';
import { Client, waitForJob } from '../support/http';
import { makeSyntheticChatModel } from '../support/synthetic/chat';
import { SCRIPTS, pasted, type Turn } from '../pipeline/draft/scenarios';

/**
 * A test server whose MODELS_DIR holds the scripted synthetic chat model as
 * LLM_LOCAL_MODEL, and whose hosted drafter points at its own /v1 gateway
 * with an API key an admin created through the API. The gateway's address
 * exists only once the server listens, so the two hosted settings are put
 * into the running server's environment afterwards: the values an operator
 * would write in .env.
 */
export const CHAT_MODEL = 'synthetic-chat';

export interface DraftingServer {
  server: TestServer;
  modelsDir: string;
  clinician: Client;
  close(): Promise<void>;
}

export async function startDraftingServer(kind: 'sqlite' | 'postgresql', options: { hosted?: boolean } = {}): Promise<DraftingServer> {
  const modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-models-'));
  await makeSyntheticChatModel({ dir: path.join(modelsDir, CHAT_MODEL), scripts: SCRIPTS });
  const server = await startTestServer({ db: kind, env: { MODELS_DIR: modelsDir, LLM_LOCAL_MODEL: CHAT_MODEL, LLM_LOCAL_DTYPE: 'fp32' } });
  if (options.hosted !== false) {
    const admin = new Client(server.baseUrl);
    await admin.login('admin', server.passwords.admin);
    const key = await admin.post('/api/v1/admin/api-keys', { name: 'Utkast via egen gateway' });
    expect(key.status).toBe(201);
    server.deps.env.LLM_HOSTED_BASE_URL = `${server.baseUrl}/v1`;
    server.deps.env.LLM_HOSTED_API_KEY = key.body.key;
    server.deps.env.LLM_HOSTED_MODEL = CHAT_MODEL;
  }
  const clinician = new Client(server.baseUrl);
  await clinician.login('lakare1', server.passwords.demo);
  return {
    server,
    modelsDir,
    clinician,
    async close() {
      await server.close();
      await rm(modelsDir, { recursive: true, force: true });
    },
  };
}

/** A new encounter with the consultation pasted as speaker turns. */
export async function encounterWith(client: Client, turns: readonly Turn[], label = 'Besök test') {
  const encounter = await client.post('/api/v1/encounters', { label });
  expect(encounter.status).toBe(201);
  const id: string = encounter.body.encounter.id;
  const transcript = await client.post(`/api/v1/encounters/${id}/transcripts`, { text: pasted(turns) });
  expect(transcript.status).toBe(201);
  return { encounterId: id, transcript: transcript.body.transcript };
}

export async function draftWith(client: Client, encounterId: string, drafter: 'extractive' | 'hosted' | 'local') {
  const started = await client.post(`/api/v1/encounters/${encounterId}/drafts`, { drafter });
  expect(started.status).toBe(202);
  expect(started.headers.get('location')).toBe(`/api/v1/jobs/${started.body.jobId}`);
  const job = await waitForJob(client, started.body.jobId);
  return { job, draftId: started.body.draftId as string };
}
export { waitForJob } from '../support/http';
