import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { AppError, conflict } from '../../errors';
import { route, type RouteDef } from '../../http/route';
import { ownedRecording } from '../encounters/guards';
import type { RecordingRow } from './access';

/**
 * Playback of a recording's stored WAV for the review page, so a clinician can
 * hear what the evidence of a sentence sounded like. Range requests (206,
 * Content-Range, 416) are answered here from the audio store, whichever
 * backend holds the file, because `<audio>` needs them to seek. The audio is
 * patient data: only the encounter's clinician may fetch it, every fetch is
 * an access-log row, and no cache may keep a copy.
 */
const Id = z.object({ id: z.string().min(1).max(40) });

export const AUDIO_DELETED_DETAIL = 'Ljudet är raderat (signerad anteckning eller lagringstid passerad).';

const audioDeleted = () => new AppError(410, 'audio_deleted', 'Ljudet är raderat', AUDIO_DELETED_DETAIL);

function playableKey(recording: RecordingRow): string {
  if (recording.deletedAt || recording.status === 'deleted') throw audioDeleted();
  if (recording.status !== 'complete' || !recording.storageKey) {
    throw conflict('Inspelningen pågår fortfarande. Ljudet kan spelas upp när den är avslutad.', 'recording_in_progress');
  }
  return recording.storageKey;
}

export const audioRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/recordings/:id/audio',
    response: 'file',
    access: ['clinician'],
    summary: 'Spela upp inspelningens ljud (WAV, med Range för att kunna hoppa)',
    params: Id,
    audit: { action: 'recording.audio_read', kind: 'read', subject: 'recording' },
    guard: ownedRecording(),
    handler: async (ctx) => {
      const recording = ctx.resource;
      const key = playableKey(recording);
      ctx.auditDetails = { recordingId: recording.id };
      const store = ctx.deps.files.audio;
      // The retention sweep removes the file before it marks the row: a missing file is deleted audio.
      const size = await store.size(key);
      if (size === null) throw audioDeleted();

      const { req, res } = ctx;
      let start = 0;
      let end = size;
      // A single range is honoured; several ranges (rare for audio) get the whole file, which RFC 9110 allows.
      const ranges = req.headers.range ? req.range(size, { combine: true }) : undefined;
      if (ranges === -1) {
        throw new AppError(416, 'range_not_satisfiable', 'Fel intervall', 'Det begärda intervallet ligger utanför ljudfilen.', undefined, { 'Content-Range': `bytes */${size}` });
      }
      const partial = Array.isArray(ranges) && ranges.type === 'bytes' && ranges.length === 1;
      if (partial) {
        start = ranges[0]!.start;
        end = ranges[0]!.end + 1;
      }
      // The access-log row goes before any byte of audio.
      await ctx.auditNow();
      res.status(partial ? 206 : 200).set({
        'Cache-Control': 'private, no-store',
        'Content-Type': 'audio/wav',
        'Accept-Ranges': 'bytes',
        'Content-Length': String(end - start),
        ...(partial ? { 'Content-Range': `bytes ${start}-${end - 1}/${size}` } : {}),
      });
      if (req.method === 'HEAD') {
        res.end();
        return undefined;
      }
      try {
        await pipeline(Readable.from(store.stream(key, start, end)), res);
      } catch (error) {
        // Once bytes have left, a failure is a dropped connection (a seek aborts the previous request): nothing to answer.
        if (!res.headersSent) throw error;
      }
      return undefined;
    },
  }),
];
