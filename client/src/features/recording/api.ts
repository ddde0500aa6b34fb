import type { z } from 'zod';
import { ChunkAckSchema, RecordingAcceptedSchema, RecordingEnvelopeSchema, RecordingListSchema, RecordingStateSchema } from '../../../../server/contracts/api/recordings';
import { TranscriptEnvelopeSchema } from '../../../../server/contracts/api/review';
import type { TranscriptSegment } from '../../../../server/contracts/transcript';
import { API_BASE, request } from '../../api/client';
import { problemFrom, unreadableProblem } from '../../api/problem';

/**
 * The recording endpoints. JSON calls go through the shared client; the two
 * binary bodies (a PCM chunk, an audio file) need their own fetch, with the
 * same problem handling.
 */
export type { Transcript } from '../../../../server/contracts/api/review';
export type Segment = TranscriptSegment;

const enc = encodeURIComponent;

export const startRecording = (encounterId: string) =>
  request('POST', `/encounters/${enc(encounterId)}/recordings`, RecordingEnvelopeSchema, { body: { sampleRate: 16000, channels: 1 } });
export const listRecordings = (encounterId: string) => request('GET', `/encounters/${enc(encounterId)}/recordings`, RecordingListSchema);
export const recordingState = (id: string) => request('GET', `/recordings/${enc(id)}`, RecordingStateSchema);
export const completeRecording = (id: string, chunkCount: number, sha256: string) =>
  request('POST', `/recordings/${enc(id)}/complete`, RecordingAcceptedSchema, { body: { chunkCount, sha256 } });
export const getTranscript = (id: string) => request('GET', `/transcripts/${enc(id)}`, TranscriptEnvelopeSchema);
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
  await sendBinary('PUT', `/recordings/${enc(recordingId)}/chunks/${seq}`, bytes, { 'Content-Type': 'application/octet-stream', 'X-Chunk-Sha256': hex }, ChunkAckSchema);
}

export function uploadFile(encounterId: string, file: File, speakers: string) {
  const query = speakers.trim() ? `?speakers=${enc(speakers.trim())}` : '';
  return sendBinary('POST', `/encounters/${enc(encounterId)}/uploads${query}`, file, { 'Content-Type': file.type || 'application/octet-stream' }, RecordingAcceptedSchema);
}
