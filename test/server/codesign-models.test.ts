import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedCases, loadSeedWorkflows } from '../../prompts/index';
import type { TestCase } from '../../server/contracts/testcase';
import { segmentsFromTurns } from '../../server/modules/transcripts/service';
import { startTestServer, type TestServer } from '../support/app';
import { Client, waitForJob } from '../support/http';
import { makeSyntheticChatModel } from '../support/synthetic/chat';

/**
 * A designer runs the läkare seed workflow on the group's shipped cases with
 * the model drafters, not only the extractive one: the local drafter backed
 * by a scripted synthetic chat model in MODELS_DIR (the real transformers.js
 * runtime, prompt, parser and finalize step), and the hosted drafter against
 * the server's own /v1/chat/completions gateway serving that same model.
 * The runs are compared with the extractive run of the same version, and a
 * rerun of the local run comes from the cache.
 */
const CHAT_MODEL = 'synthetic-chat';

/**
 * One trigger word per shipped läkare case: each occurs in that case's
 * transcript and, token by token, in no other läkare prompt (checked with the
 * fixture tokenizer against the seed workflow's system prompt when chosen).
 * The per-case assertion below fails if a trigger ever selects another case's answer.
 */
const TRIGGERS: Record<string, string> = {
  'lakare-01-halsont': 'halsfluss',
  'lakare-02-blodtryckskontroll': 'promenerar',
  'lakare-03-brostsmarta': 'kallsvettig',
  'lakare-04-hembesok-waran': 'blåmärken',
  'lakare-05-ryggskott-dialekt': 'korsryggen',
  'lakare-06-urinvagsinfektion': 'Urinstickan',
  'lakare-07-diabeteskontroll': 'sockervärdena',
  'lakare-08-rond-lunginflammation': 'syrgas',
};

const workflow = loadSeedWorkflows().find((w) => w.profession === 'lakare')!;
const cases = loadSeedCases().filter((c) => c.profession === 'lakare');
const words = (text: string) => new Set(text.toLocaleLowerCase('sv').match(/\p{L}{3,}/gu) ?? []);

/**
 * What the scripted model answers for a case: the first sentence of each
 * reference section, citing the segment that shares most words with it, so
 * the answer is a valid, partly complete note with real segment ids.
 */
function scriptedNote(testCase: TestCase): { json: string; sentences: Record<string, string> } {
  const segments = segmentsFromTurns(testCase.turns);
  const sentences: Record<string, string> = {};
  for (const section of workflow.sections) {
    const reference = testCase.referenceNote.find((r) => r.heading === section.heading);
    const first = reference?.text.match(/^[^.!?]+[.!?]/)?.[0];
    if (first) sentences[section.key] = first;
  }
  const evidence = (sentence: string) => {
    const wanted = words(sentence);
    const scored = segments.map((s) => ({ id: s.id, hits: [...words(s.text)].filter((w) => wanted.has(w)).length }));
    const best = scored.reduce((a, b) => (b.hits > a.hits ? b : a));
    return best.hits > 0 ? [best.id] : [];
  };
  const json = JSON.stringify({
    sections: workflow.sections.map((s) => ({
      key: s.key,
      sentences: sentences[s.key] ? [{ text: sentences[s.key], evidence: evidence(sentences[s.key]!) }] : [],
    })),
  });
  return { json, sentences };
}

const SCRIPTED = Object.fromEntries(cases.map((c) => [c.slug, scriptedNote(c)]));

type Result = { slug: string; cached: boolean; metrics: Record<string, any>; output: { sections: { key: string; text: string }[] } };

