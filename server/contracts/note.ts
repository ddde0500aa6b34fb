import { z } from 'zod';

/**
 * What every drafter returns, whatever the model: sections in the workflow's
 * order, each a list of sentences, each citing transcript segment ids.
 * The hosted drafter derives its JSON-schema structured output from
 * DraftOutputSchema, so the model is held to this exact shape.
 */
export const DraftSentenceOutputSchema = z.object({
  text: z.string().min(1).max(2000),
  evidence: z.array(z.string().max(32)).max(20),
});
export const DraftSectionOutputSchema = z.object({
  key: z.string().max(40),
  sentences: z.array(DraftSentenceOutputSchema).max(60),
});
export const DraftOutputSchema = z.object({
  sections: z.array(DraftSectionOutputSchema).max(20),
});
export type DraftOutput = z.infer<typeof DraftOutputSchema>;

/** A grounding flag as stored on a sentence (the checker lives in evals/). */
export const FlagKindSchema = z.enum(['number', 'drug', 'negation', 'diagnosis', 'plan', 'laterality', 'certainty']);
/** What a flag and an edit hint both say: which check, on which words (offsets in the sentence's or the section's text). */
const FlaggedSpan = {
  id: z.string(),
  kind: FlagKindSchema,
  span: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
};
export const SentenceFlagSchema = z.object({
  ...FlaggedSpan,
  /** transcript segment the flag compared with: the one to jump to */
  evidence: z.string().nullable(),
  /** critical: contradicts the consultation, must be handled before signing; warning ("Kontrollera"): not found, needs nothing */
  severity: z.enum(['critical', 'warning']),
  /** what was compared, in Swedish (drafts from before this field have none) */
  message: z.string().max(1000).default(''),
  /** the consultation's words the span was compared with */
  said: z.string().max(2000).nullable().default(null),
  resolution: z
    .object({ action: z.enum(['fixed', 'dismissed']), reason: z.string().max(500), at: z.string() })
    .nullable(),
});
export type SentenceFlag = z.infer<typeof SentenceFlagSchema>;

/**
 * A hint on the clinician's own text: something the checker did not find in
 * (or found contradicted by) the consultation. Never blocks signing.
 */
export const EditHintSchema = z.object({
  /** offsets in the section's edited text */
  ...FlaggedSpan,
  /** the consultation said otherwise (not only "not mentioned") */
  contradicts: z.boolean(),
  message: z.string().max(1000),
  said: z.string().max(2000).nullable(),
  evidence: z.string().nullable(),
});
export type EditHint = z.infer<typeof EditHintSchema>;

export const EvidenceRefSchema = z.object({
  segmentId: z.string(),
  start: z.number().nullable(),
  end: z.number().nullable(),
  /** how the link was made: cited by the model and verified, or found by alignment */
  source: z.enum(['cited', 'aligned']),
});

export const DraftSentenceSchema = z.object({
  id: z.string(),
  text: z.string(),
  evidence: z.array(EvidenceRefSchema),
  flags: z.array(SentenceFlagSchema),
});
export type DraftSentence = z.infer<typeof DraftSentenceSchema>;

export const NoteSectionSchema = z.object({
  key: z.string(),
  heading: z.string(),
  sentences: z.array(DraftSentenceSchema),
  /** the clinician's edited text, once edited; sentences stay as drafted */
  editedText: z.string().nullable(),
  /** hints on the edited text ("inte nämnt i samtalet"), recomputed on every save; never block signing */
  hints: z.array(EditHintSchema).default([]),
  accepted: z.boolean(),
});
export type NoteSection = z.infer<typeof NoteSectionSchema>;
