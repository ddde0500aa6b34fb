import type { WorkflowSection } from '../../contracts/workflow';

/**
 * The workflow settings the extractive drafter honours besides its cues
 * (ledord): how much a section may hold. A working group sets this per
 * section as "max tecken" and in its style hints as a sentence count
 * ("en mening", "högst tre meningar", "max 2 meningar", "kort" = two), the
 * way it would write it for a model; the hints a model reads as prose
 * ("telegramstil", "behåll negationer") are the drafter's fixed style
 * anyway or need a model. A sentence that does not fit goes to its next
 * candidate section when it has one and is left out otherwise, as with max
 * tecken: the limit is the group's choice, and the run shows its effect.
 *
 * Kept apart from the sentence selection (extractive.ts) on purpose: this is
 * what the studio promises a working group, and the studio's engine legend
 * (client WorkflowEditor) names the same hints from `STYLE_HINTS_HONOURED`
 * in server/contracts/engine-settings.ts.
 */
export interface SectionLimit {
  maxChars: number;
  maxSentences: number;
}

/** The schema's per-section cap when no setting says otherwise. */
export const MAX_SENTENCES_PER_SECTION = 60;

const COUNT_WORDS: Record<string, number> = { en: 1, ett: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10 };
const SHORT = 2;


/** A style hint's sentence count, or null when the hint says nothing about length. */
export function sentenceLimitOf(hint: string): number | null {
  const text = hint.trim().toLowerCase();
  if (/^(?:bara |endast |högst |max(?:imalt)? )?(?:en|1) mening$/u.test(text)) return 1;
  const count = /^(?:högst|max(?:imalt)?|som mest) (\d{1,2}|[a-zåäö]+) meningar$/u.exec(text);
  if (count) {
    const n = /^\d+$/.test(count[1]!) ? Number(count[1]) : COUNT_WORDS[count[1]!];
    return n !== undefined && n >= 1 ? n : null;
  }
  return /^(?:kort|kortfattat?)$/u.test(text) ? SHORT : null;
}

/** Per section (workflow order): characters and sentences it may hold; the smallest limit among its hints wins. */
export function sectionLimits(sections: readonly WorkflowSection[]): SectionLimit[] {
  return sections.map((section) => {
    const counts = section.styleHints.map(sentenceLimitOf).filter((n): n is number => n !== null);
    return {
      maxChars: section.maxChars ?? Number.POSITIVE_INFINITY,
      maxSentences: Math.min(MAX_SENTENCES_PER_SECTION, ...counts),
    };
  });
}
