import { z } from 'zod';
import { WorkflowSpecSchema } from '../../contracts/workflow';
import { notFound } from '../../errors';
import { created, rawReply, route, type RouteDef } from '../../http/route';
import { ownedDraft, ownedEncounter, ownedNote } from '../encounters/guards';
import { presentEncounter } from '../encounters/service';
import { latestTranscript, presentTranscript } from '../transcripts/service';
import { draftSigned, presentDraft } from './drafts';
import { drafterChoices, resolveWorkflowVersion, workflowChoices } from './drafting-setup';
import { noteBundle } from './fhir';
import { cosmicText, pickSection, SignedSectionsSchema } from './note-text';
import { AmendBodySchema, amendNote, presentNote, SignFeedbackSchema, signDraft } from './sign';
import { NoteEnvelopeSchema, SignedSchema, WorkspaceSchema } from '../../contracts/api/review';

const Id = z.object({ id: z.string().min(1).max(40) });
const clinical = ['clinician'] as const;

export const noteRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/encounters/:id/workspace',
    response: WorkspaceSchema,
    access: clinical,
    summary: 'Granskningsvyn: besök, senaste transkript, utkast, signerade versioner och utkastmotorer',
    params: Id,
    audit: { action: 'encounter.workspace', kind: 'read', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, user, params, resource: encounter }) => {
      const db = deps.db.prisma;
      const transcript = await latestTranscript(deps, params.id);
      const drafts = await db.draft.findMany({ where: { encounterId: params.id }, orderBy: { createdAt: 'desc' } });
      const notes = await db.signedNote.findMany({ where: { encounterId: params.id }, orderBy: { version: 'asc' } });
      const workflows = await workflowChoices(deps, encounter.professionId ?? user.professionId);
      const defaultWorkflow = await resolveWorkflowVersion(deps, encounter, user, undefined).catch(() => null);
      return {
        encounter: presentEncounter(encounter),
        transcript: transcript ? presentTranscript(transcript) : null,
        drafts: drafts.map(presentDraft),
        notes: await Promise.all(notes.map((n) => presentNote(deps, n))),
        workflows,
        defaultWorkflowVersionId: defaultWorkflow?.id ?? null,
        drafters: await drafterChoices(deps),
      };
    },
  }),
  route({
    method: 'post',
    path: '/drafts/:id/sign',
    response: SignedSchema,
    access: clinical,
    summary: 'Signera utkastet (version 1 av anteckningen)',
    params: Id,
    body: SignFeedbackSchema,
    audit: { action: 'note.sign', kind: 'write', subject: 'draft' },
    guard: ownedDraft(),
    handler: async (ctx) => {
      const draft = ctx.resource;
      if (draft.status === 'signerad') throw draftSigned();
      const result = await signDraft(ctx.deps, ctx.user, draft, ctx.body);
      ctx.auditDetails = { noteId: result.note.id, version: result.note.version };
      return created(result, `/api/v1/notes/${result.note.id}`);
    },
  }),
  route({
    method: 'post',
    path: '/encounters/:id/notes/:version/amend',
    response: NoteEnvelopeSchema,
    access: clinical,
    summary: 'Rätta en signerad anteckning (ny version)',
    params: z.object({ id: z.string().min(1).max(40), version: z.coerce.number().int().min(1).max(10_000) }),
    body: AmendBodySchema,
    audit: { action: 'note.amend', kind: 'write', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, user, params, body }) => {
      const note = await amendNote(deps, user, params.id, params.version, body);
      return created({ note }, `/api/v1/notes/${note.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/notes/:id',
    response: NoteEnvelopeSchema,
    access: clinical,
    summary: 'En signerad version av anteckningen',
    params: Id,
    audit: { action: 'note.read', kind: 'read', subject: 'note' },
    guard: ownedNote(),
    handler: async (ctx) => ({ note: await presentNote(ctx.deps, ctx.resource) }),
  }),
  route({
    method: 'get',
    path: '/notes/:id/text',
    response: 'file',
    access: clinical,
    summary: 'Anteckningen som text att klistra in i journalen',
    params: Id,
    query: z.object({ heading: z.string().trim().min(1).max(80).optional() }),
    audit: { action: 'note.copy', kind: 'export', subject: 'note' },
    guard: ownedNote(),
    handler: async (ctx) => {
      const note = ctx.resource;
      const sections = SignedSectionsSchema.parse(note.sections);
      let text = note.text;
      if (ctx.query.heading) {
        const section = pickSection(sections, ctx.query.heading);
        if (!section) throw notFound('Rubriken');
        text = cosmicText([section]);
      }
      return rawReply(text, { 'Content-Type': 'text/plain; charset=utf-8' });
    },
  }),
  route({
    method: 'get',
    path: '/notes/:id/fhir',
    response: 'file',
    access: clinical,
    summary: 'Anteckningen som FHIR R4-dokument (Composition, DocumentReference, signerare och vårdenhet)',
    params: Id,
    audit: { action: 'note.fhir', kind: 'export', subject: 'note' },
    guard: ownedNote(),
    handler: async (ctx) => {
      const { deps, resource: note } = ctx;
      const presented = await presentNote(deps, note);
      const draft = note.draftId ? await deps.db.prisma.draft.findUnique({ where: { id: note.draftId }, select: { workflowVersionId: true } }) : null;
      const version = draft?.workflowVersionId ? await deps.db.prisma.workflowVersion.findUnique({ where: { id: draft.workflowVersionId } }) : null;
      const spec = version ? WorkflowSpecSchema.safeParse(version.spec).data : undefined;
      const db = deps.db.prisma;
      const chain = await db.signedNote.findMany({ where: { encounterId: note.encounterId }, orderBy: { version: 'asc' }, select: { id: true, version: true } });
      const encounter = await db.encounter.findUniqueOrThrow({ where: { id: note.encounterId }, include: { careUnit: true } });
      const signer = await db.user.findUnique({ where: { id: note.signedById }, include: { careUnit: true } });
      const careUnit = encounter.careUnit ?? signer?.careUnit ?? null;
      const bundle = noteBundle({
        noteId: note.id,
        version: note.version,
        firstVersionId: chain[0]?.id ?? note.id,
        amendsId: note.amendsId,
        superseded: chain.some((n) => n.version > note.version),
        encounterId: note.encounterId,
        text: note.text,
        sections: presented.sections,
        noteType: spec?.noteType ?? 'Journalanteckning',
        title: spec?.noteType ?? 'Journalanteckning',
        signer: { id: note.signedById, displayName: presented.signedBy.displayName, hsaId: signer?.hsaId ?? null },
        careUnit: careUnit ? { id: careUnit.id, code: careUnit.code, name: careUnit.name } : null,
        signedAt: note.signedAt,
        language: spec?.language ?? 'sv',
      });
      ctx.res
        .status(200)
        .type('application/fhir+json; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="anteckning-${note.id}-v${note.version}.fhir.json"`)
        .send(JSON.stringify(bundle, null, 2));
      return undefined;
    },
  }),
];
