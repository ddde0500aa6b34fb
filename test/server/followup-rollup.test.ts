import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresAvailable } from '../support/db';
import type { TestServer } from '../support/app';
import { KNOWN, startFollowupServer } from '../support/followup-data';
import { rollupMedians, timeCells } from '../../server/modules/followup/bulk';
import { rebuildFacts, refreshFacts } from '../../server/modules/followup/facts';
import { toFilters } from '../../server/modules/followup/filters';
import { loadLabels } from '../../server/modules/followup/labels';
import { qualityCells } from '../../server/modules/followup/quality';
import { ratingCounts } from '../../server/modules/followup/quality-points';
import { DASHBOARD_BUDGET } from '../../server/modules/followup/stats';
import { addMs, cellId, type CellKey, type MedianSource, type Moments, type TimeCell } from '../../server/modules/followup/time-cell';
import { timeSaved } from '../../server/modules/followup/time-saved';

/**
 * The dashboard reads the NoteFactDay rollup (rollup.ts); these tests build
 * the same figures from the NoteFact rows themselves and require equality:
 * every cell's time pairs, every quality sum and rating tally, and the
 * time-saved groups computed from either. Then the rollup must follow
 * changes made behind the fact writer's back (a note deleted, its fact going
 * with it by cascade) without a full rebuild.
 */
const pg = await postgresAvailable();
const KEYS = ['mode', 'professionId', 'careUnitId', 'workflowVersionId', 'noteType', 'month', 'clinicianId', 'assignedMode', 'scheduleId', 'schedulePeriod'] as const;
const SUMS = ['rating', 'tagMissing', 'tagInvented', 'tagSpeaker', 'tagTerminology', 'tagStyle', 'sentences', 'flags', 'flagsCritical', 'flagsFixed', 'flagsDismissed', 'editChars', 'draftChars'] as const;

type Fact = Awaited<ReturnType<TestServer['deps']['db']['prisma']['noteFact']['findMany']>>[number];

/** Cells keyed by their ten key values, sums in millionths of a minute: the database adds in its own order, the test in its. */
function canonical(cells: TimeCell[]): Map<string, unknown> {
  const round = (m: Moments) => ({ n: m.n, sum: Math.round(m.sum * 1e6), sumSq: Math.round(m.sumSq * 1e6) });
  return new Map(cells.map((c) => [JSON.stringify(KEYS.map((k) => c[k])), { id: c.id, notes: c.notes, active: round(c.active), total: round(c.total) }]));
}

