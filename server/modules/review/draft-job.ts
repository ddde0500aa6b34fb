import { z } from 'zod';
import type { NoteSection } from '../../contracts/note';
import { TranscriberInfoSchema, TranscriptSegmentSchema, type TranscriptSegment } from '../../contracts/transcript';
import { WorkflowSpecSchema, type WorkflowSpec } from '../../contracts/workflow';
import type { AppDeps } from '../../deps';
import type { AppJobContext } from '../../deps';
import { JobFailure } from '../../errors';
import { ChatDrafter } from '../../pipeline/draft/chat-drafter';
import { DrafterKindSchema, createNoteDrafter } from '../../pipeline/draft/factory';
import { finalizeDraft } from '../../pipeline/draft/finalize';
import { timeEventData } from '../timing/service';
import { changeSections } from './drafts';
import { drafterConfig } from './drafting-setup';

/**
 * The drafting jobs. Everything they need is in the payload (ids) and the
 * database, so any worker process can run them. `draft.create` stores the
 * draft under the job's id: a re-run after a crash finds its draft instead of
 * writing a second one, and the draft and its draft_ready event are written
 * in one transaction.
 */
export const DRAFT_CREATE = 'draft.create';
export const DRAFT_REGENERATE = 'draft.regenerate';

export const DraftJobPayloadSchema = z.object({
  encounterId: z.string(),
  transcriptId: z.string(),
  workflowVersionId: z.string(),
  drafter: DrafterKindSchema,
  userId: z.string(),
});
export type DraftJobPayload = z.infer<typeof DraftJobPayloadSchema>;

export const RegenerateJobPayloadSchema = z.object({
  draftId: z.string(),
  sectionKey: z.string(),
  drafter: DrafterKindSchema,
  userId: z.string(),
});
export type RegenerateJobPayload = z.infer<typeof RegenerateJobPayloadSchema>;

interface Material {
  segments: TranscriptSegment[];
  transcriberId: string;
  spec: WorkflowSpec;
}

async function loadMaterial(deps: AppDeps, transcriptId: string | null, workflowVersionId: string | null): Promise<Material> {
  const db = deps.db.prisma;
  const transcript = transcriptId ? await db.transcript.findUnique({ where: { id: transcriptId } }) : null;
  if (!transcript || transcript.deletedAt) throw new JobFailure('transcript_missing', 'Transkriptet finns inte längre (raderat enligt gallringsregeln?).');
  const version = workflowVersionId ? await db.workflowVersion.findUnique({ where: { id: workflowVersionId } }) : null;
  if (!version) throw new JobFailure('workflow_missing', 'Arbetsflödesversionen finns inte längre.');
  const segments = z.array(TranscriptSegmentSchema).parse(transcript.segments).filter((s) => s.text.trim() !== '');
  if (segments.length === 0) throw new JobFailure('empty_transcript', 'Transkriptet är tomt; det finns inget att skriva utkast från.');
  return { segments, transcriberId: TranscriberInfoSchema.parse(transcript.producer).transcriberId, spec: WorkflowSpecSchema.parse(version.spec) };
}

const since = (t: number) => Math.round(performance.now() - t);

async function runDrafter(ctx: AppJobContext, kind: DraftJobPayload['drafter'], material: Material, onlySections?: string[]) {
  const drafter = createNoteDrafter(kind, material.spec, drafterConfig(ctx.deps));
  try {
    const output = await drafter.draft({ workflow: material.spec, segments: material.segments, signal: ctx.signal, ...(onlySections ? { onlySections } : {}) });
    return { output, info: drafter.info, repairRounds: drafter instanceof ChatDrafter ? drafter.lastRepairRounds : 0 };
  } finally {
    await drafter.dispose();
  }
}

