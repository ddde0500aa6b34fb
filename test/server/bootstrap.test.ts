import { afterEach, describe, expect, it } from 'vitest';
import { bootstrap } from '../../server/seed/bootstrap';
import { startTestServer, type TestServer } from '../support/app';

describe('first start', () => {
  let server: TestServer | undefined;
  afterEach(async () => server?.close());

  it('creates the administrator and the Swedish demo workspace once', async () => {
    server = await startTestServer();
    const db = server.deps.db.prisma;
    expect(server.passwords.admin).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    const admin = await db.user.findUniqueOrThrow({ where: { username: 'admin' }, include: { roles: true } });
    expect(admin).toMatchObject({ mustChangePassword: true, roles: [{ role: 'admin' }] });
    expect(admin.passwordHash).not.toContain(server.passwords.admin);
    expect(await db.profession.count()).toBe(6);
    expect(await db.workingGroup.count()).toBe(6);
    const roles = (await db.userRole.findMany()).map((r) => r.role);
    for (const role of ['clinician', 'designer', 'lead', 'admin']) expect(roles).toContain(role);
    // Each profession's workflow is imported as version 1 and labelled produktion.
    const workflows = await db.workflow.findMany({ include: { versions: true, labels: true } });
    expect(workflows).toHaveLength(6);
    for (const w of workflows) {
      expect(w.versions.map((v) => v.version)).toEqual([1]);
      expect(w.labels).toEqual([expect.objectContaining({ label: 'produktion', versionId: w.versions[0]!.id })]);
    }
    expect(await db.testCase.count()).toBeGreaterThanOrEqual(30);
    const encounters = await db.encounter.findMany({ include: { transcripts: true } });
    expect(encounters.length).toBeGreaterThanOrEqual(5);
    expect(encounters.every((e) => e.transcripts.length === 1)).toBe(true);

    // A second start changes nothing and prints no password.
    const printed: string[] = [];
    expect((await bootstrap(server.deps, (l) => printed.push(l))).created).toBe(false);
    expect(printed).toEqual([]);
  });

  it('DEMO_DATA=false gives only the administrator', async () => {
    server = await startTestServer({ env: { DEMO_DATA: 'false' } });
    const db = server.deps.db.prisma;
    expect(await db.user.count()).toBe(1);
    expect(await db.encounter.count()).toBe(0);
    expect(server.passwords.demo).toBe('');
  });
});
