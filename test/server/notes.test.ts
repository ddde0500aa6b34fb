import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INVENTED, KNEE, THROAT } from '../pipeline/draft/scenarios';
import { refreshFacts } from '../../server/modules/followup/facts';
import { postgresAvailable } from '../support/db';
import { fhirProblems } from '../support/fhir-validate';
import { Client } from '../support/http';
import { draftWith, encounterWith, startDraftingServer, waitForJob, type DraftingServer } from './drafting-setup';

/**
 * Review and signing through the API: flags block signing until resolved,
 * autosave with optimistic concurrency, signing into an immutable version,
 * amendments, the Cosmic copy text, FHIR export, timing and ownership.
 */
const pg = await postgresAvailable();

const Identifier = z.object({ system: z.string().min(1), value: z.string().min(1) });
const Reference = z.object({ reference: z.string().startsWith('urn:uuid:'), display: z.string().min(1) });
const Coding = z.object({ coding: z.array(z.object({ system: z.string(), code: z.string() })).optional(), text: z.string().min(1) });
const EncounterRef = z.object({ type: z.literal('Encounter'), identifier: Identifier });
const FhirBundle = z.object({
  resourceType: z.literal('Bundle'),
  id: z.uuid(),
  identifier: Identifier,
  type: z.literal('document'),
  timestamp: z.iso.datetime(),
  entry: z.tuple(
    [
      z.object({
        fullUrl: z.string().startsWith('urn:uuid:'),
        resource: z.looseObject({
          resourceType: z.literal('Composition'),
          status: z.enum(['final', 'amended']),
          type: Coding,
          encounter: EncounterRef,
          date: z.iso.datetime(),
          author: z.array(Reference).min(1),
          attester: z.array(z.object({ mode: z.literal('legal'), time: z.iso.datetime(), party: Reference })).length(1),
          custodian: Reference,
          title: z.string().min(1),
          section: z.array(z.object({ title: z.string().min(1), text: z.object({ status: z.literal('generated'), div: z.string().startsWith('<div xmlns="http://www.w3.org/1999/xhtml">') }) })).min(1),
        }),
      }),
      z.object({
        fullUrl: z.string().startsWith('urn:uuid:'),
        resource: z.looseObject({
          resourceType: z.literal('DocumentReference'),
          masterIdentifier: Identifier,
          status: z.enum(['current', 'superseded']),
          docStatus: z.enum(['final', 'amended']),
          type: Coding,
          date: z.iso.datetime(),
          author: z.array(Reference).length(1),
          content: z.array(z.object({ attachment: z.object({ contentType: z.literal('text/plain; charset=utf-8'), data: z.base64(), language: z.string() }) })).min(1),
          context: z.object({ encounter: z.array(EncounterRef).length(1), related: z.array(z.object({ reference: z.string() })).length(1) }),
        }),
      }),
    ],
    z.object({ fullUrl: z.string().startsWith('urn:uuid:'), resource: z.looseObject({ resourceType: z.enum(['Practitioner', 'Organization']) }) }),
  ),
});

const cosmic = (sections: { heading: string; text: string }[]) =>
  sections.filter((s) => s.text.trim()).map((s) => `${s.heading}\n${s.text.trim()}`).join('\n\n');
const sectionText = (s: any) => (s.editedText ?? s.sentences.map((x: any) => x.text).join(' ')).trim();
const flagsOf = (draft: any) => draft.sections.flatMap((s: any) => s.sentences.flatMap((x: any) => x.flags.map((f: any) => ({ ...f, sentence: x.text }))));

