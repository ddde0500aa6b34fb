import { z } from 'zod';
import { badRequest, conflict, notFound, unprocessable } from '../../errors';
import { accepted, created, route, type RouteDef } from '../../http/route';
import { DrafterKindSchema, type DrafterKind } from '../../pipeline/draft/factory';
import { ownedDraft, ownedEncounter } from '../encounters/guards';
import { latestTranscript } from '../transcripts/service';
import { DRAFT_CREATE, DRAFT_REGENERATE, type DraftJobPayload, type RegenerateJobPayload } from './draft-job';
import { changeSections, draftSigned, presentDraft } from './drafts';
import { drafterAvailability, resolveWorkflowVersion } from './drafting-setup';
import { hintChecker } from './hints';
import { JobStartedSchema } from '../../contracts/api/common';
import { DraftEnvelopeSchema, DraftJobStartedSchema } from '../../contracts/api/review';

const Id = z.object({ id: z.string().min(1).max(40) });
const clinical = ['clinician'] as const;

async function checkDrafter(deps: Parameters<typeof drafterAvailability>[0], kind: DrafterKind): Promise<void> {
  const reason = await drafterAvailability(deps, kind);
  if (reason) throw unprocessable(reason, [{ field: 'body.drafter', message: 'Inte tillgänglig' }], 'drafter_unavailable');
}

/**
 * A baseline (comparison) encounter is documented without AI: the clinician
 * writes under the workflow's headings in the same editor, timed the same
 * way, and no model drafts or rewrites any of it.
 */
export const MANUAL_DRAFTER_ID = 'manual';
const baselineWithoutAi = () => conflict('Jämförelsebesök dokumenteras utan AI-stöd: skriv anteckningen själv.', 'baseline_without_ai');

const AutosaveBody = z.object({
  revision: z.number().int().min(0),
  sections: z
    .array(z.object({ key: z.string().min(1).max(40), editedText: z.string().max(20_000).nullable().optional(), accepted: z.boolean().optional() }))
    .min(1)
    .max(20),
});

