/**
 * Plan statements in a note: sentences with a plan cue ("remiss till",
 * "sätts in", "återbesök", "prescribe", "refer") and every line under a plan
 * heading ("Åtgärd:", "Planering:"). What a plan is about — the words besides
 * the cue — must have been said.
 */
import { DECISION_NOUNS, PLAN_CUES, PLAN_HEADINGS, PLAN_VOCABULARY } from '../../lexicon/plans';
import { stem } from './stem';
import type { Sentence } from './document';
import { isContentWord } from './content';
import type { Language } from './types';

export interface PlanStatement {
  /** Span of the plan in the note: its sentence without the heading. */
  start: number;
  end: number;
  /** Content stems of the plan's object. */
  objectStems: string[];
  /** Stems of what is ordered ("remiss", "mr"): each must have been said. */
  decisionStems: string[];
}

/**
 * `skipTokens` are tokens already checked by a more specific check (drug
 * names, numbers): a wrong dose should be one number flag, not also a plan flag.
 */
export function findPlans(sentences: readonly Sentence[], language: Language, skipTokens: ReadonlySet<number>): PlanStatement[] {
  const vocabulary = PLAN_VOCABULARY[language];
  const vocabularyStems = new Set([...vocabulary].map((w) => stem(w, language)));
  const out: PlanStatement[] = [];
  let inPlanSection = false;
  for (const s of sentences) {
    if (s.heading !== null) inPlanSection = PLAN_HEADINGS[language].test(s.heading);
    else if (s.opensLine && /^[\p{L}/ ]{2,40}$/u.test(s.text.trim())) {
      // A heading alone on its line ("Planering") governs the lines below it.
      inPlanSection = PLAN_HEADINGS[language].test(s.text.trim());
      continue;
    }
    const cue = new RegExp(PLAN_CUES[language].source, PLAN_CUES[language].flags).test(s.text.toLowerCase());
    if ((!cue && !inPlanSection) || s.tokens.length === 0) continue;
    const own = s.tokens.filter((t) => !skipTokens.has(t.start));
    const decisionStems = [...new Set(own.filter((t) => isDecisionStem(t.stem, language)).map((t) => t.stem))];
    // A referral said for one thing must not vouch for a referral to another: the decision word is checked on its own.
    const objectStems = [...new Set(own
      .filter((t) => isContentWord(t, language) && !vocabulary.has(t.lower) && !vocabularyStems.has(t.stem))
      .map((t) => t.stem))].filter((st) => !decisionStems.includes(st));
    if (objectStems.length > 0 || decisionStems.length > 0) out.push({ start: s.start, end: s.end, objectStems, decisionStems });
  }
  return out;
}

/** Half of a plan's object words must have been said (paraphrase is normal in notes)… */
export const requiredSupport = (n: number): number => Math.ceil(n / 2);

/** …but what is ordered — a referral, an examination, sick leave — must have been named itself. */
export const isDecisionStem = (s: string, language: Language): boolean =>
  DECISION_NOUNS[language].some((d) => s === d || (d.length >= 5 && s.endsWith(d)));
