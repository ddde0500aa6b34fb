import { z } from 'zod';

/**
 * A workflow is the unit a working group designs: how one profession's note
 * of one type is drafted. It is plain data, versioned immutably in the DB.
 */
export const ProfessionCodeSchema = z.enum([
  'lakare',
  'sjukskoterska',
  'fysioterapeut',
  'arbetsterapeut',
  'psykolog-kurator',
  'telefonradgivning',
  'english-benchmark',
]);
export type ProfessionCode = z.infer<typeof ProfessionCodeSchema>;

export const WorkflowSectionSchema = z.object({
  /** Stable key, e.g. "bedomning"; used in per-section metrics and exports. */
  key: z.string().regex(/^[a-z0-9-]+$/).max(40),
  heading: z.string().min(1).max(80),
  instruction: z.string().max(2000).default(''),
  required: z.boolean().default(true),
  styleHints: z.array(z.string().max(80)).max(10).default([]),
  maxChars: z.number().int().positive().max(10_000).optional(),
  /**
   * Words that point a transcript sentence to this section; the extractive
   * drafter and evidence alignment use them.
   */
  cues: z.array(z.string().max(60)).max(80).default([]),
});
export type WorkflowSection = z.infer<typeof WorkflowSectionSchema>;

export const ModelSettingsSchema = z.object({
  provider: z.enum(['extractive', 'hosted', 'local']),
  model: z.string().max(200).default(''),
  temperature: z.number().min(0).max(2).default(0.2),
  maxTokens: z.number().int().positive().max(32_000).default(1500),
});
export type ModelSettings = z.infer<typeof ModelSettingsSchema>;

export const VocabularySchema = z.object({
  terms: z.array(z.string().max(80)).max(500).default([]),
  places: z.array(z.string().max(80)).max(500).default([]),
  drugs: z.array(z.string().max(80)).max(500).default([]),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;

export const WorkflowSpecSchema = z.object({
  name: z.string().min(1).max(120),
  profession: ProfessionCodeSchema,
  noteType: z.string().min(1).max(80),
  language: z.enum(['sv', 'en']),
  sections: z.array(WorkflowSectionSchema).min(1).max(20),
  instructions: z.string().max(8000).default(''),
  vocabulary: VocabularySchema.default({ terms: [], places: [], drugs: [] }),
  model: ModelSettingsSchema,
});
export type WorkflowSpec = z.infer<typeof WorkflowSpecSchema>;
