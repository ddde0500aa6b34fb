import type { AppDeps } from '../../server/deps';
import { createSession } from '../../server/modules/auth/sessions';
import { Client } from './http';
import { demoClinicians, insertBundle, syntheticBatches } from '../../server/modules/followup/synthetic';
import { startTestServer } from './app';

/**
 * A known follow-up data set on top of the demo workspace: 420 synthetic
 * notes by the demo clinicians and eight synthetic ones (so that Läkare has
 * eight clinicians, seven of them at VC Östersund, and Sjuksköterska six,
 * all at one ward: figures need five clinicians;
 * about 30 % in baseline mode) in the first half of 2026, plus two extra
 * professions written for edge cases:
 * "Dietist" with 8 AI notes and no measured baseline (the imported baseline
 * is used) and "Logoped" with 3 AI notes (suppressed everywhere).
 */
export const KNOWN = { from: '2026-01-01', to: '2026-06-30', notes: 420 };

async function extraProfession(deps: AppDeps, code: string, name: string, notes: number, seed: number): Promise<void> {
  const db = deps.db.prisma;
  const profession = await db.profession.create({ data: { code, name } });
  const unit = await db.careUnit.findFirstOrThrow({ orderBy: { code: 'asc' } });
  const user = await db.user.create({ data: { username: `${code}1`, displayName: `Syntetisk ${name}`, professionId: profession.id, careUnitId: unit.id, roles: { create: [{ role: 'clinician' }] } } });
  const workflow = await db.workflow.create({
    data: { name: `${name}: besök`, professionId: profession.id, noteType: 'Besöksanteckning', versions: { create: { version: 1, spec: {}, message: 'Syntetisk' } } },
    include: { versions: true },
  });
  const clinicians = [{ userId: user.id, professionId: profession.id, careUnitId: unit.id, versionIds: [workflow.versions[0]!.id] }];
  for (const b of syntheticBatches({ clinicians, notes, baselineShare: 0, from: new Date(`${KNOWN.from}T00:00:00Z`), to: new Date(`${KNOWN.to}T00:00:00Z`), seed, prefix: `${code}-` })) {
    await insertBundle(deps, b);
  }
}

/** Synthetic clinicians of a demo profession (no password, no roles beyond clinician). */
async function moreClinicians(deps: AppDeps, code: string, unitCode: string, count: number): Promise<void> {
  const db = deps.db.prisma;
  const profession = await db.profession.findUniqueOrThrow({ where: { code } });
  const unit = await db.careUnit.findUniqueOrThrow({ where: { code: unitCode } });
  for (let i = 0; i < count; i++) {
    await db.user.create({ data: { username: `${code}-syn${i + 1}`, displayName: `Syntetisk kliniker ${i + 1}`, professionId: profession.id, careUnitId: unit.id, roles: { create: [{ role: 'clinician' }] } } });
  }
}

export async function seedKnownFollowup(deps: AppDeps): Promise<void> {
  await moreClinicians(deps, 'lakare', 'vc-ostersund', 6);
  await moreClinicians(deps, 'sjukskoterska', 'avd-medicin', 4);
  const clinicians = await demoClinicians(deps);
  const spec = { clinicians, notes: KNOWN.notes, baselineShare: 0.3, from: new Date(`${KNOWN.from}T00:00:00Z`), to: new Date(`${KNOWN.to}T00:00:00Z`), seed: 42, prefix: 'k' };
  for (const b of syntheticBatches(spec, 100)) await insertBundle(deps, b);
  await extraProfession(deps, 'dietist', 'Dietist', 8, 7);
  await extraProfession(deps, 'logoped', 'Logoped', 3, 8);
}

/** Requests as a seeded user without a password (the route × role test does the same). */
export async function sessionFor(deps: AppDeps, baseUrl: string, username: string) {
  const user = await deps.db.prisma.user.findUniqueOrThrow({ where: { username } });
  const { token } = await createSession(deps, user.id);
  const client = new Client(baseUrl);
  const cookie = { cookie: `jv_session=${token}` };
  return {
    get: (path: string) => client.request('GET', path, undefined, cookie),
    put: (path: string, body: unknown) => client.request('PUT', path, body, cookie),
    post: (path: string, body: unknown, headers: Record<string, string> = {}) => client.request('POST', path, body, { ...cookie, ...headers }),
    request: (method: string, path: string, body?: unknown) => client.request(method, path, body, cookie),
  };
}

/** A test server with the known follow-up data set and the lead signed in (shared by the follow-up and report tests). */
export async function startFollowupServer(kind: 'sqlite' | 'postgresql') {
  const server = await startTestServer({ db: kind, workers: false });
  await seedKnownFollowup(server.deps);
  await server.deps.db.prisma.user.updateMany({ data: { mustChangePassword: false } });
  const lead = await sessionFor(server.deps, server.baseUrl, 'ledare1');
  return { server, lead };
}