export const draftRoutes: RouteDef[] = [
  route({
    method: 'post',
    path: '/encounters/:id/drafts',
    response: DraftJobStartedSchema,
    access: clinical,
    summary: 'Skapa ett utkast från transkriptet (jobb)',
    params: Id,
    body: z.object({
      transcriptId: z.string().min(1).max(40).optional(),
      workflowVersionId: z.string().min(1).max(40).optional(),
      drafter: DrafterKindSchema.optional(),
    }),
    audit: { action: 'draft.create', kind: 'write', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, user, params, body, resource: encounter }) => {
      if (encounter.mode === 'baseline') throw baselineWithoutAi();
      const transcript = body.transcriptId
        ? await deps.db.prisma.transcript.findFirst({ where: { id: body.transcriptId, encounterId: params.id, deletedAt: null } })
        : await latestTranscript(deps, params.id);
      if (!transcript) throw unprocessable('Besöket har inget transkript att skriva utkast från.', [{ field: 'body.transcriptId', message: 'Saknas' }], 'no_transcript');
      const workflow = await resolveWorkflowVersion(deps, encounter, user, body.workflowVersionId);
      const drafter = body.drafter ?? workflow.spec.model.provider;
      await checkDrafter(deps, drafter);
      const payload: DraftJobPayload = { encounterId: params.id, transcriptId: transcript.id, workflowVersionId: workflow.id, drafter, userId: user.id };
      const job = await deps.jobs.enqueue(DRAFT_CREATE, payload, { createdById: user.id });
      // The draft will carry the job's id, so its address is known now.
      return accepted({ jobId: job.id, draftId: job.id, drafter, workflowVersionId: workflow.id, transcriptId: transcript.id }, `/api/v1/jobs/${job.id}`);
    },
  }),
  route({
    method: 'post',
    path: '/encounters/:id/manual-draft',
    response: DraftEnvelopeSchema,
    access: clinical,
    summary: 'Jämförelsebesök: en tom anteckning under arbetsflödets rubriker, utan AI',
    params: Id,
    body: z.object({ workflowVersionId: z.string().min(1).max(40).optional() }),
    audit: { action: 'draft.create', kind: 'write', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, user, params, body, resource: encounter }) => {
      if (encounter.mode !== 'baseline') throw conflict('Bara jämförelsebesök (utan AI) skrivs från en tom anteckning.', 'not_baseline');
      const db = deps.db.prisma;
      // One note per encounter: a second click (or a second tab) gets the same draft.
      const open = await db.draft.findFirst({ where: { encounterId: params.id, status: { not: 'signerad' } }, orderBy: { createdAt: 'desc' } });
      if (open) return { draft: presentDraft(open) };
      const workflow = await resolveWorkflowVersion(deps, encounter, user, body.workflowVersionId);
      const sections = workflow.spec.sections.map((s) => ({ key: s.key, heading: s.heading, sentences: [], editedText: null, hints: [], accepted: false }));
      const row = await db.draft.create({ data: { encounterId: params.id, workflowVersionId: workflow.id, drafterId: MANUAL_DRAFTER_ID, sections } });
      return created({ draft: presentDraft(row) }, `/api/v1/drafts/${row.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/drafts/:id',
    response: DraftEnvelopeSchema,
    access: clinical,
    summary: 'Ett utkast',
    params: Id,
    audit: { action: 'draft.read', kind: 'read', subject: 'draft' },
    guard: ownedDraft(),
    handler: async (ctx) => ({ draft: presentDraft(ctx.resource) }),
  }),
  route({
    method: 'patch',
    path: '/drafts/:id',
    response: DraftEnvelopeSchema,
    access: clinical,
    summary: 'Spara ändringar i utkastet (autospar, med revision)',
    params: Id,
    body: AutosaveBody,
    audit: { action: 'draft.update', kind: 'write', subject: 'draft' },
    guard: ownedDraft(),
    handler: async (ctx) => {
      const { deps, params, body, resource: draft } = ctx;
      if (draft.status === 'signerad') throw draftSigned();
      const withHints = await hintChecker(deps, draft);
      const updated = await changeSections(
        deps,
        params.id,
        (sections, row) => {
          let edited = false;
          const next = sections.map((section) => {
            const patch = body.sections.find((p) => p.key === section.key);
            if (!patch) return section;
            const editedText = patch.editedText === undefined ? section.editedText : patch.editedText;
            if (editedText === section.editedText) return { ...section, accepted: patch.accepted ?? section.accepted };
            edited = true;
            return withHints({ ...section, editedText, accepted: patch.accepted ?? section.accepted });
          });
          const unknown = body.sections.find((p) => !sections.some((s) => s.key === p.key));
          if (unknown) throw badRequest('Okänd rubrik.', [{ field: 'body.sections.key', message: `Okänd rubrik: ${unknown.key}` }]);
          return { sections: next, ...(edited && row.status === 'utkast' ? { status: 'redigerad' as const } : {}) };
        },
        body.revision,
      );
      return { draft: presentDraft(updated) };
    },
  }),
  route({
    method: 'post',
    path: '/drafts/:id/flags/:flagId/resolve',
    response: DraftEnvelopeSchema,
    access: clinical,
    summary: 'Hantera en flagga: rättad eller avfärdad med motivering',
    params: z.object({ id: z.string().min(1).max(40), flagId: z.string().min(1).max(40) }),
    body: z.object({ action: z.enum(['fixed', 'dismissed']), reason: z.string().trim().max(500).default('') }),
    audit: { action: 'draft.flag.resolve', kind: 'write', subject: 'draft' },
    guard: ownedDraft(),
    handler: async (ctx) => {
      const { deps, params, body } = ctx;
      const updated = await changeSections(deps, params.id, (sections) => {
        let found = false;
        const next = sections.map((section) => ({
          ...section,
          sentences: section.sentences.map((sentence) => ({
            ...sentence,
            flags: sentence.flags.map((flag) => {
              if (flag.id !== params.flagId) return flag;
              found = true;
              // Only a critical flag (the draft contradicts the consultation) needs a written reason to be dismissed.
              if (flag.severity === 'critical' && body.action === 'dismissed' && body.reason === '') {
                throw badRequest('Ange varför flaggan avfärdas.', [{ field: 'body.reason', message: 'Ange varför flaggan avfärdas' }]);
              }
              return { ...flag, resolution: { action: body.action, reason: body.reason, at: new Date().toISOString() } };
            }),
          })),
        }));
        if (!found) throw notFound('Flaggan');
        return { sections: next };
      });
      ctx.auditDetails = { flagId: params.flagId, action: body.action };
      return { draft: presentDraft(updated) };
    },
  }),
  route({
    method: 'post',
    path: '/drafts/:id/sections/:key/regenerate',
    response: JobStartedSchema,
    access: clinical,
    summary: 'Skriv om en rubrik i utkastet (jobb)',
    params: z.object({ id: z.string().min(1).max(40), key: z.string().min(1).max(40) }),
    body: z.object({ drafter: DrafterKindSchema.optional() }),
    audit: { action: 'draft.regenerate', kind: 'write', subject: 'draft' },
    guard: ownedDraft(),
    handler: async (ctx) => {
      const { deps, user, params, body, resource: draft } = ctx;
      if (draft.status === 'signerad') throw draftSigned();
      if (draft.drafterId === MANUAL_DRAFTER_ID) throw baselineWithoutAi();
      const sections = presentDraft(draft).sections;
      if (!sections.some((s) => s.key === params.key)) throw notFound('Rubriken');
      const drafter = body.drafter ?? DrafterKindSchema.parse(draft.drafterId.split(':')[0]);
      await checkDrafter(deps, drafter);
      const payload: RegenerateJobPayload = { draftId: draft.id, sectionKey: params.key, drafter, userId: user.id };
      const job = await deps.jobs.enqueue(DRAFT_REGENERATE, payload, { createdById: user.id });
      return accepted({ jobId: job.id, draftId: draft.id, sectionKey: params.key, drafter }, `/api/v1/jobs/${job.id}`);
    },
  }),
];
