import { z } from 'zod';
import { ProfessionCodeSchema } from './workflow';

/**
 * A synthetic test consultation. Working groups keep a library of these per
 * profession; the project ships its own (prompts/cases). JSONL import/export
 * uses this exact shape, one case per line.
 */
export const TestCaseTurnSchema = z.object({
  speaker: z.string().min(1).max(40), // "Läkare", "Patient", "Anhörig", …
  text: z.string().min(1).max(4000),
});

export const KeyFactSchema = z.object({
  text: z.string().min(1).max(300),
  critical: z.boolean(),
});

export const TestCaseSettingSchema = z.enum(['vardcentral', 'hembesok', 'telefon', 'vardavdelning', 'mottagning']);

export const TestCaseSchema = z.object({
  /** stable slug, e.g. "lakare-01-hosta" */
  slug: z.string().regex(/^[a-z0-9-]+$/).max(80),
  title: z.string().min(1).max(160),
  profession: ProfessionCodeSchema,
  setting: TestCaseSettingSchema,
  tags: z.array(z.string().max(40)).max(20).default([]),
  language: z.enum(['sv', 'en']).default('sv'),
  turns: z.array(TestCaseTurnSchema).min(2).max(400),
  /** reference note, heading → text, in the profession's seed workflow's headings */
  referenceNote: z.array(z.object({ heading: z.string().max(80), text: z.string().max(4000) })).min(1),
  keyFacts: z.array(KeyFactSchema).max(60),
  /**
   * Strings that look like personal data but are invented for the case
   * (e.g. a made-up name). The PII gate on import accepts hits listed here.
   */
  inventedIdentifiers: z.array(z.string().max(120)).max(50).default([]),
  /** text spoken in the synthetic audio (espeak-ng) when the case has audio */
  audio: z.object({ voice: z.string().max(20), speakers: z.record(z.string(), z.string()).optional() }).optional(),
});
export type TestCase = z.infer<typeof TestCaseSchema>;
