import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUserLines } from '../../server/seed/bootstrap';
import { postgresAvailable } from '../support/db';
import { startTestServer, type TestServer } from '../support/app';
import { sessionFor } from '../support/followup-data';
import ExcelJS from 'exceljs';
import { buildReport } from '../../server/modules/followup/reports/jobs';

/**
 * The demo workspace's invented pilot: on first start the follow-up has
 * data for every chart (time per profession, quality per month, surveys
 * before/after), everything labelled invented; an administrator removes it
 * in one request and the rest of the demo workspace stays.
 */
const pg = await postgresAvailable();

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('invented demo pilot on $kind', ({ kind, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (skip) return;
    const started = Date.now();
    server = await startTestServer({ db: kind, workers: false, env: { DEMO_PILOT: 'true' } });
    console.log(`[${kind}] first start with the pilot: ${Date.now() - started} ms`);
    await server.deps.db.prisma.user.updateMany({ data: { mustChangePassword: false } });
  }, 120_000);
  afterAll(async () => server?.close());

  it.skipIf(skip)('fills every chart of the dashboard for every profession, labelled invented', async () => {
    const lead = await sessionFor(server.deps, server.baseUrl, 'ledare1');
    const pilot = (await lead.get('/api/v1/demo-pilot')).body.pilot;
    expect(pilot).toMatchObject({ clinicians: 54 });
    expect(pilot.notes).toBe(54 * 12);
    const started = Date.now();
    const res = await lead.get('/api/v1/followup/dashboard');
    console.log(`[${kind}] first dashboard over the pilot: ${Date.now() - started} ms`);
    expect(res.status).toBe(200);
    const { time, quality, surveys } = res.body;
    expect(time.groups).toHaveLength(6);
    for (const g of time.groups) {
      expect(g.saved.active.suppressed).toBeNull();
      expect(g.saved.active.mean).toBeGreaterThan(0);
    }
    expect(new Set(quality.trend.map((t: { month: string }) => t.month)).size).toBe(5);
    expect(new Set(quality.trend.map((t: { professionName: string }) => t.professionName)).size).toBe(6);
    expect(surveys.groups).toHaveLength(6);
    for (const g of surveys.groups) {
      expect(g.before.burnout.suppressed).toBeNull();
      expect(g.after.burnout.suppressed).toBeNull();
    }
    const users = await server.deps.db.prisma.user.findMany({ where: { username: { startsWith: 'pilot.' } } });
    expect(users.every((u) => u.displayName.startsWith('Påhittad') && u.passwordHash === null)).toBe(true);
    const notes = await server.deps.db.prisma.signedNote.findMany({ where: { encounterId: { startsWith: 'pilot-' } }, select: { text: true }, distinct: ['text'] });
    expect(notes.map((n) => n.text)).toEqual(['Syntetisk anteckning.']);
  });

  // A downloaded report leaves the dashboard's banner behind: it must say itself that its figures are invented.
  const reportTexts = async () => {
    const period = { from: '2000-01-01', to: '2100-12-31' };
    const md = (await buildReport(server.deps, { ...period, format: 'md' })).body.toString('utf8');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildReport(server.deps, { ...period, format: 'xlsx' })).body as unknown as ArrayBuffer);
    const readMe: string[] = [];
    wb.getWorksheet('Läs mig')!.eachRow((row) => readMe.push(row.values!.toString()));
    return { md, readMe: readMe.join('\n') };
  };

  it.skipIf(skip)('the XLSX and Markdown reports say at their top that the figures come from the invented pilot', async () => {
    const { md, readMe } = await reportTexts();
    const heading = md.indexOf('## 1.');
    expect(md.slice(0, heading)).toMatch(/påhittad demopilot \(648 syntetiska anteckningar av 54 påhittade kliniker/);
    expect(md.slice(0, heading)).toContain('får inte redovisas som verkliga resultat');
    expect(readMe.split('\n')[1]).toMatch(/^,Påhittade data,Obs! Databasen innehåller en påhittad demopilot/);
  });

  it.skipIf(skip)('an administrator removes it in one request; the demo workspace stays', async () => {
    const db = server.deps.db.prisma;
    const lead = await sessionFor(server.deps, server.baseUrl, 'ledare1');
    const admin = await sessionFor(server.deps, server.baseUrl, 'admin');
    const before = { users: await db.user.count(), encounters: await db.encounter.count({ where: { id: { not: { startsWith: 'pilot-' } } } }) };
    expect((await lead.request('DELETE', '/api/v1/demo-pilot')).status).toBe(403);
    const removed = await admin.request('DELETE', '/api/v1/demo-pilot');
    expect(removed.status).toBe(200);
    expect(removed.body.removed).toEqual({ notes: 54 * 12, clinicians: 54 });
    expect((await admin.get('/api/v1/demo-pilot')).body.pilot).toBeNull();
    expect(await db.user.count()).toBe(before.users - 54);
    expect(await db.encounter.count()).toBe(before.encounters);
    expect(await db.timeEvent.count({ where: { encounterId: { startsWith: 'pilot-' } } })).toBe(0);
    expect(await db.surveyResponse.count()).toBe(0);
    expect(await db.workflow.count()).toBe(6);
    const audit = await db.auditEvent.findMany({ where: { action: 'demo.pilot_remove', outcome: 'success' } });
    expect(audit).toHaveLength(1);
    const dashboard = await lead.get('/api/v1/followup/dashboard');
    expect(dashboard.body.quality.trend).toEqual([]);
    const { md, readMe } = await reportTexts();
    expect(md).not.toMatch(/demopilot/);
    expect(readMe).not.toMatch(/Påhittade data/);
  });
});

describe('first start text', () => {
  it('says which demo user has which role', () => {
    const lines = demoUserLines();
    expect(lines.find((l) => l.includes('ledare1'))).toMatch(/ledare1\s+projektledare$/);
    expect(lines.find((l) => l.includes('lakare2'))).toMatch(/lakare2\s+kliniker och arbetsgruppsdesigner, läkare$/);
    expect(lines.find((l) => l.includes('design1'))).toMatch(/arbetsgruppsdesigner/);
  });
});
