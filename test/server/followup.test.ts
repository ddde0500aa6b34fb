import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../support/db';
import type { TestServer } from '../support/app';
import { KNOWN, sessionFor, startFollowupServer } from '../support/followup-data';
import { addNote, emptyArm, estimateTimeSaved, type ClinicianTimes } from '../../evals/metrics/time-saved';
import { DASHBOARD_BUDGET } from '../../server/modules/followup/stats';

const pg = await postgresAvailable();
const Q = `from=${KNOWN.from}&to=${KNOWN.to}`;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('follow-up API on $kind', ({ kind, skip }) => {
  let server: TestServer;
  let lead: Awaited<ReturnType<typeof sessionFor>>;
  beforeAll(async () => {
    if (skip) return;
    ({ server, lead } = await startFollowupServer(kind));
  }, 120_000);
  afterAll(async () => server?.close());

  const professionId = async (code: string) => (await server.deps.db.prisma.profession.findUniqueOrThrow({ where: { code } })).id;

  it.skipIf(skip)('serves the dashboard to leads and admins only', async () => {
    const clinician = await sessionFor(server.deps, server.baseUrl, 'lakare1');
    expect((await clinician.get(`/api/v1/followup/dashboard?${Q}`)).status).toBe(403);
    const admin = await sessionFor(server.deps, server.baseUrl, 'admin');
    expect((await admin.get(`/api/v1/followup/dashboard?${Q}`)).status).toBe(200);
    const bad = await lead.get('/api/v1/followup/dashboard?from=2026-05-01&to=2026-04-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('query.from');
  });

  it.skipIf(skip)('compares each clinician with their own baseline, with clinician-level intervals, and suppresses small groups', async () => {
    const res = await lead.get(`/api/v1/followup/dashboard?${Q}`);
    expect(res.status).toBe(200);
    const groups = res.body.time.groups as any[];
    const lakare = groups.find((g) => g.professionName === 'Läkare');
    expect(lakare.baseline.source).toBe('measured');
    expect(lakare.design).toBe('free');
    // the same estimator as `npm run eval -- time-saved`, fed from the notes' raw facts
    const db = server.deps.db.prisma;
    const facts = await db.noteFact.findMany({ where: { professionId: await professionId('lakare') } });
    const byClinician = new Map<string, ClinicianTimes>();
    for (const f of facts) {
      if (f.activeMs === null) continue;
      const c = byClinician.get(f.clinicianId!) ?? { clinician: f.clinicianId!, ai: emptyArm(), baseline: emptyArm() };
      addNote(f.mode === 'ai' ? c.ai : c.baseline, f.activeMs / 60_000, f.mode === 'ai');
      byClinician.set(f.clinicianId!, c);
    }
    expect(byClinician.size).toBe(8);
    const expected = estimateTimeSaved({ design: 'free', clinicians: [...byClinician.values()] }, { iterations: DASHBOARD_BUDGET.maxIterations, seed: DASHBOARD_BUDGET.seed });
    expect(lakare.saved.active).toMatchObject({ clinicians: 8, notes: facts.length, withoutComparison: 0, importedClinicians: 0, median: null, suppressed: null });
    expect(lakare.saved.active.mean).toBeCloseTo(expected.estimate!, 9);
    expect(lakare.ai.active.clinicians).toBe(8);
    for (const g of groups.filter((x) => x.saved.active.mean !== null)) {
      expect(g.saved.active.meanCi.lower).toBeLessThanOrEqual(g.saved.active.mean);
      expect(g.saved.active.meanCi.upper).toBeGreaterThanOrEqual(g.saved.active.mean);
      expect(g.saved.active.clinicians).toBeGreaterThanOrEqual(5);
    }
    // a profession with one clinician: no figure, however many notes
    const fysio = groups.find((g) => g.professionName === 'Fysioterapeut');
    expect(fysio.ai.active.n).toBeGreaterThanOrEqual(5);
    expect(fysio.ai.active).toMatchObject({ clinicians: 1, mean: null, suppressed: 'för få kliniker (< 5)' });
    expect(fysio.saved.active).toMatchObject({ mean: null, clinicians: 1, suppressed: 'för få kliniker (< 5)' });
    const precision = res.body.time.precision.find((p: any) => p.professionName === 'Läkare');
    expect(precision.source).toBe('observed');
    expect(precision.rows.map((r: any) => r.notesPerSide)).toEqual([5, 10, 20, 40]);
    const logoped = groups.find((g) => g.professionName === 'Logoped');
    expect(logoped.ai.active).toMatchObject({ n: 3, mean: null, median: null, suppressed: 'för få anteckningar (< 5)' });
    const quality = res.body.quality.byProfession.find((q: any) => q.professionName === 'Logoped');
    expect(quality).toMatchObject({ n: 3, ratingMean: null, flagsPer100Sentences: null, suppressed: 'för få anteckningar (< 5)' });
    expect(res.body.quality.trend.filter((t: any) => t.n < 5 || t.clinicians < 5).every((t: any) => t.ratingMean === null && t.suppressed)).toBe(true);
    const lakareQuality = res.body.quality.byProfession.find((q: any) => q.professionName === 'Läkare');
    expect(lakareQuality.clinicians).toBe(8);
    for (const key of ['ratingMean', 'flagsPer100Sentences', 'editRatio']) {
      expect(lakareQuality.ci[key].lower).toBeLessThanOrEqual(lakareQuality[key]);
      expect(lakareQuality.ci[key].upper).toBeGreaterThanOrEqual(lakareQuality[key]);
    }
    for (const text of [res.body.time.explanation, res.body.quality.explanation, res.body.surveys.explanation, res.body.extrapolation.explanation]) expect(text.length).toBeGreaterThan(80);
    expect(res.body.time.explanation).toMatch(/\d+ anteckningar med AI-stöd/);
  });

  it.skipIf(skip)('filters by profession and groups by month and workflow version', async () => {
    const lakareId = await professionId('lakare');
    const byMonth = await lead.get(`/api/v1/followup/dashboard?${Q}&profession=${lakareId}&groupBy=month`);
    expect(byMonth.status).toBe(200);
    const months = byMonth.body.time.groups as any[];
    expect(new Set(months.map((g) => g.professionName))).toEqual(new Set(['Läkare']));
    expect(months.map((g) => g.key).every((k: string) => /^2026-0[1-6]$/.test(k))).toBe(true);
    const total = months.reduce((s, g) => s + g.ai.active.n, 0);
    const all = (await lead.get(`/api/v1/followup/dashboard?${Q}`)).body.time.groups.find((g: any) => g.professionName === 'Läkare');
    expect(total).toBe(all.ai.active.n);
    const byVersion = await lead.get(`/api/v1/followup/dashboard?${Q}&profession=${lakareId}&groupBy=workflowVersion`);
    expect(byVersion.body.time.groups.every((g: any) => / v\d+$/.test(g.label))).toBe(true);
  });

  it.skipIf(skip)('drills down to anonymised notes and refuses small groups', async () => {
    const lakareId = await professionId('lakare');
    const res = await lead.get(`/api/v1/followup/notes?${Q}&groupProfession=${lakareId}&mode=baseline&limit=500`);
    expect(res.status).toBe(200);
    const dashboard = (await lead.get(`/api/v1/followup/dashboard?${Q}`)).body.time.groups.find((g: any) => g.professionName === 'Läkare');
    expect(res.body.total).toBe(dashboard.baseline.active.n);
    expect(mean(res.body.notes.map((n: any) => n.activeMinutes))).toBeCloseTo(dashboard.baseline.active.mean, 9);
    expect(Object.keys(res.body.notes[0]).sort()).toEqual(
      ['activeMinutes', 'careUnit', 'date', 'editChars', 'flags', 'flagsDismissed', 'flagsFixed', 'id', 'mode', 'noteType', 'profession', 'rating', 'sentences', 'totalMinutes', 'workflowVersion'].sort(),
    );
    const small = await lead.get(`/api/v1/followup/notes?${Q}&groupProfession=${await professionId('logoped')}`);
    expect(small.body).toEqual({ total: 3, suppressed: 'för få anteckningar (< 5)', notes: [] });
    const audit = await server.deps.db.prisma.auditEvent.count({ where: { action: 'followup.drilldown', outcome: 'success' } });
    expect(audit).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(skip)('imports baseline CSV, listing errors per row and column, and uses it where no baseline was measured', async () => {
    const bad = 'yrkesgrupp;anteckningstyp;minuter\ndietist;Besöksanteckning;12,5\ndietist;Besöksanteckning;abc\nokänd;Besöksanteckning;9\nDietist;;-3\n';
    const refused = await lead.post('/api/v1/followup/baseline?source=Tidsstudie%20VT', bad, { 'content-type': 'text/csv' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('baseline_invalid');
    expect(refused.body.errors.map((e: any) => e.field)).toEqual(['row.3.minutes', 'row.4.profession', 'row.5.noteType', 'row.5.minutes']);
    expect(refused.body.errors[0].message).toMatch(/^Rad 3, kolumn minutes: /);
    expect(await server.deps.db.prisma.baselineTime.count()).toBe(0);

    const minutes = [12.5, 9, 11, 14.25, 10];
    const csv = 'yrkesgrupp;anteckningstyp;minuter\n' + minutes.map((m) => `Dietist;Besöksanteckning;${String(m).replace('.', ',')}`).join('\r\n');
    const ok = await lead.post('/api/v1/followup/baseline?source=Tidsstudie%20VT', csv, { 'content-type': 'text/csv; charset=utf-8' });
    expect(ok.status).toBe(200);
    expect(ok.body.imported).toBe(5);
    // the same source again replaces, it does not add
    expect((await lead.post('/api/v1/followup/baseline?source=Tidsstudie%20VT', csv, { 'content-type': 'text/csv' })).status).toBe(200);
    expect(await server.deps.db.prisma.baselineTime.count()).toBe(5);

    const json = await lead.post('/api/v1/followup/baseline', { source: 'JSON-test', rows: [{ profession: 'lakare', noteType: 'x', minutes: 'sju' }] });
    expect(json.status).toBe(422);
    expect(json.body.errors[0].field).toBe('row.1.minutes');
    expect((await lead.post('/api/v1/followup/baseline', 'a,b', { 'content-type': 'application/xml' })).status).toBe(415);
    const admin = await sessionFor(server.deps, server.baseUrl, 'admin');
    expect((await admin.post('/api/v1/followup/baseline', csv, { 'content-type': 'text/csv' })).status).toBe(403);

    const dietist = (await lead.get(`/api/v1/followup/dashboard?${Q}`)).body.time.groups.find((g: any) => g.professionName === 'Dietist');
    expect(dietist.baseline.source).toBe('imported');
    expect(dietist.baseline.active.n).toBe(5);
    expect(dietist.baseline.active.mean).toBeCloseTo(mean(minutes), 9);
    // its one clinician is compared with the time study, counted, and the figure still needs five clinicians
    expect(dietist.saved.active).toMatchObject({ clinicians: 1, importedClinicians: 1, mean: null, suppressed: 'för få kliniker (< 5)' });
    expect(dietist.saved.total).toBeNull();
  });

  it.skipIf(skip)('lets only a lead change the assumptions, audits the change, and extrapolates with them', async () => {
    const body = { professions: { lakare: { notesPerYear: 40_000, suitableShare: 0.6, hourlyCostSek: 1100 } } };
    const admin = await sessionFor(server.deps, server.baseUrl, 'admin');
    expect((await admin.put('/api/v1/followup/assumptions', body)).status).toBe(403);
    expect((await lead.put('/api/v1/followup/assumptions', { professions: { lakare: { notesPerYear: -1, suitableShare: 2, hourlyCostSek: 1 } } })).status).toBe(400);
    const saved = await lead.put('/api/v1/followup/assumptions', body);
    expect(saved.status).toBe(200);
    const audit = await server.deps.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'followup.assumptions.update', outcome: 'success' } });
    expect(audit.details).toMatchObject({ 'lakare.notesPerYear': 40_000, 'lakare.suitableShare': 0.6, 'lakare.hourlyCostSek': 1100 });
    const dash = (await lead.get(`/api/v1/followup/dashboard?${Q}`)).body;
    const row = dash.extrapolation.rows.find((r: any) => r.professionCode === 'lakare');
    const g = dash.time.byProfession.find((x: any) => x.professionName === 'Läkare');
    expect(row.hoursPerYear.estimate).toBeCloseTo((40_000 * 0.6 * g.saved.active.mean) / 60, 6);
    expect(row.kronorPerYear.estimate).toBeCloseTo(row.hoursPerYear.estimate * 1100, 4);
    expect(row.hoursPerYear.lower).toBeCloseTo((40_000 * 0.6 * g.saved.active.meanCi.lower) / 60, 6);
    expect(row.assumption).toEqual(body.professions.lakare);
  });

  it.skipIf(skip)('stores surveys per user and phase and aggregates them per profession with suppression', async () => {
    const db = server.deps.db.prisma;
    const lakare = await professionId('lakare');
    const burnout = [1, 2, 3, 2, 4];
    for (let i = 0; i < 5; i++) await db.user.create({ data: { username: `enkat${i}`, displayName: 'Syntetisk', professionId: lakare, roles: { create: [{ role: 'clinician' }] } } });
    for (let i = 0; i < 5; i++) {
      const s = await sessionFor(server.deps, server.baseUrl, `enkat${i}`);
      // the first answer is replaced by the second
      expect((await s.put('/api/v1/followup/surveys/before', { burnout: 5, mentalDemand: 0, temporalDemand: 0, effort: 0, frustration: 0 })).status).toBe(200);
      expect((await s.put('/api/v1/followup/surveys/before', { burnout: burnout[i], mentalDemand: 50 + i, temporalDemand: 40, effort: 30, frustration: 20 })).status).toBe(200);
      if (i < 2) expect((await s.put('/api/v1/followup/surveys/after', { burnout: 1, mentalDemand: 10, temporalDemand: 10, effort: 10, frustration: 10 })).status).toBe(200);
    }
    const s0 = await sessionFor(server.deps, server.baseUrl, 'enkat0');
    expect((await s0.put('/api/v1/followup/surveys/during', { burnout: 1 })).status).toBe(400);
    expect((await s0.put('/api/v1/followup/surveys/after', { burnout: 6, mentalDemand: 10, temporalDemand: 10, effort: 10, frustration: 10 })).status).toBe(400);
    expect((await s0.get('/api/v1/followup/surveys/mine')).body.responses).toHaveLength(2);
    expect((await s0.get('/api/v1/followup/surveys/questions')).body.questions.burnout.options).toHaveLength(5);

    const g = (await lead.get(`/api/v1/followup/dashboard?${Q}`)).body.surveys.groups.find((x: any) => x.professionName === 'Läkare');
    expect(g.before.respondents).toBe(5);
    expect(g.before.burnout.mean).toBeCloseTo(mean(burnout), 9);
    expect(g.before.burnoutShare).toBeCloseTo(2 / 5, 9);
    expect(g.before.load.mentalDemand.mean).toBeCloseTo(52, 9);
    expect(g.after.respondents).toBe(2);
    expect(g.after.burnout).toMatchObject({ n: 2, mean: null, suppressed: 'för få svar (< 5)' });
  });
});
