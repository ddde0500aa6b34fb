import type { AppDeps } from '../../deps';
import { deleteRecordingAudio } from './storage';

/**
 * Data minimisation: audio lives until the note is signed or for
 * AUDIO_RETENTION_HOURS, whichever comes first; transcripts for
 * TRANSCRIPT_RETENTION_DAYS. Every deletion is in the access log as the
 * system's act. Live window text goes with the audio (the transcript is the
 * record that stays).
 */
export type PurgeReason = 'signed' | 'retention';

async function purgeRecording(deps: AppDeps, recording: { id: string; encounterId: string; storageKey: string | null; jobId: string | null }, reason: PurgeReason): Promise<void> {
  // A transcription still waiting (e.g. for a speech model) has nothing left to transcribe: it ends as cancelled, not as a failure.
  if (recording.jobId) await deps.jobs.cancel(recording.jobId);
  await deleteRecordingAudio(deps.files.audio, recording.id, recording.storageKey);
  const db = deps.db.prisma;
  await db.recordingWindow.deleteMany({ where: { recordingId: recording.id } });
  await db.recording.update({
    where: { id: recording.id },
    data: { status: 'deleted', deletedAt: new Date(), deleteReason: reason, storageKey: null },
  });
  await deps.events.publish('recording', recording.id);
  await deps.audit.record({
    user: null,
    actorId: null,
    action: 'recording.audio_deleted',
    kind: 'delete',
    encounterId: recording.encounterId,
    outcome: 'success',
    details: { recordingId: recording.id, reason, actor: 'system' },
  });
}

/** For the sign step: delete every recording's audio of the encounter. Returns how many were deleted. */
export async function purgeEncounterAudio(deps: AppDeps, encounterId: string, reason: PurgeReason): Promise<number> {
  const recordings = await deps.db.prisma.recording.findMany({ where: { encounterId, deletedAt: null } });
  for (const recording of recordings) await purgeRecording(deps, recording, reason);
  return recordings.length;
}

/** Audio older than AUDIO_RETENTION_HOURS, and any audio of a signed encounter the sign step left behind. */
export async function sweepAudio(deps: AppDeps, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - deps.env.AUDIO_RETENTION_HOURS * 3_600_000);
  const due = await deps.db.prisma.recording.findMany({
    where: { deletedAt: null, OR: [{ createdAt: { lt: cutoff } }, { encounter: { signedNotes: { some: {} } } }] },
  });
  for (const recording of due) {
    const signed = await deps.db.prisma.signedNote.count({ where: { encounterId: recording.encounterId } });
    await purgeRecording(deps, recording, signed > 0 && recording.createdAt >= cutoff ? 'signed' : 'retention');
  }
  return due.length;
}

/** Transcripts older than TRANSCRIPT_RETENTION_DAYS: text cleared, row kept as a tombstone. */
export async function sweepTranscripts(deps: AppDeps, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - deps.env.TRANSCRIPT_RETENTION_DAYS * 86_400_000);
  const due = await deps.db.prisma.transcript.findMany({ where: { deletedAt: null, createdAt: { lt: cutoff } }, select: { id: true, encounterId: true } });
  for (const transcript of due) {
    await deps.db.prisma.transcript.update({ where: { id: transcript.id }, data: { segments: [], deletedAt: now } });
    await deps.audit.record({
      user: null,
      action: 'transcript.deleted',
      kind: 'delete',
      encounterId: transcript.encounterId,
      outcome: 'success',
      details: { transcriptId: transcript.id, reason: 'retention', actor: 'system' },
    });
  }
  return due.length;
}
