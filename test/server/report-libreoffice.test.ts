import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportData } from '../../server/modules/followup/reports/data';
import { buildXlsx } from '../../server/modules/followup/reports/xlsx';
import type { TestServer } from '../support/app';
import { KNOWN, startFollowupServer } from '../support/followup-data';

/**
 * The receiver's side of the XLSX: LibreOffice Calc (headless) opens the
 * workbook and converts it without errors, and the converted first sheets
 * read as the tables we wrote (dates as dates, numbers as numbers with
 * Swedish decimal commas under a Swedish locale). Skips with a message when
 * soffice is not installed (.ci/run installs libreoffice-calc).
 */
const run = promisify(execFile);
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
if (!SOFFICE) console.warn('report-libreoffice: soffice saknas (apt-get install libreoffice-calc); testet hoppas över.');

describe.skipIf(!SOFFICE)('XLSX opened by LibreOffice', () => {
  let server: TestServer;
  let dir = '';
  beforeAll(async () => {
    ({ server } = await startFollowupServer('sqlite'));
    dir = await mkdtemp(path.join(os.tmpdir(), 'jv-lo-'));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('converts the follow-up workbook headless without errors', async () => {
    const file = path.join(dir, 'uppfoljning.xlsx');
    await writeFile(file, await buildXlsx(await reportData(server.deps, KNOWN.from, KNOWN.to)));
    // A private profile, so a desktop LibreOffice of the same user is neither used nor disturbed.
    const profile = `-env:UserInstallation=file://${path.join(dir, 'profile')}`;
    const started = Date.now();
    const ods = await run(SOFFICE!, [profile, '--headless', '--norestore', '--convert-to', 'ods', '--outdir', dir, file], { timeout: 120_000 });
    expect(ods.stderr).not.toMatch(/error/i);
    expect(existsSync(path.join(dir, 'uppfoljning.ods'))).toBe(true);
    // CSV of one sheet (the 2nd, "Sammanfattning"): the filter option's last field picks it.
    const csv = await run(SOFFICE!, [profile, '--headless', '--norestore', '--convert-to', 'csv:Text - txt - csv (StarCalc):59,34,76,1,,1053,false,true,false,false,false,2', '--outdir', dir, file], {
      timeout: 120_000,
      env: { ...process.env, LC_ALL: 'sv_SE.UTF-8', LANG: 'sv_SE.UTF-8' },
    });
    expect(csv.stderr).not.toMatch(/error/i);
    console.log(`LibreOffice: two headless conversions in ${Date.now() - started} ms`);
    const produced = (await import('node:fs')).readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(produced.length).toBeGreaterThan(0);
    const text = await readFile(path.join(dir, produced[0]!), 'utf8');
    const [header, ...rows] = text.trim().split('\n');
    expect(header).toContain('Yrkesgrupp;');
    expect(rows.some((r) => r.startsWith('Läkare;'))).toBe(true);
  }, 300_000);
});
