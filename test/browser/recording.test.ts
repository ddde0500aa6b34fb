import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWavHeader } from '../../server/pipeline/audio/wav';
import { encodeWav, speechLikeSignal } from '../support/audio/signals';
import { CHROMIUM_PATH, chromiumAvailable, openPage, type OpenedPage } from '../support/browser';
import { ensureClientBuilt } from '../support/client-build';
import { Client } from '../support/http';
import { createTempDb, installSyntheticWhisper, readStoredWav, startInstance, type Instance, type TempDb } from '../server/recordings-support';

/*
 * The recorder in Chromium with a fake microphone playing a generated file:
 * record, kill the server in the middle, start it again on the same data
 * folder and port, finish. The audio the server assembled must be exactly
 * what the browser captured: the client's SHA-256 over all captured PCM
 * equals the server's hash of the stored WAV's samples.
 */
const RATE = 16000;
// Synthetic Swedish, written for this test.
const SCRIPT = [{ start: 0, end: 2, text: 'Jag har ont i knät när jag går i trappor.' }];
const PASSWORD = 'Knäled-Trappa-2025';

describe.skipIf(!chromiumAvailable())('inspelning i webbläsaren', () => {
  let db: TempDb;
  let server: Instance;
  let browser: Browser;
  let opened: OpenedPage;
  let work: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'jv-recorder-'));
    // 1 s silence, 3 s speech-like sound, 1.5 s silence, looped by Chromium's fake microphone.
    const loop = new Float32Array(5.5 * RATE);
    loop.set(speechLikeSignal(3, RATE, 4), RATE);
    const micFile = path.join(work, 'mikrofon.wav');
    fs.writeFileSync(micFile, encodeWav([loop], RATE, 's16'));
    db = await createTempDb('sqlite');
    await installSyntheticWhisper(db, [{ segments: SCRIPT }]);
    await ensureClientBuilt();
    const started = await startInstance(db, {});
    server = started;
    const api = new Client(server.baseUrl);
    await api.login('lakare1', started.passwords.demo!, PASSWORD);
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${micFile}`,
        '--autoplay-policy=no-user-gesture-required',
      ],
    });
    opened = await openPage(browser, server.baseUrl);
    // Which audio API the recorder uses: the AudioWorklet, never the deprecated ScriptProcessorNode.
    await opened.context.addInitScript(() => {
      const used: string[] = [];
      (window as unknown as { audioApisUsed: string[] }).audioApisUsed = used;
      const addModule = AudioWorklet.prototype.addModule;
      AudioWorklet.prototype.addModule = function (this: AudioWorklet, url: string | URL, options?: WorkletOptions) {
        used.push(`addModule ${new URL(String(url), location.href).origin === location.origin ? 'same-origin' : 'other-origin'}`);
        return addModule.call(this, url, options);
      };
      const createScriptProcessor = BaseAudioContext.prototype.createScriptProcessor;
      BaseAudioContext.prototype.createScriptProcessor = function (this: BaseAudioContext, ...args: Parameters<BaseAudioContext['createScriptProcessor']>) {
        used.push('createScriptProcessor');
        return createScriptProcessor.apply(this, args);
      };
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  async function chunksStored(): Promise<number> {
    return server.deps.db.prisma.recordingChunk.count();
  }

  async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
    const started = Date.now();
    while (!(await condition())) {
      if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  it('records through a server restart and stores exactly the captured audio', async () => {
    const { page, pageErrors } = opened;
    page.setDefaultTimeout(15_000);
    const api = new Client(server.baseUrl);
    await api.login('lakare1', PASSWORD);
    const encounterId = (await api.post('/api/v1/encounters', { label: 'Knäbesvär' })).body.encounter.id as string;

    await page.goto('/logga-in');
    await page.getByLabel('Användarnamn').fill('lakare1');
    await page.getByLabel('Lösenord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/logga-in'));
    await page.goto(`/anteckningar/${encounterId}`);
    await page.getByText('Registrera patientens samtycke ovan').waitFor();
    await page.getByRole('button', { name: 'Patienten har samtyckt' }).click();
    await page.getByRole('button', { name: 'Starta inspelning' }).click();
    await page.getByRole('button', { name: 'Pausa' }).waitFor();
    await until(async () => (await chunksStored()) >= 2, 30_000, 'two acknowledged chunks');
    expect(await page.evaluate(() => (window as unknown as { audioApisUsed: string[] }).audioApisUsed)).toEqual(['addModule same-origin']);

    // The server goes away in the middle of the consultation…
    const port = server.port;
    await server.stop();
    await page.getByText('ingen kontakt med servern').waitFor({ timeout: 20_000 });
    await new Promise((r) => setTimeout(r, 4000));
    // …and comes back on the same data folder and port.
    server = await startInstance(db, {}, port);
    await until(async () => (await chunksStored()) >= 4, 40_000, 'the chunks captured while the server was down');
    await page.getByText('allt ljud är sparat på servern').waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: 'Stoppa och transkribera' }).click();
    await page.getByText('Transkriptet är klart.').waitFor({ timeout: 90_000 });
    await expect(page.getByRole('list', { name: 'Transkript' }).textContent()).resolves.toContain(SCRIPT[0]!.text);

    // The review section picked up the transcript by itself (no reload), ready to draft from.
    await page.getByRole('button', { name: 'Skapa utkast' }).waitFor({ timeout: 20_000 });
    // The recorder alone reports start and stop, once each, across the server restart.
    await expect
      .poll(async () => (await server.deps.db.prisma.timeEvent.findMany({ where: { encounterId } })).map((e) => e.kind).sort())
      .toEqual(['recording_started', 'recording_stopped']);

    const clientHash = await page.getByRole('region', { name: 'Inspelning' }).getAttribute('data-sha256');
    const recording = await server.deps.db.prisma.recording.findFirstOrThrow({ where: { encounterId } });
    expect(clientHash).toMatch(/^[0-9a-f]{64}$/);
    expect(recording.sha256).toBe(clientHash);
    const wav = (await readStoredWav(server.deps, recording.storageKey!))!;
    const header = readWavHeader(wav);
    expect(header).toMatchObject({ sampleRate: RATE, channels: 1, bitsPerSample: 16 });
    expect(header.frames / RATE).toBeGreaterThan(12);
    // Nothing of the recording is left in the browser once the server has it all.
    const leftInBrowser = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const open = indexedDB.open('journalverkstan-recorder');
          open.onsuccess = () => {
            const count = open.result.transaction('chunks').objectStore('chunks').count();
            count.onsuccess = () => resolve(count.result);
          };
        }),
    );
    expect(leftInBrowser).toBe(0);
    expect(pageErrors).toEqual([]);
    console.log(`[recording browser] ${(header.frames / RATE).toFixed(1)} s captured, ${await chunksStored()} chunks, hash ${clientHash}`);
  }, 240_000);

  it('picks up an interrupted recording after a page reload', async () => {
    const { page, pageErrors } = opened;
    const api = new Client(server.baseUrl);
    await api.login('lakare1', PASSWORD);
    const encounterId = (await api.post('/api/v1/encounters', { label: 'Uppföljning knä' })).body.encounter.id as string;
    await api.post(`/api/v1/encounters/${encounterId}/consent`);
    await page.goto(`/anteckningar/${encounterId}`);
    await page.getByRole('button', { name: 'Starta inspelning' }).click();
    const recordingId = async () => (await server.deps.db.prisma.recording.findFirst({ where: { encounterId } }))?.id;
    await until(async () => {
      const id = await recordingId();
      return id !== undefined && (await server.deps.db.prisma.recordingChunk.count({ where: { recordingId: id } })) >= 1;
    }, 30_000, 'a first chunk');

    await page.reload();
    await page.getByText('En inspelning avbröts').waitFor();
    await page.getByRole('button', { name: 'Avsluta och transkribera' }).click();
    // 'och transkriberas' only while the server transcribes: a short recording may already be done.
    await page.getByText(/^Inspelningen är sparad( och transkriberas)?\.$/).waitFor({ timeout: 30_000 });
    // The review section picked up the transcript by itself (no reload), ready to draft from.
    await page.getByRole('button', { name: 'Skapa utkast' }).waitFor({ timeout: 20_000 });
    // The recorder alone reports start and stop, once each, across the server restart.
    await expect
      .poll(async () => (await server.deps.db.prisma.timeEvent.findMany({ where: { encounterId } })).map((e) => e.kind).sort())
      .toEqual(['recording_started', 'recording_stopped']);

    const clientHash = await page.getByRole('region', { name: 'Inspelning' }).getAttribute('data-sha256');
    const recording = await server.deps.db.prisma.recording.findFirstOrThrow({ where: { encounterId } });
    expect(recording.status).toBe('complete');
    expect(recording.sha256).toBe(clientHash);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
