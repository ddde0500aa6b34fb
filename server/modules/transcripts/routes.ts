import { z } from 'zod';
import { badRequest } from '../../errors';
import { created, route, type RouteDef } from '../../http/route';
import { ownedEncounter, ownedTranscript } from '../encounters/guards';
import { createTranscriptFromSegments, parsePastedTranscript, presentTranscript, segmentsFromTurns } from './service';
import { TranscriptEnvelopeSchema, TranscriptListSchema } from '../../contracts/api/review';

const EncounterId = z.object({ id: z.string().min(1).max(40) });
const clinical = ['clinician'] as const;
const MAX_PASTE_CHARS = 200_000;

/** Pasted speaker turns: one "Talare: text" per line, or the turns as a list. */
const PasteBody = z
  .object({
    text: z.string().max(MAX_PASTE_CHARS).optional(),
    turns: z
      .array(z.object({ speaker: z.string().trim().max(64).nullish(), text: z.string().max(4000) }))
      .max(2000)
      .optional(),
    language: z.enum(['sv', 'en']).default('sv'),
  })
  .refine((b) => (b.text === undefined) !== (b.turns === undefined), { message: 'Ange antingen text eller turns', path: ['text'] });

export const transcriptRoutes: RouteDef[] = [
  route({
    method: 'post',
    path: '/encounters/:id/transcripts',
    response: TranscriptEnvelopeSchema,
    access: clinical,
    summary: 'Klistra in ett transkript (talarturer) för besöket',
    params: EncounterId,
    body: PasteBody,
    audit: { action: 'transcript.create', kind: 'write', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, params, body }) => {
      const segments = body.text !== undefined ? parsePastedTranscript(body.text) : segmentsFromTurns(body.turns ?? []);
      if (segments.length === 0) throw badRequest('Transkriptet är tomt.', [{ field: 'body.text', message: 'Tomt' }]);
      const row = await createTranscriptFromSegments(deps, {
        encounterId: params.id,
        segments,
        source: 'manual',
        language: body.language,
        producer: { transcriberId: 'manual', modelId: null, settings: { pasted: true } },
      });
      return created({ transcript: presentTranscript(row) }, `/api/v1/transcripts/${row.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/encounters/:id/transcripts',
    response: TranscriptListSchema,
    access: clinical,
    summary: 'Besökets transkript',
    params: EncounterId,
    audit: { action: 'transcript.list', kind: 'read', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, params }) => {
      const rows = await deps.db.prisma.transcript.findMany({ where: { encounterId: params.id, deletedAt: null }, orderBy: { createdAt: 'desc' } });
      return { transcripts: rows.map(presentTranscript) };
    },
  }),
  route({
    method: 'get',
    path: '/transcripts/:id',
    response: TranscriptEnvelopeSchema,
    access: clinical,
    summary: 'Ett transkript',
    params: EncounterId,
    audit: { action: 'transcript.read', kind: 'read', subject: 'transcript' },
    guard: ownedTranscript(),
    handler: async (ctx) => ({ transcript: presentTranscript(ctx.resource) }),
  }),
];
