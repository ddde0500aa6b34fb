import type { Transcript } from '../review/api';

/** A training case's consultation in the review screen's transcript shape (no audio, no times), so TranscriptPanel shows it as in real work. */
export function transcriptOf(turns: readonly { id: string; speaker: string; text: string }[]): Transcript {
  return {
    id: 'training',
    recordingId: null,
    source: 'manual',
    language: 'sv',
    segments: turns.map((t) => ({ id: t.id, start: null, end: null, speaker: t.speaker, text: t.text })),
    createdAt: new Date(0).toISOString(),
  };
}