export async function createDraftJob(ctx: AppJobContext): Promise<{ draftId: string }> {
  const { deps, jobId } = ctx;
  const db = deps.db.prisma;
  const payload = DraftJobPayloadSchema.parse(ctx.payload);
  if (await db.draft.findUnique({ where: { id: jobId }, select: { id: true } })) return { draftId: jobId };

  const started = performance.now();
  await ctx.progress(0.05, 'Läser transkript och arbetsflöde');
  const material = await loadMaterial(deps, payload.transcriptId, payload.workflowVersionId);
  const loadMs = since(started);

  await ctx.progress(0.15, 'Skriver utkast');
  const t1 = performance.now();
  const { output, info, repairRounds } = await runDrafter(ctx, payload.drafter, material);
  const draftMs = since(t1);

  await ctx.progress(0.85, 'Kontrollerar belägg och flaggor');
  const t2 = performance.now();
  const sections = finalizeDraft({ workflow: material.spec, segments: material.segments, output });
  const finalizeMs = since(t2);

  const user = await db.user.findUnique({ where: { id: payload.userId }, select: { id: true, professionId: true, careUnitId: true } });
  const encounter = await db.encounter.findUnique({ where: { id: payload.encounterId }, select: { professionId: true, careUnitId: true } });
  const owner = { userId: payload.userId, professionId: encounter?.professionId ?? user?.professionId ?? null, careUnitId: encounter?.careUnitId ?? user?.careUnitId ?? null };
  const flags = sections.reduce((n, s) => n + s.sentences.reduce((m, x) => m + x.flags.length, 0), 0);
  const timings = { loadMs, draftMs, finalizeMs, totalMs: since(started), repairRounds };
  try {
    await db.$transaction([
      db.draft.create({
        data: {
          id: jobId,
          encounterId: payload.encounterId,
          transcriptId: payload.transcriptId,
          workflowVersionId: payload.workflowVersionId,
          transcriberId: material.transcriberId,
          drafterId: info.drafterId,
          modelId: info.modelId,
          sections,
          timings,
        },
      }),
      db.timeEvent.create({
        data: timeEventData(owner, { kind: 'draft_ready', at: new Date(), encounterId: payload.encounterId, draftId: jobId, meta: { drafterId: info.drafterId, flags } }),
      }),
    ]);
  } catch (error) {
    // Another run of this job got there first (a worker that was thought dead): its draft stands.
    if ((error as { code?: string }).code !== 'P2002') throw error;
  }
  return { draftId: jobId };
}

export async function regenerateSectionJob(ctx: AppJobContext): Promise<{ draftId: string; sectionKey: string }> {
  const { deps } = ctx;
  const payload = RegenerateJobPayloadSchema.parse(ctx.payload);
  const draft = await deps.db.prisma.draft.findUnique({ where: { id: payload.draftId } });
  if (!draft) throw new JobFailure('draft_missing', 'Utkastet finns inte längre.');
  if (draft.status === 'signerad') throw new JobFailure('draft_signed', 'Utkastet är signerat och kan inte ändras.');

  await ctx.progress(0.1, 'Läser transkript och arbetsflöde');
  const material = await loadMaterial(deps, draft.transcriptId, draft.workflowVersionId);
  if (!material.spec.sections.some((s) => s.key === payload.sectionKey)) throw new JobFailure('unknown_section', 'Rubriken finns inte i arbetsflödet.');
  await ctx.progress(0.2, 'Skriver om rubriken');
  const { output } = await runDrafter(ctx, payload.drafter, material, [payload.sectionKey]);
  const [fresh] = finalizeDraft({ workflow: material.spec, segments: material.segments, output, onlySections: [payload.sectionKey] });
  if (!fresh) throw new JobFailure('unknown_section', 'Rubriken finns inte i arbetsflödet.');
  await ctx.progress(0.9, 'Sparar');
  // Only this section is replaced; the clinician's edits elsewhere stay as they are.
  await changeSections(deps, payload.draftId, (sections) => ({
    sections: replaceSection(sections, fresh),
  }));
  return { draftId: payload.draftId, sectionKey: payload.sectionKey };
}

function replaceSection(sections: NoteSection[], fresh: NoteSection): NoteSection[] {
  return sections.some((s) => s.key === fresh.key) ? sections.map((s) => (s.key === fresh.key ? fresh : s)) : [...sections, fresh];
}

export function registerDraftJobs(deps: AppDeps): void {
  deps.jobs.register(DRAFT_CREATE, createDraftJob);
  deps.jobs.register(DRAFT_REGENERATE, regenerateSectionJob);
}
