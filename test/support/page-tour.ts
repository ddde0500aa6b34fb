import type { APIRequestContext, Browser } from 'playwright-core';
import { expect } from 'vitest';
import { createSession } from '../../server/modules/auth/sessions';
import type { TestServer } from './app';
import { openPage } from './browser';

/**
 * The page tour every whole-UI browser test walks (layout, Swedish text):
 * one person with every role, the review pages in each state a clinician
 * meets (transcript only, draft, signed, a note without AI), the studio with
 * two versions' runs and their comparison, a blind rating round and its
 * results, review training, follow-up and every admin tab.
 */
export interface TourPage {
  name: string;
  path: string;
}

// Synthetic consultation written for this test.
const CONSULTATION = [
  'Läkare: Hej, vad kan jag hjälpa dig med idag?',
  'Patient: Jag har haft ont i halsen i fyra dagar och feber sedan igår, trettioåtta och fem som högst.',
  'Läkare: Har du hostat?',
  'Patient: Nej, ingen hosta.',
  'Läkare: Halsen är röd och tonsillerna är svullna med beläggningar. Inga förstorade lymfkörtlar.',
  'Läkare: Jag bedömer att det är en halsfluss orsakad av streptokocker, snabbtestet är positivt.',
  'Läkare: Du får penicillin, en tablett tre gånger om dagen i tio dagar. Hör av dig om du inte är bättre om tre dagar.',
].join('\n');

async function api(request: APIRequestContext, method: 'GET' | 'POST', path: string, data?: unknown) {
  const res = await request.fetch(`/api/v1${path}`, { method, ...(data === undefined ? {} : { data }) });
  const body = await res.json().catch(() => undefined);
  if (!res.ok()) throw new Error(`${method} ${path}: ${res.status()} ${JSON.stringify(body)}`);
  return body;
}

