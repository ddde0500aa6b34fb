import { z } from 'zod';
import { AppError, conflict } from '../../errors';
import { route, type RouteDef } from '../../http/route';
import { ownRecording, type RecordingRow } from './access';
import { audioStorage } from './storage';

/**
 * Playback of a recording's stored WAV for the review page, so a clinician can
 * hear what the evidence of a sentence sounded like. Express's `sendFile`
 * answers Range requests (206, Content-Range, 416), which `<audio>` needs to
 * seek. The audio is patient data: only the encounter's clinician may fetch
 * it, every fetch is an access-log row, and no cache may keep a copy.
 */
const Id = z.object({ id: z.string().min(1).max(40) });

export const AUDIO_DELETED_DETAIL = 'Ljudet är raderat (signerad anteckning eller lagringstid passerad).';

const audioDeleted = () => new AppError(410, 'audio_deleted', 'Ljudet är raderat', AUDIO_DELETED_DETAIL);

interface SendError {
  status?: number;
  statusCode?: number;
  code?: string;
  headers?: Record<string, string>;
}

/** What a failed `sendFile` means for the client, when nothing has been sent yet; anything else stays a 500. */
function sendProblem(error: SendError): unknown {
  const status = error.status ?? error.statusCode;
  // The retention sweep removes the file before it marks the row: a missing file is deleted audio.
  if (error.code === 'ENOENT' || status === 404) return audioDeleted();
  if (status === 416) return new AppError(416, 'range_not_satisfiable', 'Fel intervall', 'Det begärda intervallet ligger utanför ljudfilen.', undefined, error.headers);
  return error;
}

function playableFile(recording: RecordingRow, dataDir: string): string {
  if (recording.deletedAt || recording.status === 'deleted') throw audioDeleted();
  if (recording.status !== 'complete' || !recording.storageKey) {
    throw conflict('Inspelningen pågår fortfarande. Ljudet kan spelas upp när den är avslutad.', 'recording_in_progress');
  }
  return audioStorage(dataDir).resolve(recording.storageKey);
}

export const audioRoutes: RouteDef[] = [
  route({
    method: 'get',
    path: '/recordings/:id/audio',
    access: ['clinician'],
    summary: 'Spela upp inspelningens ljud (WAV, med Range för att kunna hoppa)',
    params: Id,
    audit: { action: 'recording.audio_read', kind: 'read' },
    handler: async (ctx) => {
      const recording = await ownRecording(ctx, ctx.user!, ctx.params.id);
      const file = playableFile(recording, ctx.deps.env.dataDir);
      ctx.auditDetails = { recordingId: recording.id };
      const { res } = ctx;
      res.set({ 'Cache-Control': 'private, no-store', 'Content-Type': 'audio/wav' });
      await new Promise<void>((resolve, reject) => {
        res.sendFile(file, { acceptRanges: true, cacheControl: false, lastModified: false, dotfiles: 'allow' }, (error?: Error) => {
          // Once bytes have left, a failure is a dropped connection (a seek aborts the previous request): nothing to answer.
          if (!error || res.headersSent) resolve();
          else reject(sendProblem(error as Error & SendError));
        });
      });
      return undefined;
    },
  }),
];
