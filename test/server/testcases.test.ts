import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestCase } from '../../server/contracts/testcase';
import { postgresAvailable } from '../support/db';
import { startTestServer, type TestServer } from '../support/app';
import { Client } from '../support/http';

/**
 * The group's test-case library: CRUD with optimistic concurrency, JSONL
 * import (validated per line) and export, and the personal-data gate that
 * refuses personnummer, phone numbers, e-mail and real-looking names unless
 * the case lists them as invented.
 */
const pg = await postgresAvailable();

/** A Luhn-valid 10-digit personnummer for a date and serial chosen here: YYMMDD-NNNC. */
function luhnPersonnummer(yymmdd: string, serial: string): string {
  const nine = yymmdd + serial;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(nine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return `${yymmdd}-${serial}${(10 - (sum % 10)) % 10}`;
}

function syntheticCase(slug: string, patientLine: string, extra: Partial<TestCase> = {}): TestCase {
  return {
    slug,
    title: 'Ont i örat sedan två dagar',
    profession: 'lakare',
    setting: 'vardcentral',
    tags: ['lätt'],
    language: 'sv',
    turns: [
      { speaker: 'Läkare', text: 'Vad kan jag hjälpa dig med idag?' },
      { speaker: 'Patient', text: patientLine },
      { speaker: 'Läkare', text: 'Trumhinnan är röd och buktar. Det är en öroninflammation.' },
    ],
    referenceNote: [
      { heading: 'Kontaktorsak', text: 'Ont i vänster öra i två dagar.' },
      { heading: 'Bedömning', text: 'Öroninflammation.' },
    ],
    keyFacts: [{ text: 'ont i vänster öra i två dagar', critical: true }],
    inventedIdentifiers: [],
    ...extra,
  };
}

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('test-case library on $kind', ({ kind, skip }) => {
  let server: TestServer;
  let designer: Client;
  let otherDesigner: Client;
  let groupId = '';

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ db: kind });
    designer = new Client(server.baseUrl);
    await designer.login('lakare2', server.passwords.demo);
    otherDesigner = new Client(server.baseUrl);
    await otherDesigner.login('fysio1', server.passwords.demo);
    groupId = (await server.deps.db.prisma.workingGroup.findFirstOrThrow({ where: { profession: { code: 'lakare' } } })).id;
  });
  afterAll(async () => server?.close());

  it.skipIf(skip)('lists the 8 shipped läkare cases and exports them as JSONL', async () => {
    const list = await designer.get(`/api/v1/groups/${groupId}/testcases`);
    expect(list.status).toBe(200);
    expect(list.body.testCases).toHaveLength(8);
    const exported = await designer.get(`/api/v1/groups/${groupId}/testcases/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const lines = exported.text.trim().split('\n');
    expect(lines).toHaveLength(8);
    expect(JSON.parse(lines[0]!).slug).toBe('lakare-01-halsont');
  });

  it.skipIf(skip)('refuses an import line with a valid personnummer, naming line, field and span but not the number', async () => {
    const pnr = luhnPersonnummer('850709', '123');
    const line = `Jag har ont i vänster öra sedan två dagar. Mitt personnummer är ${pnr}.`;
    const jsonl = [JSON.stringify(syntheticCase('lakare-90-ora', 'Jag har ont i vänster öra sedan två dagar.')), JSON.stringify(syntheticCase('lakare-91-ora', line)), '{inte json'].join('\n');
    const res = await designer.post(`/api/v1/groups/${groupId}/testcases/import`, { jsonl });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('personal_data');
    const start = line.indexOf(pnr);
    expect(res.body.errors).toContainEqual({
      field: 'rad 2.turns.1.text',
      message: expect.stringMatching(new RegExp(`^Personnummer på tecken ${start}–${start + pnr.length}\\.`)),
      span: { start, end: start + pnr.length, kind: 'Personnummer' },
    });
    expect(res.body.errors).toContainEqual({ field: 'rad 3', message: 'Raden är inte giltig JSON.' });
    expect(res.text).not.toContain(pnr);
    // Nothing from the file was imported, not even the valid first line.
    expect((await designer.get(`/api/v1/groups/${groupId}/testcases`)).body.testCases).toHaveLength(8);
    // The same number on one save is refused too; a phone number and an e-mail as well.
    const one = await designer.post(`/api/v1/groups/${groupId}/testcases`, { data: syntheticCase('lakare-92-ora', line) });
    expect(one.status).toBe(422);
    const contact = await designer.post(`/api/v1/groups/${groupId}/testcases`, {
      data: syntheticCase('lakare-93-ora', 'Ring mig på 070-123 45 67 eller skriv till sven.exempel@example.se.'),
    });
    expect(contact.status).toBe(422);
    expect(contact.body.errors.map((e: { message: string }) => e.message.split(' på ')[0]).sort()).toEqual(['E-postadress', 'Telefonnummer']);
  });

  it.skipIf(skip)('accepts a full name listed as invented, refuses it when not listed', async () => {
    const text = 'Jag heter Astrid Lindqvist och har ont i vänster öra sedan två dagar.';
    const refused = await designer.post(`/api/v1/groups/${groupId}/testcases`, { data: syntheticCase('lakare-94-ora', text) });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe('body.data.turns.1.text');
    const ok = await designer.post(`/api/v1/groups/${groupId}/testcases`, { data: syntheticCase('lakare-94-ora', text, { inventedIdentifiers: ['Astrid Lindqvist'] }) });
    expect(ok.status).toBe(201);
  });

  it.skipIf(skip)('imports valid JSONL (new and updated by slug) and saves with revision checks', async () => {
    const first = syntheticCase('lakare-95-ora', 'Jag har ont i vänster öra sedan två dagar.');
    const imported = await designer.post(`/api/v1/groups/${groupId}/testcases/import`, { jsonl: `${JSON.stringify(first)}\n\n` });
    expect(imported.body).toEqual({ created: 1, updated: 0 });
    const again = await designer.post(`/api/v1/groups/${groupId}/testcases/import`, { jsonl: JSON.stringify({ ...first, title: 'Öronvärk' }) });
    expect(again.body).toEqual({ created: 0, updated: 1 });
    const row = await server.deps.db.prisma.testCase.findFirstOrThrow({ where: { groupId, slug: 'lakare-95-ora' } });
    expect(row.revision).toBe(1);

    const saved = await designer.request('PUT', `/api/v1/testcases/${row.id}`, { revision: 1, data: { ...first, title: 'Öronvärk, vänster' } });
    expect(saved.status).toBe(200);
    expect(saved.body.testCase.revision).toBe(2);
    const stale = await designer.request('PUT', `/api/v1/testcases/${row.id}`, { revision: 1, data: { ...first, title: 'Gammal' } });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('revision_conflict');
    expect(stale.body.errors[0].message).toBe('Aktuell revision: 2');

    expect((await otherDesigner.request('PUT', `/api/v1/testcases/${row.id}`, { revision: 2, data: first })).status).toBe(403);
    expect((await otherDesigner.post(`/api/v1/groups/${groupId}/testcases/import`, { jsonl: JSON.stringify(first) })).status).toBe(403);
    expect((await designer.delete(`/api/v1/testcases/${row.id}`)).status).toBe(204);
  });
});