async function waitJob(request: APIRequestContext, id: string) {
  for (let i = 0; i < 200; i++) {
    const job = await api(request, 'GET', `/jobs/${id}`);
    if (job.status !== 'queued' && job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`job ${id} did not finish`);
}

export async function preparePageTour(server: TestServer, browser: Browser): Promise<{ token: string; pages: TourPage[] }> {
  const db = server.deps.db.prisma;
  // One person with every role, so one session reaches every page.
  const user = await db.user.update({ where: { username: 'lakare2' }, data: { mustChangePassword: false } });
  await db.userRole.createMany({ data: ['lead', 'admin'].map((role) => ({ userId: user.id, role })) });
  const token = (await createSession(server.deps, user.id)).token;

  const { context } = await openPage(browser, server.baseUrl);
  await context.addCookies([{ name: 'jv_session', value: token, url: server.baseUrl }]);
  const request = context.request;
  const encounter = async (label: string, mode: 'ai' | 'baseline' = 'ai') => (await api(request, 'POST', '/encounters', { label, mode })).encounter.id as string;
  const drafted = async (label: string) => {
    const id = await encounter(label);
    await api(request, 'POST', `/encounters/${id}/transcripts`, { text: CONSULTATION });
    const started = await api(request, 'POST', `/encounters/${id}/drafts`, { drafter: 'extractive' });
    expect((await waitJob(request, started.jobId)).status).toBe('succeeded');
    return { id, draftId: started.draftId as string };
  };
  const onlyTranscript = await encounter('Halsont, transkript');
  await api(request, 'POST', `/encounters/${onlyTranscript}/transcripts`, { text: CONSULTATION });
  const draft = await drafted('Halsont, utkast');
  const signed = await drafted('Halsont, signerad');
  const { draft: toSign } = await api(request, 'GET', `/drafts/${signed.draftId}`);
  for (const flag of toSign.sections.flatMap((s: { sentences: { flags: { id: string }[] }[] }) => s.sentences.flatMap((x) => x.flags))) {
    await api(request, 'POST', `/drafts/${signed.draftId}/flags/${flag.id}/resolve`, { action: 'dismissed', reason: 'Sades.' });
  }
  await api(request, 'POST', `/drafts/${signed.draftId}/sign`, {});
  const baseline = await encounter('Jämförelse', 'baseline');
  await api(request, 'POST', `/encounters/${baseline}/manual-draft`, {});

  const group = (await db.workingGroup.findFirstOrThrow({ where: { profession: { code: 'lakare' } } })).id;
  const workflow = (await db.workflow.findFirstOrThrow({ where: { groupId: group } })).id;
  const testCase = (await db.testCase.findFirstOrThrow({ where: { groupId: group } })).id;
  const run = await api(request, 'POST', `/workflows/${workflow}/versions/1/runs`, { drafter: 'extractive' });
  await waitJob(request, run.jobId);
  // A second version and its run: the comparison page and a blind rating round need two.
  const v1 = await api(request, 'GET', `/workflows/${workflow}/versions/1`);
  await api(request, 'POST', `/workflows/${workflow}/versions`, { baseVersion: 1, message: 'Kortare', spec: { ...v1.spec, instructions: `${v1.spec.instructions} Skriv kort.` } });
  const run2 = await api(request, 'POST', `/workflows/${workflow}/versions/2/runs`, { drafter: 'extractive' });
  await waitJob(request, run2.jobId);
  const rating = await api(request, 'POST', `/groups/${group}/rating-rounds`, { name: 'Kortare kontaktorsak', runAId: run.run.id, runBId: run2.run.id, raterIds: [user.id], seed: 7 });
  // Review training: a seeded case in a round the same person takes part in.
  const trainingCase = (await db.trainingCase.findFirstOrThrow({ where: { groupId: group } })).id;
  const training = await api(request, 'POST', `/groups/${group}/training-rounds`, { name: 'Övning', caseIds: [trainingCase], participantIds: [user.id], showFlags: false });
  await context.close();

  const pages = [
    { name: 'start-mina-anteckningar', path: '/anteckningar' },
    { name: 'besok-transkript', path: `/anteckningar/${onlyTranscript}` },
    { name: 'besok-utkast', path: `/anteckningar/${draft.id}` },
    { name: 'besok-signerat', path: `/anteckningar/${signed.id}` },
    { name: 'besok-utan-ai', path: `/anteckningar/${baseline}` },
    { name: 'samskapande', path: '/samskapande' },
    { name: 'samskapande-grupp', path: `/samskapande/grupp/${group}` },
    { name: 'samskapande-arbetsflode', path: `/samskapande/arbetsfloden/${workflow}` },
    { name: 'samskapande-testfall', path: `/samskapande/testfall/${testCase}` },
    { name: 'samskapande-nytt-testfall', path: `/samskapande/grupp/${group}/testfall/nytt` },
    { name: 'samskapande-korning', path: `/samskapande/korningar/${run.run.id}` },
    { name: 'samskapande-jamfor', path: `/samskapande/jamfor?a=${run.run.id}&b=${run2.run.id}` },
    { name: 'samskapande-ovningsfall', path: `/samskapande/ovningsfall/${trainingCase}` },
    { name: 'bedomning', path: '/bedomning' },
    { name: 'bedomning-omgang', path: `/bedomning/${rating.round.id}` },
    { name: 'bedomning-resultat', path: `/bedomning/${rating.round.id}/resultat` },
    { name: 'ovning', path: '/ovning' },
    { name: 'ovning-fall', path: `/ovning/${training.round.id}/${trainingCase}` },
    { name: 'start', path: '/' },
    { name: 'uppfoljning', path: '/uppfoljning' },
    ...['anvandare', 'yrkesgrupper', 'vardenheter', 'arbetsgrupper', 'api-nycklar', 'modeller', 'atkomstlogg', 'demodata'].map((tab) => ({ name: `admin-${tab}`, path: `/admin/${tab}` })),
    { name: 'saknas-404', path: '/finns-inte' },
  ];
  return { token, pages };
}
