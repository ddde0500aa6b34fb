import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignmentFor, modeIn, periodOf, type ScheduleSpec } from '../../server/modules/followup/schedule';
import { rebuildFacts } from '../../server/modules/followup/facts';
import { reportData } from '../../server/modules/followup/reports/data';
import { buildMarkdown } from '../../server/modules/followup/reports/markdown';
import type { TestServer } from '../support/app';
import { KNOWN, sessionFor, startFollowupServer } from '../support/followup-data';

const spec = (pattern: string, extra: Partial<ScheduleSpec> = {}): ScheduleSpec => ({
  id: 's1',
  name: 'Test',
  professionId: 'p',
  careUnitId: null,
  level: 'clinician',
  pattern,
  startDay: '2026-03-02',
  periodDays: 7,
  periods: 8,
  seed: 12345,
  endedAt: null,
  createdAt: new Date(),
  ...extra,
});
const keys = Array.from({ length: 40 }, (_, i) => `user:${i}`);

describe('comparison schedule assignment', () => {
  it('puts a day in its period and nowhere outside the schedule', () => {
    const s = spec('alternating');
    expect(periodOf(s, '2026-03-01')).toBeNull();
    expect(periodOf(s, '2026-03-02')).toBe(0);
    expect(periodOf(s, '2026-03-08')).toBe(0);
    expect(periodOf(s, '2026-03-09')).toBe(1);
    expect(periodOf(s, '2026-04-26')).toBe(7);
    expect(periodOf(s, '2026-04-27')).toBeNull();
    expect(assignmentFor(s, { id: '1', careUnitId: null }, '2026-03-10')).toMatchObject({ period: 1, periodEnds: '2026-03-15' });
  });

  it('alternates with a drawn start, balances random pairs, and steps over once', () => {
    const alt = spec('alternating');
    const starts = keys.map((k) => modeIn(alt, k, 0));
    expect(starts.filter((m) => m === 'ai').length).toBeGreaterThan(10);
    expect(starts.filter((m) => m === 'ai').length).toBeLessThan(30);
    for (const k of keys) for (let p = 1; p < 8; p++) expect(modeIn(alt, k, p)).not.toBe(modeIn(alt, k, p - 1));
    const rnd = spec('randomised');
    for (const k of keys) for (let p = 0; p < 8; p += 2) expect(new Set([modeIn(rnd, k, p), modeIn(rnd, k, p + 1)])).toEqual(new Set(['ai', 'baseline']));
    const firsts = keys.map((k) => modeIn(rnd, k, 0));
    expect(new Set(firsts).size).toBe(2);
    const step = spec('stepped');
    for (const k of keys) {
      const seq = Array.from({ length: 8 }, (_, p) => modeIn(step, k, p));
      expect(seq[0]).toBe('baseline');
      expect(seq[7]).toBe('ai');
      expect(seq.join(',')).toMatch(/^(baseline,)+(ai,?)+$/);
    }
    // per unit: everyone in a unit gets the same periods
    const unit = spec('alternating', { level: 'unit' });
    expect(assignmentFor(unit, { id: 'a', careUnitId: 'u1' }, '2026-03-20')!.mode).toBe(assignmentFor(unit, { id: 'b', careUnitId: 'u1' }, '2026-03-20')!.mode);
  });
});

