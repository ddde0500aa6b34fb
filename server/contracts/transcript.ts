import { z } from 'zod';

/**
 * A transcript is a list of segments. Segment ids are stable strings ("s1",
 * "s2", …) because draft sentences cite them as evidence; times are seconds
 * from the start of the recording (null for pasted text without audio).
 */
export const WordTimingSchema = z.object({
  word: z.string(),
  start: z.number().nonnegative(),
  end: z.number().nonnegative(),
});
export type WordTiming = z.infer<typeof WordTimingSchema>;

export const TranscriptSegmentSchema = z.object({
  id: z.string().min(1).max(32),
  start: z.number().nonnegative().nullable(),
  end: z.number().nonnegative().nullable(),
  /** "Läkare", "Patient", "kanal 1", … when known. */
  speaker: z.string().max(64).nullable(),
  text: z.string(),
  words: z.array(WordTimingSchema).optional(),
});
export type TranscriptSegment = z.infer<typeof TranscriptSegmentSchema>;

/** Which model and settings produced a transcript, so it can be reproduced. */
export const TranscriberInfoSchema = z.object({
  transcriberId: z.string(), // e.g. "local:KBLab/kb-whisper-small", "hosted:whisper-1", "manual"
  modelId: z.string().nullable(),
  settings: z.record(z.string(), z.unknown()),
});
export type TranscriberInfo = z.infer<typeof TranscriberInfoSchema>;

export const TranscriptSchema = z.object({
  language: z.string().min(2).max(8),
  segments: z.array(TranscriptSegmentSchema),
  producer: TranscriberInfoSchema,
});
export type Transcript = z.infer<typeof TranscriptSchema>;