/** What the rollup replaces: NoteFact rows of the period grouped in the test, with every cell's values for the medians. */
function cellsFromFacts(facts: Fact[]): { cells: TimeCell[]; medians: MedianSource } {
  const cells = new Map<string, TimeCell>();
  const values = new Map<string, { active: number[]; total: number[] }>();
  for (const f of facts) {
    const key = Object.fromEntries(KEYS.map((k) => [k, f[k]])) as unknown as CellKey;
    const id = cellId(key);
    let c = cells.get(id);
    if (!c) cells.set(id, (c = { ...key, id, notes: 0, active: { n: 0, sum: 0, sumSq: 0 }, total: { n: 0, sum: 0, sumSq: 0 } }));
    c.notes++;
    addMs(c.active, f.activeMs);
    addMs(c.total, f.totalMs);
    const v = values.get(id) ?? { active: [], total: [] };
    if (f.activeMs !== null) v.active.push(f.activeMs / 60_000);
    if (f.totalMs !== null) v.total.push(f.totalMs / 60_000);
    values.set(id, v);
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length === 0 ? Number.NaN : s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
  };
  const medians: MedianSource = async (requests) =>
    requests.map((side) => [median(side.flatMap((c) => values.get(c.id)?.active ?? [])), median(side.flatMap((c) => values.get(c.id)?.total ?? []))]);
  return { cells: [...cells.values()], medians };
}

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('follow-up rollup on $kind', ({ kind, skip }) => {
  let server: TestServer;
  const f = toFilters({ from: KNOWN.from, to: KNOWN.to, groupBy: 'profession' });
  const factsOfPeriod = () => server.deps.db.prisma.noteFact.findMany({ where: { day: { gte: f.fromDay, lte: f.toDay } } });
  beforeAll(async () => {
    if (skip) return;
    ({ server } = await startFollowupServer(kind));
    await rebuildFacts(server.deps);
  }, 120_000);
  afterAll(async () => server?.close());

  it.skipIf(skip)('gives every cell the same counts and sums of times as the fact rows, in fewer rows', async () => {
    const facts = await factsOfPeriod();
    expect(facts.length).toBeGreaterThan(KNOWN.notes);
    const fromRollup = canonical(await timeCells(server.deps, f));
    expect(fromRollup).toEqual(canonical(cellsFromFacts(facts).cells));
    expect(await server.deps.db.prisma.noteFactDay.count()).toBeLessThan(facts.length);
    expect(await server.deps.db.prisma.noteFactDayDirty.count()).toBe(0);
  });

  it.skipIf(skip)('gives the same quality sums and rating tallies as the fact rows', async () => {
    const ai = (await factsOfPeriod()).filter((x) => x.mode === 'ai');
    const expected = new Map<string, { n: number; ratingN: number; editN: number; sum: Record<string, number> }>();
    for (const x of ai) {
      const id = [x.professionId, x.workflowVersionId, x.month, x.clinicianId].join('|');
      const s = expected.get(id) ?? { n: 0, ratingN: 0, editN: 0, sum: Object.fromEntries(SUMS.map((k) => [k, 0])) };
      s.n++;
      if (x.rating !== null) s.ratingN++;
      if (x.editChars !== null) s.editN++;
      for (const k of SUMS) s.sum[k]! += x[k] ?? 0;
      expected.set(id, s);
    }
    const cells = await qualityCells(server.deps, f);
    expect(cells.length).toBe(expected.size);
    for (const c of cells) expect(c.sums).toEqual(expected.get([c.professionId, c.workflowVersionId, c.month, c.clinicianId].join('|')));
    const tallies = new Map<string, number>();
    for (const x of ai) if (x.rating !== null) tallies.set(`${x.professionId}|${x.rating}`, (tallies.get(`${x.professionId}|${x.rating}`) ?? 0) + 1);
    const counted = await ratingCounts(server.deps, f);
    expect(new Map(counted.map((r) => [`${r.professionId}|${r.rating}`, r.notes]))).toEqual(tallies);
  });

  it.skipIf(skip)('gives the same time-saved figures as the fact rows', async () => {
    const labels = await loadLabels(server.deps);
    const fromRollup = await timeSaved(await timeCells(server.deps, f), [], f, labels, DASHBOARD_BUDGET, rollupMedians(server.deps, f));
    const rows = cellsFromFacts(await factsOfPeriod());
    const fromRows = await timeSaved(rows.cells, [], f, labels, DASHBOARD_BUDGET, rows.medians);
    expect(fromRollup.length).toBe(fromRows.length);
    // the medians are read from the rollup's per-note times: exact, and there for every side shown
    const shown = fromRows.flatMap((g) => [g.ai.active, g.ai.total, g.baseline.active]).filter((x) => !x.suppressed);
    expect(shown.length).toBeGreaterThan(2);
    for (const x of shown) expect(Number.isFinite(x.median)).toBe(true);
    // only the order of summation differs: equal to floating-point rounding
    const close = (a: unknown, b: unknown): void => {
      if (typeof a === 'number' && typeof b === 'number') expect(a).toBeCloseTo(b, 9);
      else if (a && b && typeof a === 'object') for (const k of Object.keys(b)) close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
      else expect(a).toEqual(b);
    };
    close(fromRollup, fromRows);
  });

  it.skipIf(skip)('follows a deleted note (its fact goes by cascade) without a full rebuild', async () => {
    const db = server.deps.db.prisma;
    const victim = (await factsOfPeriod()).find((x) => x.mode === 'ai' && x.activeMs !== null)!;
    await db.signedNote.delete({ where: { id: victim.signedNoteId } });
    expect(await db.noteFactDayDirty.findMany({ select: { day: true } })).toEqual([{ day: victim.day }]);
    await refreshFacts(server.deps);
    expect(await db.noteFactDayDirty.count()).toBe(0);
    expect(canonical(await timeCells(server.deps, f))).toEqual(canonical(cellsFromFacts(await factsOfPeriod()).cells));
  });
});