describe('co-design runs with the model drafters (synthetic chat model, SQLite)', () => {
  let server: TestServer;
  let modelsDir = '';
  let designer: Client;
  let workflowId = '';
  const runs: Record<string, { id: string; results: Result[]; summary: Record<string, number> }> = {};

  async function run(drafter: 'extractive' | 'local' | 'hosted') {
    const started = performance.now();
    const res = await designer.post(`/api/v1/workflows/${workflowId}/versions/1/runs`, { drafter });
    expect(res.status).toBe(202);
    const job = await waitForJob(designer, res.body.jobId, 120_000);
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');
    const detail = await designer.get(`/api/v1/evalruns/${res.body.run.id}`);
    const ms = Math.round(performance.now() - started);
    console.log(`${drafter}: 8 cases in ${ms} ms (drafting+metrics ${detail.body.run.summary.totalDurationMs} ms)`, JSON.stringify(detail.body.run.summary));
    return { id: res.body.run.id as string, drafterId: detail.body.run.drafterId as string, results: detail.body.results as Result[], summary: detail.body.run.summary };
  }

  beforeAll(async () => {
    modelsDir = await mkdtemp(path.join(os.tmpdir(), 'jv-codesign-models-'));
    const scripts = Object.fromEntries(cases.map((c) => [TRIGGERS[c.slug]!, SCRIPTED[c.slug]!.json]));
    await makeSyntheticChatModel({ dir: path.join(modelsDir, CHAT_MODEL), scripts });
    server = await startTestServer({ db: 'sqlite', env: { MODELS_DIR: modelsDir, LLM_LOCAL_MODEL: CHAT_MODEL, LLM_LOCAL_DTYPE: 'fp32' } });
    const admin = new Client(server.baseUrl);
    await admin.login('admin', server.passwords.admin);
    const key = await admin.post('/api/v1/admin/api-keys', { name: 'Körningar via egen gateway' });
    expect(key.status).toBe(201);
    // The gateway's address exists only once the server listens: the values an operator would put in .env.
    server.deps.env.LLM_HOSTED_BASE_URL = `${server.baseUrl}/v1`;
    server.deps.env.LLM_HOSTED_API_KEY = key.body.key;
    server.deps.env.LLM_HOSTED_MODEL = CHAT_MODEL;
    designer = new Client(server.baseUrl);
    await designer.login('design1', server.passwords.demo);
    const group = await server.deps.db.prisma.workingGroup.findFirstOrThrow({ where: { profession: { code: 'lakare' } } });
    const list = await designer.get(`/api/v1/workflows?groupId=${group.id}`);
    workflowId = list.body.workflows[0].id;
  });
  afterAll(async () => {
    await server?.close();
    if (modelsDir) await rm(modelsDir, { recursive: true, force: true });
  });

  it('the shipped cases and the scripts fit: one trigger per case, in its transcript only', () => {
    expect(cases.map((c) => c.slug).sort()).toEqual(Object.keys(TRIGGERS).sort());
    for (const c of cases) {
      for (const other of cases) {
        const said = other.turns.some((t) => t.text.includes(TRIGGERS[c.slug]!));
        expect(said, `${TRIGGERS[c.slug]} in ${other.slug}`).toBe(other.slug === c.slug);
      }
    }
  });

  it('the local drafter drafts every case with the scripted model; the note is parsed, grounded and measured', async () => {
    const local = await run('local');
    runs.local = local;
    expect(local.drafterId).toBe(`local:${CHAT_MODEL}`);
    expect(local.results).toHaveLength(8);
    for (const r of local.results) {
      expect(r.cached).toBe(false);
      // Each case got its own scripted answer, section by section: the trigger chose right, and nothing was lost on the way.
      const expected = SCRIPTED[r.slug]!.sentences;
      for (const section of r.output.sections) expect(section.text, `${r.slug}/${section.key}`).toBe(expected[section.key] ?? '');
      expect(r.metrics.rouge1).toBeGreaterThan(0);
      expect(r.metrics.completeness).toBe(1);
      expect(typeof r.metrics.flags.total).toBe('number');
      expect(typeof r.metrics.flags.critical).toBe('number');
    }
    // The scripted notes copy reference wording (figures, drug names) that the cited segment does not hold: the grounding check must flag some.
    expect(local.summary.flags).toBeGreaterThan(0);
  });

  it('the hosted drafter through the server’s own gateway gives the same notes under its own drafter id', async () => {
    const hosted = await run('hosted');
    runs.hosted = hosted;
    expect(hosted.drafterId).toBe(`hosted:${CHAT_MODEL}`);
    const bySlug = new Map(runs.local!.results.map((r) => [r.slug, r]));
    for (const r of hosted.results) {
      expect(r.cached).toBe(false); // another drafter id, so another cache key
      expect(r.output.sections.map((s) => s.text)).toEqual(bySlug.get(r.slug)!.output.sections.map((s) => s.text));
      expect(r.metrics.rouge1).toBe(bySlug.get(r.slug)!.metrics.rouge1);
    }
  });

  it('compares the model run with the extractive run of the same version: both complete, metrics differ', async () => {
    const extractive = await run('extractive');
    runs.extractive = extractive;
    const res = await designer.get(`/api/v1/evalruns/compare?a=${extractive.id}&b=${runs.local!.id}`);
    expect(res.status).toBe(200);
    expect(res.body.cases).toHaveLength(8);
    expect(res.body.a.drafterId).toBe('extractive:v1');
    expect(res.body.b.drafterId).toBe(`local:${CHAT_MODEL}`);
    const rouge = res.body.aggregate.find((a: { key: string }) => a.key === 'rouge1');
    expect(rouge.n).toBe(8);
    expect(rouge.meanDelta).not.toBe(0);
    expect(rouge.lower).toBeLessThanOrEqual(rouge.meanDelta);
    expect(rouge.upper).toBeGreaterThanOrEqual(rouge.meanDelta);
    const changed = res.body.cases.flatMap((c: { sections: { changed: boolean }[] }) => c.sections.filter((s) => s.changed));
    expect(changed.length).toBeGreaterThan(0);
    const flags = res.body.aggregate.find((a: { key: string }) => a.key === 'flags');
    expect(flags.meanA).not.toBeNull();
    expect(flags.meanB).not.toBeNull();
    console.log('compare extractive→local:', res.body.aggregate.map((a: { key: string; meanA: number; meanB: number; meanDelta: number; lower: number; upper: number }) => `${a.key} ${a.meanA?.toFixed(3)}→${a.meanB?.toFixed(3)} Δ ${a.meanDelta?.toFixed(3)} [${a.lower?.toFixed(3)}, ${a.upper?.toFixed(3)}]`).join('; '));
  });

  it('a rerun of the local run reuses every result from the cache', async () => {
    const again = await run('local');
    expect(again.summary.cachedCases).toBe(8);
    expect(again.results.every((r) => r.cached)).toBe(true);
    const first = new Map(runs.local!.results.map((r) => [r.slug, r.metrics]));
    for (const r of again.results) expect(r.metrics).toEqual(first.get(r.slug));
  });
});
