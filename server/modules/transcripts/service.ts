import { z } from 'zod';
import { TranscriberInfoSchema, TranscriptSegmentSchema, type TranscriberInfo, type TranscriptSegment } from '../../contracts/transcript';
import type { AppDeps } from '../../deps';
import { badRequest } from '../../errors';

/**
 * Transcripts of an encounter: pasted text now, ASR later. Both go through
 * createTranscriptFromSegments, so every stored transcript has unique,
 * stable segment ids ("s1", "s2", …) that drafts cite, and names the
 * producer (transcriber and settings) for reproducibility.
 */
export interface NewTranscript {
  encounterId: string;
  segments: TranscriptSegment[];
  producer: TranscriberInfo;
  source: 'asr' | 'manual';
  language: string;
  recordingId?: string | null;
  status?: 'running' | 'complete' | 'failed';
}

const NewTranscriptSchema = z.object({
  encounterId: z.string().min(1),
  segments: z.array(TranscriptSegmentSchema).max(20_000),
  producer: TranscriberInfoSchema,
  source: z.enum(['asr', 'manual']),
  language: z.string().min(2).max(8),
  recordingId: z.string().nullish(),
  status: z.enum(['running', 'complete', 'failed']).default('complete'),
});

/** The service the ASR module calls when a recording has been transcribed. */
export async function createTranscriptFromSegments(deps: AppDeps, input: NewTranscript) {
  const data = NewTranscriptSchema.parse(input);
  const ids = new Set(data.segments.map((s) => s.id));
  if (ids.size !== data.segments.length) throw badRequest('Segment-id:n i transkriptet måste vara unika.');
  return deps.db.prisma.transcript.create({
    data: {
      encounterId: data.encounterId,
      recordingId: data.recordingId ?? null,
      source: data.source,
      status: data.status,
      language: data.language,
      segments: data.segments,
      // settings are `unknown` to zod but JSON by construction (they came in as JSON)
      producer: data.producer as never,
    },
  });
}

/** "Läkare: Hej" → speaker "Läkare". A label is a short name before a colon, not a sentence with a colon in it. */
const SPEAKER_LABEL = /^\s*([\p{L}][\p{L}\p{N} .-]{0,29}?)\s*:\s+(\S[\s\S]*)$/u;
const MAX_LABEL_WORDS = 3;

/** One segment per non-empty line of pasted speaker turns; times are null (no audio). */
export function parsePastedTranscript(text: string): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const match = SPEAKER_LABEL.exec(line);
    const label = match?.[1]?.trim();
    const isLabel = label !== undefined && label.split(/\s+/).length <= MAX_LABEL_WORDS;
    segments.push({
      id: `s${segments.length + 1}`,
      start: null,
      end: null,
      speaker: isLabel ? label : null,
      text: (isLabel ? (match?.[2] ?? '') : line).trim(),
    });
  }
  return segments;
}

export function segmentsFromTurns(turns: readonly { speaker?: string | null | undefined; text: string }[]): TranscriptSegment[] {
  return turns
    .filter((t) => t.text.trim() !== '')
    .map((t, i) => ({ id: `s${i + 1}`, start: null, end: null, speaker: t.speaker?.trim() || null, text: t.text.trim() }));
}

export function presentTranscript(row: {
  id: string;
  encounterId: string;
  recordingId: string | null;
  source: string;
  status: string;
  language: string;
  segments: unknown;
  producer: unknown;
  createdAt: Date;
}) {
  return {
    id: row.id,
    encounterId: row.encounterId,
    recordingId: row.recordingId,
    source: row.source,
    status: row.status,
    language: row.language,
    segments: z.array(TranscriptSegmentSchema).parse(row.segments),
    producer: TranscriberInfoSchema.parse(row.producer),
    createdAt: row.createdAt,
  };
}

export async function latestTranscript(deps: AppDeps, encounterId: string) {
  return deps.db.prisma.transcript.findFirst({ where: { encounterId, deletedAt: null }, orderBy: { createdAt: 'desc' } });
}
