import { z } from 'zod';
import type { NoteSection } from '../../contracts/note';

/**
 * A signed note's sections and the text form Cambio Cosmic takes when pasted:
 * the heading (sökord) on its own line, then its text; sections separated by
 * one blank line; empty sections left out.
 */
export const SignedSectionSchema = z.object({
  key: z.string().nullable(),
  heading: z.string().min(1).max(80),
  text: z.string().max(20_000),
});
export type SignedSection = z.infer<typeof SignedSectionSchema>;
export const SignedSectionsSchema = z.array(SignedSectionSchema);

/** What the model drafted for a section, before any edit. */
export const draftedText = (section: NoteSection): string => section.sentences.map((s) => s.text.trim()).join(' ');

/** What the clinician signs: their edited text, or the draft as it stands. */
export const finalText = (section: NoteSection): string => (section.editedText ?? draftedText(section)).trim();

export function cosmicText(sections: readonly SignedSection[]): string {
  return sections
    .map((s) => ({ heading: s.heading.trim(), text: s.text.replace(/\r\n/g, '\n').trim() }))
    .filter((s) => s.text.length > 0)
    .map((s) => `${s.heading}\n${s.text}`)
    .join('\n\n');
}

/** One section by key or heading (case-insensitive); null when the note has no such section. */
export function pickSection(sections: readonly SignedSection[], wanted: string): SignedSection | null {
  const w = wanted.trim().toLowerCase();
  return sections.find((s) => s.key === wanted || s.heading.toLowerCase() === w) ?? null;
}
