import crypto from 'node:crypto';
import type { Request, Response } from 'express';
import type { AppDeps } from '../../deps';
import { unprocessable, unsupportedMedia } from '../../errors';
import type { SessionUser } from '../../http/route';
import { encodeWav16 } from '../../pipeline/audio/wav-encode';
import { ACCEPTED_FORMATS_SV } from '../../pipeline/audio/audio-error';
import { decodeAudio } from '../../pipeline/audio/decode-audio';
import { refuseIfSigned, requireConsent } from './access';
import { purgeEncounterAudio } from './retention';
import { ensureJob } from './capture';
import { readRawBody } from './raw-body';
import { sha256Hex, wavKey } from './storage';

/** What browsers, phones and recorders call audio files; the format itself is read from the bytes. */
const ACCEPTED_TYPES = /^(audio\/[\w.+-]+|video\/(webm|mp4|ogg)|application\/(octet-stream|ogg))$/i;

/**
 * An uploaded file (a dictaphone's, a phone's): decoded now, so a wrong or
 * broken file is refused at once with the reason, then stored as a 16 kHz
 * WAV with its channels kept (one speaker per channel stays apart) and queued
 * for transcription.
 */
export async function acceptUpload(deps: AppDeps, user: SessionUser, encounter: { id: string; consentAt: Date | null }, req: Request, res: Response, speakers: string[]) {
  await requireConsent(deps, encounter);
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (!ACCEPTED_TYPES.test(type)) {
    throw unsupportedMedia(`Skicka ljudfilen som den är, med Content-Type för ljudet eller application/octet-stream. Godkända format: ${ACCEPTED_FORMATS_SV}.`);
  }
  const { UPLOAD_MAX_MB, AUDIO_MAX_MINUTES } = deps.env;
  const body = await readRawBody(req, res, UPLOAD_MAX_MB, 'Ljudfilen');
  if (body.length === 0) throw unprocessable(`Filen är tom. Godkända format: ${ACCEPTED_FORMATS_SV}.`, undefined, 'empty_file');

  // A wrong or broken file throws a PipelineError, which the error handler answers as 415/413/422.
  const decoded = await decodeAudio(new Uint8Array(body.buffer, body.byteOffset, body.byteLength), {
    channels: 'separate',
    maxBytes: UPLOAD_MAX_MB * 1024 * 1024,
    maxSeconds: AUDIO_MAX_MINUTES * 60,
  });
  if (decoded.channels.length > 8) throw unprocessable('Högst 8 kanaler tas emot.', undefined, 'too_many_channels');
  if (decoded.durationSeconds <= 0) throw unprocessable(`Filen innehåller inget ljud. Godkända format: ${ACCEPTED_FORMATS_SV}.`, undefined, 'empty_audio');

  // The file is durable before its row exists, so no row ever points at missing audio.
  const id = `u${crypto.randomBytes(12).toString('hex')}`;
  const wav = encodeWav16(decoded.channels, decoded.sampleRate);
  const key = wavKey(id);
  await deps.files.audio.put(key, [wav]);
  const recording = await deps.db.prisma.recording.create({
    data: {
      id,
      encounterId: encounter.id,
      status: 'complete',
      source: 'upload',
      sampleRate: decoded.sampleRate,
      channels: decoded.channels.length,
      originalFormat: decoded.format,
      durationSeconds: decoded.durationSeconds,
      sha256: sha256Hex(wav),
      storageKey: key,
      ...(speakers.length ? { speakers } : {}),
    },
  });
  // Signed while the file was decoded: the sign step's purge missed this one, so it goes now.
  await refuseIfSigned(deps, encounter.id).catch(async (error: unknown) => {
    await purgeEncounterAudio(deps, encounter.id, 'signed');
    throw error;
  });
  return ensureJob(deps, recording, user.id);
}
