/**
 * Structure and readability of a note: required sections present and
 * non-empty, length, compression against the transcript, and LIX
 * (läsbarhetsindex = words/sentences + 100 × long words/words, long = more
 * than 6 letters), which matters because patients read their notes on 1177.
 * Pure functions.
 */
import { z } from 'zod';
import { splitSentences } from './grounding/text';

export const SectionSpecSchema = z.object({
  key: z.string().min(1),
  heading: z.string().min(1),
  required: z.boolean(),
});
export type SectionSpec = z.infer<typeof SectionSpecSchema>;

export interface SectionResult {
  key: string;
  heading: string;
  required: boolean;
  present: boolean;
  /** Words under the heading up to the next known heading. */
  words: number;
}

export interface StructureResult {
  sections: SectionResult[];
  /** Required sections missing or empty. */
  missingRequired: string[];
  chars: number;
  words: number;
  sentences: number;
  /** Note words / transcript words; null without a transcript. */
  compressionRatio: number | null;
  lix: number;
}

const WORD = /\p{L}+(?:[-']\p{L}+)*|\d+(?:[.,]\d+)?/gu;
const words = (text: string): string[] => text.match(WORD) ?? [];

/** LIX on plain text; 0 for text without words. */
export function lix(text: string): number {
  const ws = words(text);
  if (ws.length === 0) return 0;
  const sentences = Math.max(1, splitSentences(text).length);
  const long = ws.filter((w) => (w.match(/\p{L}/gu)?.length ?? 0) > 6).length;
  return ws.length / sentences + (100 * long) / ws.length;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A heading counts at the start of a line, optionally as markdown ("## ",
 * "**…**"), followed by ":" or the end of the line, case-insensitive.
 */
function headingPattern(heading: string): RegExp {
  return new RegExp(`^[ \\t]*(?:#{1,6}[ \\t]*)?(?:\\*\\*)?${escape(heading.trim())}(?:\\*\\*)?[ \\t]*(?::|$)`, 'gimu');
}

export function analyseStructure(note: string, sections: readonly SectionSpec[], transcript?: string): StructureResult {
  const found = sections.map((spec) => {
    const m = headingPattern(spec.heading).exec(note);
    return { spec, start: m ? m.index : -1, bodyStart: m ? m.index + m[0].length : -1 };
  });
  const starts = found.filter((f) => f.start >= 0).map((f) => f.start).sort((a, b) => a - b);
  const results: SectionResult[] = found.map(({ spec, start, bodyStart }) => {
    if (start < 0) return { key: spec.key, heading: spec.heading, required: spec.required, present: false, words: 0 };
    const next = starts.find((s) => s > start) ?? note.length;
    return { key: spec.key, heading: spec.heading, required: spec.required, present: true, words: words(note.slice(bodyStart, next)).length };
  });
  const noteWords = words(note).length;
  const transcriptWords = transcript === undefined ? 0 : words(transcript).length;
  return {
    sections: results,
    missingRequired: results.filter((r) => r.required && (!r.present || r.words === 0)).map((r) => r.key),
    chars: note.length,
    words: noteWords,
    sentences: splitSentences(note).length,
    compressionRatio: transcript === undefined || transcriptWords === 0 ? null : noteWords / transcriptWords,
    lix: lix(note),
  };
}
