import { z } from 'zod';

export type Language = 'sv' | 'en';

export const LanguageSchema = z.enum(['sv', 'en']);

export type FlagKind = 'number' | 'drug' | 'negation' | 'diagnosis' | 'plan';
export type Severity = 'critical' | 'warning';

/** One span of the note that the transcript does not support. */
export interface Flag {
  kind: FlagKind;
  span: string;
  /** Character offsets in the note (end exclusive). */
  start: number;
  end: number;
  /** Id of the closest transcript segment when segments have ids, else its text; null when nothing is close. */
  evidence: string | null;
  severity: Severity;
  /** Short reason in the project's words, free of patient text. */
  reason: string;
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
