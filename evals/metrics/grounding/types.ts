import { z } from 'zod';

export type Language = 'sv' | 'en';

export const LanguageSchema = z.enum(['sv', 'en']);

export const FLAG_KINDS = ['number', 'drug', 'negation', 'diagnosis', 'plan', 'laterality', 'certainty'] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];
export type Severity = 'critical' | 'warning';

/** One span of the note that the transcript does not support. */
export interface Flag {
  kind: FlagKind;
  span: string;
  /** Character offsets in the note (end exclusive). */
  start: number;
  end: number;
  /**
   * The transcript sentence the flag compared the span with — its segment id
   * when segments have ids (the segment to jump to), else its text — or the
   * closest sentence by shared words; null when nothing is close.
   */
  evidence: string | null;
  /**
   * critical: contradicts the consultation (another value for the same
   * quantity, another drug, a flipped negation or side, a diagnosis nobody
   * made, a certainty nobody expressed). warning ("Kontrollera"): not found
   * in the consultation, not contradicted.
   */
  severity: Severity;
  /** Short reason in English, fixed per check, free of patient text (for logs and tests). */
  reason: string;
  /** What was compared, in Swedish, for the reviewer ("Pulsen: anteckningen 92, samtalet 72."). */
  message: string;
  /** The words of the consultation the span was compared with, when one statement was found; else null. */
  said: string | null;
}

export const TranscriptSegmentInputSchema = z.object({ id: z.string(), text: z.string() });

export const GroundingInputSchema = z.object({
  transcript: z.union([z.string(), z.array(TranscriptSegmentInputSchema)]),
  note: z.string(),
  language: LanguageSchema,
  vocabulary: z.object({ drugs: z.array(z.string()).optional() }).optional(),
});
export type GroundingInput = z.infer<typeof GroundingInputSchema>;

export interface GroundingResult {
  flags: Flag[];
  /** Sentences in the note (list lines count as sentences). */
  sentences: number;
  words: number;
  /** flags / sentences, the rate reported against human hallucination judgements. */
  flagsPerSentence: number;
}
