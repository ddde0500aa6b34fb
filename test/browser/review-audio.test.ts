import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../server/modules/auth/sessions';
import { encodeWav, speechLikeSignal } from '../support/audio/signals';
import { chromiumAvailable, launchChromium, openPage, type OpenedPage } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';
import { createTempDb, installSyntheticWhisper, startInstance, type Instance, type TempDb } from '../server/recordings-support';

/*
 * Review with the audio in Chromium: a WAV uploaded on the encounter page is
 * transcribed by the synthetic Whisper and the transcript appears in the
 * review section without a reload; a click on a drafted sentence highlights
 * its evidence segment and moves the player to that segment's start; an
 * autosave that meets a change from another window keeps the user's text;
 * after signing the audio is gone (410) and the page says so calmly.
 */
const RATE = 16000;
// Synthetic Swedish, written for this test: two segments, so the second starts well into the audio.
const SCRIPT = [
  { start: 0, end: 2, text: 'Jag har haft ont i halsen i fyra dagar.' },
  { start: 2.5, end: 4.5, text: 'Jag har ingen feber men det gör ont att svälja.' },
];

describe.skipIf(!chromiumAvailable())('granskning med ljud i Chromium', () => {
  let db: TempDb;
  let server: Instance;
  let browser: Browser;
  let opened: OpenedPage;

  beforeAll(async () => {
    db = await createTempDb('sqlite');
    await installSyntheticWhisper(db, [{ segments: SCRIPT }]);
    await ensureClientBuilt();
    [server, browser] = await Promise.all([startInstance(db, {}), launchChromium()]);
    opened = await openPage(browser, server.baseUrl, { width: 1280, height: 900 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
  });

  it('uppladdning → transkript utan omladdning → belägg spelas → konflikt → signera → ljudet raderat', async () => {
    const prisma = server.deps.db.prisma;
    const user = await prisma.user.update({ where: { username: 'lakare1' }, data: { mustChangePassword: false } });
    const { token } = await createSession(server.deps, user.id);
    await opened.context.addCookies([{ name: 'jv_session', value: token, url: server.baseUrl }]);
    const encounter = await prisma.encounter.create({
      data: { label: 'Halsbesök', createdById: user.id, professionId: user.professionId, careUnitId: user.careUnitId, consentAt: new Date() },
    });
    const { page, pageErrors } = opened;
    page.setDefaultTimeout(15_000);

    // 1.5 s silence, 5 s speech-like sound, 1 s silence.
    const samples = new Float32Array(7.5 * RATE);
    samples.set(speechLikeSignal(5, RATE, 6), 1.5 * RATE);
    await page.goto(`/anteckningar/${encounter.id}`);
    await page.locator('#upload-file').setInputFiles({ name: 'besok.wav', mimeType: 'audio/wav', buffer: Buffer.from(encodeWav([samples], RATE, 's16')) });
    await page.getByRole('button', { name: 'Ladda upp och transkribera' }).click();

    // The review section follows the transcription job and shows its transcript: no reload.
    const review = page.getByRole('region', { name: 'Transkript' });
    await review.locator('[data-segment="s2"]').waitFor({ timeout: 60_000 });
    const transcript = await prisma.transcript.findFirstOrThrow({ where: { encounterId: encounter.id, source: 'asr' } });
    const segments = transcript.segments as { id: string; start: number; text: string }[];
    expect(segments.map((s) => s.text)).toEqual(SCRIPT.map((s) => s.text));

    await page.getByRole('button', { name: 'Skapa utkast' }).click();
    await page.getByRole('heading', { name: 'Utkast', exact: true }).waitFor({ timeout: 30_000 });
    const player = review.locator('audio');
    expect(await player.evaluate((a: HTMLAudioElement) => a.currentTime)).toBe(0);

    // The sentence whose evidence starts latest in the audio, so a jump is visible.
    const draft = await prisma.draft.findFirstOrThrow({ where: { encounterId: encounter.id } });
    const sentences = (draft.sections as { sentences: { text: string; evidence: { segmentId: string }[] }[] }[]).flatMap((s) => s.sentences);
    const startOf = (id: string | undefined) => segments.find((s) => s.id === id)?.start ?? -1;
    const target = sentences.reduce((best, s) => (startOf(s.evidence[0]?.segmentId) > startOf(best.evidence[0]?.segmentId) ? s : best));
    const segment = segments.find((s) => s.id === target.evidence[0]?.segmentId)!;
    expect(segment.start).toBeGreaterThan(2);
    await page.getByRole('button', { name: target.text, exact: true }).click();
    expect(await review.locator('li.evidence').first().getAttribute('data-segment')).toBe(segment.id);
    await expect.poll(() => player.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThanOrEqual(segment.start - 0.01);
    const at = await player.evaluate((a: HTMLAudioElement) => a.currentTime);
    expect(at).toBeLessThan(segment.start + 2);
    console.log(`[review audio] evidence ${segment.id} starts at ${segment.start} s; player at ${at.toFixed(2)} s after the click`);

    // Another window saves the same section first; the autosave must not overwrite it nor lose the user's text.
    const section = (draft.sections as { key: string; heading: string }[])[0]!;
    const fresh = await prisma.draft.findUniqueOrThrow({ where: { id: draft.id } });
    const elsewhere = await page.request.patch(`/api/v1/drafts/${draft.id}`, {
      data: { revision: fresh.revision, sections: [{ key: section.key, editedText: 'Ändrat i ett annat fönster.' }] },
    });
    expect(elsewhere.status()).toBe(200);
    await page.getByRole('button', { name: `Redigera ${section.heading}` }).click();
    await page.getByLabel(`Text under ${section.heading}`, { exact: true }).fill('Min osparade text om halsont.');
    const notice = page.getByRole('alert').filter({ hasText: 'Utkastet ändrades i ett annat fönster' });
    await notice.waitFor();
    expect(await notice.getByLabel(`Din osparade text under ${section.heading}`).inputValue()).toBe('Min osparade text om halsont.');
    expect(await page.getByLabel(`Text under ${section.heading}`, { exact: true }).inputValue()).toBe('Ändrat i ett annat fönster.');
    const saved = await prisma.draft.findUniqueOrThrow({ where: { id: draft.id } });
    expect(JSON.stringify(saved.sections)).not.toContain('Min osparade text');

    const unresolved = page.locator('li.flag:has(.actions)');
    for (let left = await unresolved.count(); left > 0; left = await unresolved.count()) {
      await unresolved.first().getByLabel('Motivering').fill('Sades i samtalet.');
      await unresolved.first().getByRole('button', { name: 'Avfärda' }).click();
      await expect.poll(() => unresolved.count()).toBeLessThan(left);
    }
    await page.getByRole('button', { name: 'Signera …' }).click();
    await page.getByRole('button', { name: 'Signera', exact: true }).click();
    await page.getByRole('heading', { name: 'Signerad anteckning, version 1' }).waitFor();
    // The signed page shows the note, not the transcript and its player; the audio itself is gone.
    expect(await page.locator('audio').count()).toBe(0);
    const recording = await prisma.recording.findFirstOrThrow({ where: { encounterId: encounter.id } });
    expect((await page.request.get(`/api/v1/recordings/${recording.id}/audio`)).status()).toBe(410);

    const kinds = (await prisma.timeEvent.findMany({ where: { encounterId: encounter.id, draftId: draft.id } })).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'review_opened')).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