describe('comparison schedule in the workbench (SQLite)', () => {
  let server: TestServer;
  let lead: Awaited<ReturnType<typeof sessionFor>>;
  beforeAll(async () => {
    ({ server, lead } = await startFollowupServer('sqlite'));
  }, 120_000);
  afterAll(async () => server?.close());

  it('lets a lead set a schedule that the encounter form follows, with overrides needing a reason', async () => {
    const db = server.deps.db.prisma;
    const lakare = await db.profession.findUniqueOrThrow({ where: { code: 'lakare' } });
    const today = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
    const body = { name: 'Läkare VT', professionId: lakare.id, level: 'clinician', pattern: 'randomised', startDay: today, periodDays: 7, periods: 4 };
    const admin = await sessionFor(server.deps, server.baseUrl, 'admin');
    expect((await admin.post('/api/v1/followup/schedules', body)).status).toBe(403);
    const bad = await lead.post('/api/v1/followup/schedules', { ...body, professionId: null, periods: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.periods', 'body.professionId']);
    const made = await lead.post('/api/v1/followup/schedules', body);
    expect(made.status).toBe(201);
    expect(made.body.schedule.description).toMatch(/^Slumpad ordning inom varje par av perioder per kliniker, 4 perioder om 7 dagar/);

    const clinician = await sessionFor(server.deps, server.baseUrl, 'lakare1');
    const today2 = (await clinician.get('/api/v1/followup/schedule/current')).body.assignment;
    expect(today2).toMatchObject({ scheduleName: 'Läkare VT', period: 0 });
    expect(Object.keys(today2).sort()).toEqual(['mode', 'period', 'periodEnds', 'scheduleId', 'scheduleName']);
    const other = today2.mode === 'ai' ? 'baseline' : 'ai';

    const followed = await clinician.post('/api/v1/encounters', { label: 'Besök 09.00' });
    expect(followed.status).toBe(201);
    expect(followed.body.encounter.mode).toBe(today2.mode);
    const refused = await clinician.post('/api/v1/encounters', { label: 'Besök 09.30', mode: other });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('body.overrideReason');
    const overridden = await clinician.post('/api/v1/encounters', { label: 'Besök 10.00', mode: other, overrideReason: 'Tolk via telefon' });
    expect(overridden.status).toBe(201);
    const stored = await db.encounter.findUniqueOrThrow({ where: { id: overridden.body.encounter.id } });
    expect(stored).toMatchObject({ mode: other, assignedMode: today2.mode, modeOverrideReason: 'Tolk via telefon' });

    // a clinician of another profession has no schedule and chooses freely
    const nurse = await sessionFor(server.deps, server.baseUrl, 'ssk1');
    expect((await nurse.get('/api/v1/followup/schedule/current')).body.assignment).toBeNull();
    expect((await nurse.post('/api/v1/encounters', { label: 'Besök 11.00', mode: 'baseline' })).status).toBe(201);

    const list = (await lead.get('/api/v1/followup/schedules')).body.schedules;
    expect(list[0]).toMatchObject({ name: 'Läkare VT', encounters: 2, overrides: 1 });
    expect((await clinician.get('/api/v1/followup/schedules')).status).toBe(403);
    const ended = await lead.post(`/api/v1/followup/schedules/${list[0].id}/end`, {});
    expect(ended.body.schedules[0].endedAt).not.toBeNull();
    expect((await clinician.get('/api/v1/followup/schedule/current')).body.assignment).toBeNull();
  });

  it('analyses notes under a schedule by their periods, counts overrides and states the design', async () => {
    const db = server.deps.db.prisma;
    const lakare = await db.profession.findUniqueOrThrow({ where: { code: 'lakare' } });
    // the known notes as if a schedule had assigned them: most followed it, a few did not
    const encounters = await db.encounter.findMany({ where: { professionId: lakare.id, signedNotes: { some: {} } }, orderBy: { id: 'asc' } });
    let overrides = 0;
    for (const [i, e] of encounters.entries()) {
      const followed = i % 10 !== 0;
      if (!followed) overrides++;
      await db.encounter.update({ where: { id: e.id }, data: { assignedMode: followed ? e.mode : e.mode === 'ai' ? 'baseline' : 'ai' } });
    }
    await rebuildFacts(server.deps);
    const res = await lead.get(`/api/v1/followup/dashboard?from=${KNOWN.from}&to=${KNOWN.to}`);
    const g = res.body.time.groups.find((x: { professionName: string }) => x.professionName === 'Läkare');
    expect(g.design).toBe('schedule');
    expect(g.overrides).toEqual({ notes: overrides, scheduled: encounters.length });
    expect(g.saved.active).toMatchObject({ design: 'schedule', clinicians: 8, importedClinicians: 0 });
    expect(g.saved.active.variance.compliance).toBeGreaterThan(0.6);
    expect(g.saved.active.variance.compliance).toBeLessThan(0.95);
    const md = buildMarkdown(await reportData(server.deps, KNOWN.from, KNOWN.to));
    expect(md).toContain('inom kliniker, enligt schema');
    expect(md).toMatch(/\d+ av \d+ anteckningar avvek från schemat/);
    expect(md).toContain('Läkare VT: Slumpad ordning');
  });

  it('analyses a stepped schedule per care unit with units as the cluster and the calendar period adjusted for', async () => {
    const db = server.deps.db.prisma;
    const lakare = await db.profession.findUniqueOrThrow({ where: { code: 'lakare' } });
    const units = await db.careUnit.findMany({ orderBy: { code: 'asc' }, take: 3 });
    expect(units.length).toBe(3);
    const schedule = await db.comparisonSchedule.create({
      data: { name: 'Läkare trappsteg', professionId: lakare.id, level: 'unit', pattern: 'stepped', startDay: KNOWN.from, periodDays: 30, periods: 6, seed: 7, createdById: (await db.user.findFirstOrThrow({ where: { username: 'ledare1' } })).id },
    });
    const encounters = await db.encounter.findMany({ where: { professionId: lakare.id, signedNotes: { some: {} } }, orderBy: { id: 'asc' } });
    const clinicians = [...new Set(encounters.map((e) => e.createdById))].sort();
    for (const [i, e] of encounters.entries()) {
      const unit = units[clinicians.indexOf(e.createdById) % 3]!;
      await db.encounter.update({ where: { id: e.id }, data: { scheduleId: schedule.id, careUnitId: unit.id, assignedMode: i % 10 ? e.mode : e.mode === 'ai' ? 'baseline' : 'ai' } });
    }
    await rebuildFacts(server.deps);
    const res = await lead.get(`/api/v1/followup/dashboard?from=${KNOWN.from}&to=${KNOWN.to}`);
    const g = res.body.time.groups.find((x: { professionName: string }) => x.professionName === 'Läkare');
    expect(g.analysis).toEqual({ cluster: 'unit', periodAdjusted: true });
    expect(g.saved.active).toMatchObject({ design: 'schedule', clinicians: 8, clusters: 3 });
    // every fact knows its schedule and its period (30-day periods from the first day of the data)
    const facts = await db.noteFact.findMany({ where: { professionId: lakare.id }, select: { scheduleId: true, schedulePeriod: true, day: true } });
    expect(facts.every((f) => f.scheduleId === schedule.id && f.schedulePeriod !== null && f.schedulePeriod >= 0 && f.schedulePeriod < 6)).toBe(true);
    const md = buildMarkdown(await reportData(server.deps, KNOWN.from, KNOWN.to));
    expect(md).toContain('omdragning av hela vårdenheter (3 enheter)');
    expect(md).toContain('justerad för kalendertid');
  });
});
