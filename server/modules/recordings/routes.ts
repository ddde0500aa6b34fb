import { z } from 'zod';
import { badRequest, unsupportedMedia } from '../../errors';
import { accepted, created, route, type RouteDef } from '../../http/route';
import { ownedEncounter, ownedRecording } from '../encounters/guards';
import { presentRecording, requireConsent } from './access';
import { audioRoutes } from './audio-route';
import { CHUNK_MAX_MB, completeRecording, putChunk, recordingState } from './capture';
import { streamRecordingEvents } from './events';
import { readRawBody } from './raw-body';
import { transcriptionStates } from './state';
import { acceptUpload } from './upload';
import { ChunkAckSchema, RecordingAcceptedSchema, RecordingEnvelopeSchema, RecordingListSchema, RecordingStateSchema } from '../../contracts/api/recordings';

const clinical = ['clinician'] as const;
const Id = z.object({ id: z.string().min(1).max(40) });
const ChunkParams = z.object({ id: z.string().min(1).max(40), seq: z.coerce.number().int().min(0).max(99_999) });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 som 64 hexadecimala gemener');
const jobLocation = (jobId: string) => `/api/v1/jobs/${jobId}`;

export const recordingRoutes: RouteDef[] = [
  route({
    method: 'post',
    path: '/encounters/:id/recordings',
    response: RecordingEnvelopeSchema,
    access: clinical,
    summary: 'Starta en inspelning (kräver samtycke)',
    params: Id,
    body: z.object({ sampleRate: z.literal(16000), channels: z.literal(1) }),
    audit: { action: 'recording.create', kind: 'write', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, resource: encounter, body }) => {
      await requireConsent(deps, encounter);
      const recording = await deps.db.prisma.recording.create({
        data: { encounterId: encounter.id, source: 'browser', sampleRate: body.sampleRate, channels: body.channels },
      });
      return created({ recording: presentRecording(recording) }, `/api/v1/recordings/${recording.id}`);
    },
  }),
  route({
    method: 'get',
    path: '/encounters/:id/recordings',
    response: RecordingListSchema,
    access: clinical,
    summary: 'Besökets inspelningar',
    params: Id,
    audit: { action: 'recording.list', kind: 'read', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, params }) => {
      const db = deps.db.prisma;
      const rows = await db.recording.findMany({ where: { encounterId: params.id }, orderBy: { createdAt: 'desc' } });
      const ids = rows.map((r) => r.id);
      const jobIds = rows.flatMap((r) => (r.jobId ? [r.jobId] : []));
      const [jobs, transcripts] = await Promise.all([
        db.job.findMany({ where: { id: { in: jobIds } }, select: { id: true, status: true } }),
        db.transcript.findMany({ where: { recordingId: { in: ids }, source: 'asr', deletedAt: null }, select: { recordingId: true } }),
      ]);
      const jobStatus = new Map(jobs.map((j) => [j.id, j.status]));
      const transcribed = new Set(transcripts.map((t) => t.recordingId));
      const states = await transcriptionStates(
        deps,
        rows.map((r) => ({ recordingStatus: r.status, jobStatus: (r.jobId && jobStatus.get(r.jobId)) || null, transcribed: transcribed.has(r.id) })),
      );
      return { recordings: rows.map((r, i) => ({ ...presentRecording(r), state: states[i]! })) };
    },
  }),
  route({
    method: 'put',
    path: '/recordings/:id/chunks/:seq',
    response: ChunkAckSchema,
    access: clinical,
    summary: 'Ladda upp en numrerad del av inspelningen (16-bitars PCM)',
    params: ChunkParams,
    rawBody: 'audio',
    audit: { action: 'recording.chunk', kind: 'write', subject: 'recording' },
    guard: ownedRecording(),
    handler: async (ctx) => {
      const { deps, user, params, req, res, resource: recording } = ctx;
      if (!req.is('application/octet-stream')) throw unsupportedMedia('Delar skickas som Content-Type: application/octet-stream (16-bitars PCM, little-endian).');
      const claimed = Sha256.safeParse(req.get('x-chunk-sha256')?.toLowerCase());
      if (!claimed.success) throw badRequest('Rubriken X-Chunk-Sha256 saknas eller är fel.', [{ field: 'headers.x-chunk-sha256', message: 'SHA-256 av delens byte, 64 hexadecimala tecken' }]);
      const body = await readRawBody(req, res, CHUNK_MAX_MB, 'Delen');
      ctx.auditDetails = { recordingId: recording.id, seq: params.seq };
      return putChunk(deps, recording, params.seq, new Uint8Array(body.buffer, body.byteOffset, body.byteLength), claimed.data, user.id);
    },
  }),
  route({
    method: 'get',
    path: '/recordings/:id',
    response: RecordingStateSchema,
    access: clinical,
    summary: 'Inspelningens status: mottagna och saknade delar',
    params: Id,
    audit: { action: 'recording.read', kind: 'read', subject: 'recording' },
    guard: ownedRecording(),
    handler: async ({ deps, resource: recording }) => {
      return { recording: presentRecording(recording), ...(await recordingState(deps, recording)) };
    },
  }),
  route({
    method: 'post',
    path: '/recordings/:id/complete',
    response: RecordingAcceptedSchema,
    access: clinical,
    summary: 'Avsluta inspelningen: kontrollera delarna, sätt ihop ljudet och transkribera',
    params: Id,
    body: z.object({ chunkCount: z.number().int().min(1).max(100_000), sha256: Sha256 }),
    audit: { action: 'recording.complete', kind: 'write', subject: 'recording' },
    guard: ownedRecording(),
    handler: async ({ deps, user, body, resource: recording }) => {
      const done = await completeRecording(deps, recording, body, user.id);
      return accepted({ recording: presentRecording(done.recording), job: { id: done.jobId } }, jobLocation(done.jobId));
    },
  }),
  route({
    method: 'get',
    path: '/recordings/:id/events',
    response: 'events',
    access: clinical,
    summary: 'Live-transkript som Server-Sent Events',
    params: Id,
    audit: { action: 'recording.events', kind: 'read', subject: 'recording' },
    guard: ownedRecording(),
    handler: async (ctx) => {
      await ctx.auditNow();
      streamRecordingEvents(ctx.deps, ctx.req, ctx.res, ctx.resource);
    },
  }),
  route({
    method: 'post',
    path: '/encounters/:id/uploads',
    response: RecordingAcceptedSchema,
    access: clinical,
    summary: 'Ladda upp en ljudfil för transkribering',
    params: Id,
    query: z.object({ speakers: z.string().max(300).optional() }),
    rawBody: 'audio',
    audit: { action: 'recording.upload', kind: 'write', encounterId: ({ params }) => params.id },
    guard: ownedEncounter(),
    handler: async ({ deps, user, resource: encounter, query, req, res }) => {
      const speakers = (query.speakers ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (speakers.length > 8 || speakers.some((s) => s.length > 64)) throw badRequest('Högst 8 talarnamn om högst 64 tecken.', [{ field: 'query.speakers', message: 'För många eller för långa namn' }]);
      const done = await acceptUpload(deps, user, encounter, req, res, speakers);
      return accepted({ recording: presentRecording(done.recording), job: { id: done.jobId } }, jobLocation(done.jobId));
    },
  }),
  ...audioRoutes,
];