describe.each([
  { kind: 'sqlite' as const, skip: false },
  { kind: 'postgresql' as const, skip: !pg },
])('review and sign on $kind', ({ kind, skip }) => {
  let ctx: DraftingServer;
  beforeAll(async () => {
    if (!skip) ctx = await startDraftingServer(kind, { hosted: false });
  }, 60_000);
  afterAll(async () => ctx?.close());

  it.skipIf(skip)('a dose the clinician types that nobody said gets a hint, which never blocks signing', async () => {
    const { clinician } = ctx;
    const { encounterId } = await encounterWith(clinician, THROAT);
    const { draftId } = await draftWith(clinician, encounterId, 'local');
    let draft = (await clinician.get(`/api/v1/drafts/${draftId}`)).body.draft;
    expect(flagsOf(draft).filter((f: any) => f.severity === 'critical')).toEqual([]);
    const atgard = draft.sections.find((s: any) => s.key === 'atgard');
    const edited = await clinician.patch(`/api/v1/drafts/${draftId}`, {
      revision: draft.revision,
      sections: [{ key: 'atgard', editedText: 'Alvedon 1 g vid behov.' }],
    });
    expect(edited.status).toBe(200);
    draft = edited.body.draft;
    const hints = draft.sections.find((s: any) => s.key === atgard.key).hints;
    expect(hints.map((h: any) => [h.kind, h.span])).toEqual(expect.arrayContaining([['drug', 'Alvedon'], ['number', '1 g']]));
    expect(hints[0].message).toMatch(/samtalet/);
    // A drafted sentence kept as it was gets no hint: its flags are on the sentence.
    expect(draft.sections.find((s: any) => s.key === 'kontaktorsak').hints).toEqual([]);
    const signed = await clinician.post(`/api/v1/drafts/${draftId}/sign`, {});
    expect(signed.status).toBe(201);
  });

  it.skipIf(skip)('flags block signing; edit, resolve, sign, copy, export, amend', async () => {
    const { clinician, server } = ctx;
    const { encounterId } = await encounterWith(clinician, KNEE);
    const { draftId } = await draftWith(clinician, encounterId, 'local');
    let draft = (await clinician.get(`/api/v1/drafts/${draftId}`)).body.draft;
    const flags = flagsOf(draft);
    expect(flags.length).toBeGreaterThanOrEqual(4);

    const consultationEnd = new Date(Date.now() - 90_000).toISOString();
    const events = await clinician.post(`/api/v1/encounters/${encounterId}/time-events`, {
      events: [
        { kind: 'consultation_ended', at: consultationEnd },
        { kind: 'review_opened', at: new Date().toISOString(), draftId },
        { kind: 'active_editing', at: new Date().toISOString(), valueMs: 25_000, draftId },
        { kind: 'active_editing', at: new Date().toISOString(), valueMs: 5_000, draftId },
      ],
    });
    expect(events.status).toBe(200);
    for (const bad of [
      { kind: 'active_editing', at: new Date().toISOString(), valueMs: 3_600_001 },
      { kind: 'review_opened', at: '2031-01-01T00:00:00Z' },
      { kind: 'note_text', at: new Date().toISOString() },
      { kind: 'review_opened', at: new Date().toISOString(), draftId: 'annat-utkast' },
    ]) {
      expect((await clinician.post(`/api/v1/encounters/${encounterId}/time-events`, { events: [bad] })).status).toBe(400);
    }

    // Only critical flags (the draft contradicts the consultation) block signing.
    const critical = flags.filter((f: any) => f.severity === 'critical');
    expect(critical.length).toBeGreaterThanOrEqual(2);
    expect(flags.some((f: any) => f.severity === 'warning')).toBe(true);
    const blocked = await clinician.post(`/api/v1/drafts/${draftId}/sign`, {});
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('unresolved_flags');
    expect(blocked.body.errors.map((e: any) => e.field).sort()).toEqual(critical.map((f: any) => `flags.${f.id}`).sort());

    // The clinician deletes the invented diagnosis and keeps the rest for now.
    const edited = await clinician.patch(`/api/v1/drafts/${draftId}`, { revision: 0, sections: [{ key: 'bedomning', editedText: '' }, { key: 'status', accepted: true }] });
    expect(edited.status).toBe(200);
    expect(edited.body.draft).toMatchObject({ status: 'redigerad', revision: 1 });
    const stale = await clinician.patch(`/api/v1/drafts/${draftId}`, { revision: 0, sections: [{ key: 'status', editedText: 'Annat.' }] });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');

    const noReason = await clinician.post(`/api/v1/drafts/${draftId}/flags/${critical[0].id}/resolve`, { action: 'dismissed' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors[0].field).toBe('body.reason');
    // A "Kontrollera" flag can be set aside without a reason (or left alone).
    const warning = flags.find((f: any) => f.severity === 'warning');
    expect((await clinician.post(`/api/v1/drafts/${draftId}/flags/${warning.id}/resolve`, { action: 'dismissed' })).status).toBe(200);
    for (const flag of critical) {
      const body = flag.sentence === INVENTED.diagnosis ? { action: 'fixed' } : { action: 'dismissed', reason: 'Diskuterades muntligt efter inspelningen.' };
      const res = await clinician.post(`/api/v1/drafts/${draftId}/flags/${flag.id}/resolve`, body);
      expect(res.status).toBe(200);
    }
    draft = (await clinician.get(`/api/v1/drafts/${draftId}`)).body.draft;
    expect(flagsOf(draft).filter((f: any) => f.severity === 'critical').every((f: any) => f.resolution !== null)).toBe(true);
    expect(draft.sections.find((s: any) => s.key === 'status').accepted).toBe(true);

    const signed = await clinician.post(`/api/v1/drafts/${draftId}/sign`, { rating: 4, wrongTags: ['invented'], comment: 'Hittade på en diagnos.' });
    expect(signed.status).toBe(201);
    const note = signed.body.note;
    const expectedSections = draft.sections.map((s: any) => ({ heading: s.heading, text: sectionText(s) }));
    expect(note).toMatchObject({ version: 1, amendsId: null, rating: 4, wrongTags: ['invented'], signedBy: { displayName: 'Demoläkare Ett' } });
    expect(note.text).toBe(cosmic(expectedSections));
    expect(note.text).not.toContain('Meniskskada');
    const bedomning = note.editStats.find((e: any) => e.key === 'bedomning');
    expect(bedomning).toEqual({ key: 'bedomning', distance: INVENTED.diagnosis.length, normalized: 1, draftChars: INVENTED.diagnosis.length, signedChars: 0 });
    expect(JSON.stringify(note.editStats)).not.toMatch(/[a-zåäö]{6,}\s/i);
    expect(signed.body.timing.activeEditingMs).toBe(30_000);
    expect(signed.body.timing.from).toBe('consultation_ended');
    expect(signed.body.timing.totalMs).toBeGreaterThanOrEqual(90_000);
    expect(signed.body.timing.totalMs).toBeLessThan(90_000 + 60_000);

    expect((await clinician.patch(`/api/v1/drafts/${draftId}`, { revision: 99, sections: [{ key: 'status', editedText: 'x' }] })).body.code).toBe('draft_signed');
    expect((await clinician.post(`/api/v1/drafts/${draftId}/sign`, {})).status).toBe(409);
    const timeKinds = (await server.deps.db.prisma.timeEvent.findMany({ where: { encounterId }, orderBy: { at: 'asc' } })).map((e) => e.kind);
    expect(timeKinds).toEqual(expect.arrayContaining(['draft_ready', 'consultation_ended', 'review_opened', 'active_editing', 'signed']));

    const text = await clinician.get(`/api/v1/notes/${note.id}/text`);
    expect(text.status).toBe(200);
    expect(text.headers.get('content-type')).toMatch(/^text\/plain; charset=utf-8/);
    expect(text.text).toBe(note.text);
    const status = await clinician.get(`/api/v1/notes/${note.id}/text?heading=status`);
    expect(status.text).toBe(`Status\n${expectedSections[2].text}`);
    expect((await clinician.get(`/api/v1/notes/${note.id}/text?heading=Kontaktorsak`)).text).toMatch(/^Kontaktorsak\n/);
    expect((await clinician.get(`/api/v1/notes/${note.id}/text?heading=diagnos`)).status).toBe(404);

    // The signer has an HSA-id in the profile; the encounter a care unit.
    const signerId = (await clinician.get('/api/v1/auth/me')).body.id;
    await server.deps.db.prisma.user.update({ where: { id: signerId }, data: { hsaId: 'SE2321000016-LK01' } });
    const unit = await server.deps.db.prisma.careUnit.findFirstOrThrow();
    await server.deps.db.prisma.encounter.update({ where: { id: encounterId }, data: { careUnitId: unit.id } });

    const fhir = await clinician.get(`/api/v1/notes/${note.id}/fhir`);
    expect(fhir.status).toBe(200);
    expect(fhir.headers.get('content-type')).toMatch(/^application\/fhir\+json/);
    expect(fhirProblems(fhir.body)).toEqual([]);
    const bundle = FhirBundle.parse(fhir.body);
    const [composition, doc] = bundle.entry;
    // Same document on every fetch of the version: ids, fullUrls, timestamp.
    expect((await clinician.get(`/api/v1/notes/${note.id}/fhir`)).body).toEqual(fhir.body);
    expect(Buffer.from(doc.resource.content[0]!.attachment.data, 'base64').toString('utf8')).toBe(note.text);
    expect(JSON.stringify(fhir.body)).not.toMatch(/"subject"|Patient/);
    expect(composition.resource.status).toBe('final');
    expect(composition.resource.section.map((s) => s.title)).toEqual(expectedSections.filter((s: any) => s.text).map((s: any) => s.heading));
    expect(composition.resource.encounter.identifier).toEqual({ system: 'urn:journalverkstan:encounter', value: encounterId });
    expect(doc.resource.context.encounter[0]).toEqual(composition.resource.encounter);
    expect(doc.resource.context.related[0]!.reference).toBe(composition.fullUrl);
    expect(doc.resource.status).toBe('current');
    const byUrl = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource as any]));
    const signer = byUrl.get(composition.resource.attester[0]!.party.reference);
    expect(signer).toMatchObject({ resourceType: 'Practitioner', identifier: [{ system: 'urn:oid:1.2.752.29.4.19', value: 'SE2321000016-LK01' }] });
    expect(composition.resource.author[0]!.reference).toBe(composition.resource.attester[0]!.party.reference);
    expect(byUrl.get(composition.resource.custodian.reference)).toMatchObject({ resourceType: 'Organization', name: unit.name, identifier: [{ value: unit.code }] });

    const blank = await clinician.post(`/api/v1/encounters/${encounterId}/notes/1/amend`, { sections: [{ heading: 'Status', text: '  ' }], reason: 'Tömd.' });
    expect([blank.status, blank.body.code]).toEqual([422, 'empty_note']);
    const amend = await clinician.post(`/api/v1/encounters/${encounterId}/notes/1/amend`, {
      sections: [...expectedSections.filter((s: any) => s.text), { heading: 'Bedömning', text: 'Misstänkt <vridvåld> mot knäet & svullnad.' }],
      reason: 'Bedömningen saknades.',
    });
    expect(amend.status).toBe(201);
    expect(amend.body.note).toMatchObject({ version: 2, amendsId: note.id, comment: 'Bedömningen saknades.' });
    expect((await clinician.post(`/api/v1/encounters/${encounterId}/notes/1/amend`, { sections: [{ heading: 'Status', text: 'x' }], reason: 'r' })).body.code).toBe('not_latest');
    const amendedBody = (await clinician.get(`/api/v1/notes/${amend.body.note.id}/fhir`)).body;
    expect(fhirProblems(amendedBody)).toEqual([]);
    const amended = FhirBundle.parse(amendedBody);
    expect(amended.identifier).not.toEqual(bundle.identifier);
    expect(amended.entry[0].resource.status).toBe('amended');
    expect(amended.entry[0].resource.identifier).toEqual(composition.resource.identifier);
    expect(amended.entry[1].resource).toMatchObject({ status: 'current', docStatus: 'amended', relatesTo: [{ code: 'replaces', target: { identifier: doc.resource.masterIdentifier } }] });
    expect(JSON.stringify(amended.entry[0].resource.section)).toContain('Misstänkt &lt;vridvåld&gt; mot knäet &amp; svullnad.');
    // The first version, fetched again, is now superseded.
    const before = FhirBundle.parse((await clinician.get(`/api/v1/notes/${note.id}/fhir`)).body);
    expect(before.entry[1].resource.status).toBe('superseded');
    expect(before.id).toBe(bundle.id);
    expect(fhirProblems(before)).toEqual([]);
    const first = await server.deps.db.prisma.signedNote.findUniqueOrThrow({ where: { id: note.id } });
    expect(first.text).toBe(note.text);

    const workspace = await clinician.get(`/api/v1/encounters/${encounterId}/workspace`);
    expect(workspace.status).toBe(200);
    expect(workspace.body.transcript.segments).toHaveLength(KNEE.length);
    expect(workspace.body.drafts.map((d: any) => d.id)).toEqual([draftId]);
    expect(workspace.body.notes.map((n: any) => n.version)).toEqual([1, 2]);
    expect(workspace.body.defaultWorkflowVersionId).toBe(workspace.body.workflows.find((w: any) => w.label === 'produktion').versionId);
  });

  it.skipIf(skip)('regenerating one section keeps the edits of the others', async () => {
    const { clinician } = ctx;
    const { encounterId } = await encounterWith(clinician, THROAT);
    const { draftId } = await draftWith(clinician, encounterId, 'extractive');
    const before = (await clinician.get(`/api/v1/drafts/${draftId}`)).body.draft;
    await clinician.patch(`/api/v1/drafts/${draftId}`, { revision: before.revision, sections: [{ key: 'aktuellt', editedText: 'Halsont fyra dagar. Ingen feber.' }] });
    const started = await clinician.post(`/api/v1/drafts/${draftId}/sections/status/regenerate`, {});
    expect(started.status).toBe(202);
    const job = await waitForJob(clinician, started.body.jobId);
    expect(job.status, job.error ?? undefined).toBe('succeeded');
    const after = (await clinician.get(`/api/v1/drafts/${draftId}`)).body.draft;
    expect(after.revision).toBe(before.revision + 2);
    expect(after.sections.find((s: any) => s.key === 'aktuellt').editedText).toBe('Halsont fyra dagar. Ingen feber.');
    const [oldStatus, newStatus] = [before, after].map((d) => d.sections.find((s: any) => s.key === 'status'));
    expect(newStatus.sentences.map((s: any) => s.text)).toEqual(oldStatus.sentences.map((s: any) => s.text));
    expect(newStatus.sentences.map((s: any) => s.id)).not.toEqual(oldStatus.sentences.map((s: any) => s.id));
    expect((await clinician.post(`/api/v1/drafts/${draftId}/sections/okand/regenerate`, {})).status).toBe(404);
  });

  it.skipIf(skip)('a comparison encounter is written without AI under the headings, timed the same way, and counts as baseline', async () => {
    const { clinician, server } = ctx;
    const created = await clinician.post('/api/v1/encounters', { label: 'Jämförelse 09.00', mode: 'baseline' });
    expect(created.status).toBe(201);
    const encounterId: string = created.body.encounter.id;
    // no model may draft a comparison note, even with a transcript
    await clinician.post(`/api/v1/encounters/${encounterId}/transcripts`, { text: 'Läkare: Hej.\nPatient: Hej.' });
    const refused = await clinician.post(`/api/v1/encounters/${encounterId}/drafts`, { drafter: 'extractive' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('baseline_without_ai');

    const consultationEnd = new Date(Date.now() - 120_000).toISOString();
    await clinician.post(`/api/v1/encounters/${encounterId}/time-events`, { events: [{ kind: 'consultation_ended', at: consultationEnd }] });
    const manual = await clinician.post(`/api/v1/encounters/${encounterId}/manual-draft`, {});
    expect(manual.status).toBe(201);
    const draft = manual.body.draft;
    expect(draft.drafterId).toBe('manual');
    expect(draft.sections.length).toBeGreaterThanOrEqual(3);
    expect(draft.sections.every((s: any) => s.sentences.length === 0 && s.editedText === null && s.heading)).toBe(true);
    // a second click opens the same note
    const again = await clinician.post(`/api/v1/encounters/${encounterId}/manual-draft`, {});
    expect(again.status).toBe(200);
    expect(again.body.draft.id).toBe(draft.id);
    const rewrite = await clinician.post(`/api/v1/drafts/${draft.id}/sections/${draft.sections[0].key}/regenerate`, {});
    expect(rewrite.status).toBe(409);
    expect(rewrite.body.code).toBe('baseline_without_ai');

    await clinician.post(`/api/v1/encounters/${encounterId}/time-events`, {
      events: [
        { kind: 'review_opened', at: new Date().toISOString(), draftId: draft.id },
        { kind: 'active_editing', at: new Date().toISOString(), valueMs: 40_000, draftId: draft.id },
      ],
    });
    // a note with every heading empty is refused, naming the field, and nothing is signed
    const empty = await clinician.post(`/api/v1/drafts/${draft.id}/sign`, {});
    expect(empty.status).toBe(422);
    expect(empty.body).toMatchObject({ code: 'empty_note', title: 'Anteckningen är tom', errors: [{ field: 'sections' }] });
    expect(await server.deps.db.prisma.signedNote.count({ where: { encounterId } })).toBe(0);
    const [first, second] = draft.sections;
    const saved = await clinician.patch(`/api/v1/drafts/${draft.id}`, {
      revision: draft.revision,
      sections: [
        { key: first.key, editedText: 'Söker för halsont sedan tre dagar.' },
        { key: second.key, editedText: 'Feber 38,2.' },
      ],
    });
    expect(saved.status).toBe(200);
    const signed = await clinician.post(`/api/v1/drafts/${draft.id}/sign`, {});
    expect(signed.status).toBe(201);
    expect(signed.body.note.text).toBe(`${first.heading}\nSöker för halsont sedan tre dagar.\n\n${second.heading}\nFeber 38,2.`);
    expect(signed.body.timing.activeEditingMs).toBe(40_000);
    expect(signed.body.timing.from).toBe('consultation_ended');
    expect(signed.body.timing.totalMs).toBeGreaterThanOrEqual(120_000);

    // the follow-up counts it as a baseline note with the same two times
    await refreshFacts(server.deps);
    const fact = await server.deps.db.prisma.noteFact.findFirstOrThrow({ where: { encounterId } });
    expect(fact.mode).toBe('baseline');
    expect(fact.activeMs).toBe(40_000);
    expect(fact.totalMs).toBe(signed.body.timing.totalMs);

    // an AI encounter is not started from an empty note
    const { encounterId: aiEncounter } = await encounterWith(clinician, THROAT);
    const notBaseline = await clinician.post(`/api/v1/encounters/${aiEncounter}/manual-draft`, {});
    expect(notBaseline.status).toBe(409);
    expect(notBaseline.body.code).toBe('not_baseline');
  });

  it.skipIf(skip)('timing of a pasted consultation counts from its stated end; review_opened and first_edit count once per draft', async () => {
    const { clinician } = ctx;
    const { encounterId } = await encounterWith(clinician, THROAT);
    const endedAt = new Date(Date.now() - 10 * 60_000);
    const events = (list: object[]) => clinician.post(`/api/v1/encounters/${encounterId}/time-events`, { events: list });
    expect((await events([{ kind: 'consultation_ended', at: endedAt.toISOString() }])).body.recorded).toBe(1);
    const { draftId } = await draftWith(clinician, encounterId, 'extractive');
    const now = () => new Date().toISOString();
    const opened = await events([
      { kind: 'review_opened', at: now(), draftId },
      { kind: 'first_edit', at: now(), draftId },
      { kind: 'review_opened', at: now(), draftId },
      { kind: 'active_editing', at: now(), valueMs: 12_000, draftId },
    ]);
    expect(opened.body.recorded).toBe(3);
    // A reload, or the draft open in a second window, reports both again.
    const reopened = await events([
      { kind: 'review_opened', at: now(), draftId },
      { kind: 'first_edit', at: now(), draftId },
      { kind: 'active_editing', at: now(), valueMs: 8_000, draftId },
    ]);
    expect(reopened.body.recorded).toBe(1);

    const signed = await clinician.post(`/api/v1/drafts/${draftId}/sign`, {});
    expect(signed.status).toBe(201);
    expect(signed.body.timing).toEqual({ activeEditingMs: 20_000, totalMs: Date.parse(signed.body.note.signedAt) - endedAt.getTime(), from: 'consultation_ended' });
    const kinds = (await ctx.server.deps.db.prisma.timeEvent.findMany({ where: { encounterId } })).map((e) => e.kind).sort();
    expect(kinds).toEqual(['active_editing', 'active_editing', 'consultation_ended', 'draft_ready', 'first_edit', 'review_opened', 'signed']);
    const workspace = await clinician.get(`/api/v1/encounters/${encounterId}/workspace`);
    expect(workspace.body.encounter.consultationEndedAt).toBe(endedAt.toISOString());
  });

  it.skipIf(skip)('another clinician is refused everywhere, and each refusal is in the access log', async () => {
    const { clinician, server } = ctx;
    const { encounterId } = await encounterWith(clinician, THROAT);
    const { draftId } = await draftWith(clinician, encounterId, 'extractive');
    const signed = await clinician.post(`/api/v1/drafts/${draftId}/sign`, {});
    expect(signed.status).toBe(201);
    const noteId = signed.body.note.id;

    const other = new Client(server.baseUrl);
    await other.login('lakare2', server.passwords.demo);
    const attempts: [string, () => Promise<{ status: number }>][] = [
      ['encounter.workspace', () => other.get(`/api/v1/encounters/${encounterId}/workspace`)],
      ['draft.read', () => other.get(`/api/v1/drafts/${draftId}`)],
      ['draft.update', () => other.patch(`/api/v1/drafts/${draftId}`, { revision: 0, sections: [{ key: 'status', editedText: 'x' }] })],
      ['note.copy', () => other.get(`/api/v1/notes/${noteId}/text`)],
      ['note.fhir', () => other.get(`/api/v1/notes/${noteId}/fhir`)],
      ['note.amend', () => other.post(`/api/v1/encounters/${encounterId}/notes/1/amend`, { sections: [{ heading: 'Status', text: 'x' }], reason: 'r' })],
      ['timing.record', () => other.post(`/api/v1/encounters/${encounterId}/time-events`, { events: [{ kind: 'review_opened', at: new Date().toISOString() }] })],
    ];
    for (const [action, attempt] of attempts) {
      expect((await attempt()).status, action).toBe(403);
      const row = await server.deps.db.prisma.auditEvent.findFirst({ where: { action, encounterId, outcome: 'denied' } });
      expect(row, action).not.toBeNull();
    }
  });
});
