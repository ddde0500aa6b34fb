import { z } from 'zod';
import { TranscriptSegmentSchema } from '../../../../server/contracts/transcript';
import { API_BASE, request } from '../../api/client';
import { problemFrom, unreadableProblem } from '../../api/problem';

/**
 * The recording endpoints. JSON calls go through the shared client; the two
 * binary bodies (a PCM chunk, an audio file) need their own fetch, with the
 * same problem handling.
 */
const RecordingSchema = z.object({ id: z.string(), status: z.string(), source: z.string(), sha256: z.string().nullable(), durationSeconds: z.number().nullable() });
const RecordingEnvelope = z.object({ recording: RecordingSchema });
const StateSchema = z.object({ recording: RecordingSchema, status: z.string(), received: z.array(z.number().int()), missing: z.array(z.number().int()) });
const AcceptedSchema = z.object({ recording: RecordingSchema, job: z.object({ id: z.string() }) });
const AckSchema = z.object({ seq: z.number().int(), acknowledged: z.literal(true) });
export const TranscriptSchema = z.object({ id: z.string(), source: z.string(), segments: z.array(TranscriptSegmentSchema) });
export type Transcript = z.infer<typeof TranscriptSchema>;
export type Segment = z.infer<typeof TranscriptSegmentSchema>;

const enc = encodeURIComponent;

export const startRecording = (encounterId: string) =>
  request('POST', `/encounters/${enc(encounterId)}/recordings`, RecordingEnvelope, { body: { sampleRate: 16000, channels: 1 } });
export const recordingState = (id: string) => request('GET', `/recordings/${enc(id)}`, StateSchema);
export const completeRecording = (id: string, chunkCount: number, sha256: string) =>
  request('POST', `/recordings/${enc(id)}/complete`, AcceptedSchema, { body: { chunkCount, sha256 } });
export const getTranscript = (id: string) => request('GET', `/transcripts/${enc(id)}`, z.object({ transcript: TranscriptSchema }));
export const eventsUrl = (recordingId: string) => `${API_BASE}/recordings/${enc(recordingId)}/events`;

async function sendBinary<S extends z.ZodType>(method: string, path: string, body: BodyInit, headers: Record<string, string>, schema: S): Promise<z.infer<S>> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { method, body, headers: { Accept: 'application/json', ...headers }, credentials: 'same-origin' });
  } catch {
    throw unreadableProblem(0);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw json === undefined ? unreadableProblem(response.status) : problemFrom(response.status, json);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw unreadableProblem(response.status);
  return parsed.data;
}

export async function putChunk(recordingId: string, seq: number, bytes: ArrayBuffer): Promise<void> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  await sendBinary('PUT', `/recordings/${enc(recordingId)}/chunks/${seq}`, bytes, { 'Content-Type': 'application/octet-stream', 'X-Chunk-Sha256': hex }, AckSchema);
}

export function uploadFile(encounterId: string, file: File, speakers: string) {
  const query = speakers.trim() ? `?speakers=${enc(speakers.trim())}` : '';
  return sendBinary('POST', `/encounters/${enc(encounterId)}/uploads${query}`, file, { 'Content-Type': file.type || 'application/octet-stream' }, AcceptedSchema);
}
