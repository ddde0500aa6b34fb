import type { WorkflowSection } from '../../contracts/workflow';
import type { SpeakerRole } from './extractive-lexicon';

/**
 * Scores a sentence against each section: cue hits, weighted towards the
 * sections a speaker usually feeds (patients tell the history, clinicians
 * state findings and plans). Working groups may rename headings and add
 * sections; a section whose key is not known here is scored on cues alone.
 */

export type SectionRole = 'reason' | 'history' | 'findings' | 'assessment' | 'plan' | 'goal' | 'outcome';

const ROLE_BY_KEY: Record<string, SectionRole> = {
  kontaktorsak: 'reason',
  'chief-complaint': 'reason',
  aktuellt: 'history',
  anamnes: 'history',
  omvardnadsanamnes: 'history',
  'history-of-present-illness': 'history',
  'review-of-systems': 'history',
  status: 'findings',
  omvardnadsstatus: 'findings',
  'physical-exam': 'findings',
  results: 'findings',
  bedomning: 'assessment',
  analys: 'assessment',
  omvardnadsdiagnos: 'assessment',
  atgard: 'plan',
  planering: 'plan',
  omvardnadsatgarder: 'plan',
  'rad-atgard': 'plan',
  'assessment-and-plan': 'plan',
  mal: 'goal',
  resultat: 'outcome',
  omvardnadsepikris: 'outcome',
};

export function sectionRole(key: string): SectionRole | undefined {
  return ROLE_BY_KEY[key];
}

const SPEAKER_AFFINITY: Record<SpeakerRole, Partial<Record<SectionRole, number>>> = {
  patient: { history: 0.75, reason: 0.25, goal: 0.25, outcome: 0.25 },
  relative: { history: 0.75, reason: 0.25 },
  clinician: { findings: 0.75, assessment: 0.75, plan: 0.75 },
  unknown: {},
};

/** Lower-case, punctuation to spaces, padded: cues then match at the start of a word. */
export function normaliseForCues(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}'-]+/gu, ' ').trim()} `;
}

export interface CompiledSection {
  key: string;
  role: SectionRole | undefined;
  /** " blodtryck", " buken öm", " bor " (a trailing space in a cue means whole word) */
  cues: Array<{ pattern: string; weight: number }>;
}

export function compileSections(sections: WorkflowSection[]): CompiledSection[] {
  return sections.map((section) => ({
    key: section.key,
    role: sectionRole(section.key),
    cues: section.cues
      .map((cue) => {
        const core = normaliseForCues(cue).trimEnd();
        const pattern = /\s$/.test(cue) ? `${core} ` : core;
        // Multi-word cues are more specific than single stems.
        return { pattern, weight: 1 + 0.5 * (core.trim().split(' ').length - 1) };
      })
      .filter((cue) => cue.pattern.trim() !== ''),
  }));
}

/** How many leading words count as the sentence's head ("Jag bedömer att…", "Vi tar prover…"). */
const HEAD_WORDS = 4;
const HEAD_BONUS = 0.5;

/**
 * Cue score per section, same order as `sections`; each cue counts once.
 * A cue in the head of a sentence says more about it than one in passing:
 * "Misstänker kärlkramp, att hjärtat får för lite blod" is an assessment.
 */
export function cueScores(normalised: string, sections: CompiledSection[]): number[] {
  const paddedHead = ` ${normalised.trim().split(' ').slice(0, HEAD_WORDS).join(' ')} `;
  return sections.map((section) =>
    section.cues.reduce((sum, cue) => {
      if (!normalised.includes(cue.pattern)) return sum;
      return sum + cue.weight + (paddedHead.includes(cue.pattern) ? HEAD_BONUS : 0);
    }, 0),
  );
}

/**
 * What patients say is rarely a finding, assessment or plan even with such a
 * word in it ("när jag vilar"), and what clinicians say is rarely history
 * even when it names a drug ("eftersom han tar Waran behöver han…").
 */
const DAMPED_ROLES: Partial<Record<SpeakerRole, ReadonlySet<SectionRole>>> = {
  patient: new Set<SectionRole>(['findings', 'assessment', 'plan']),
  relative: new Set<SectionRole>(['findings', 'assessment', 'plan']),
  clinician: new Set<SectionRole>(['history', 'reason']),
};

/** Adds the speaker's affinity to sections that already have evidence. */
export function withSpeakerAffinity(scores: number[], sections: CompiledSection[], speaker: SpeakerRole): number[] {
  return scores.map((score, i) => {
    const role = sections[i]?.role;
    if (score <= 0 || role === undefined) return score;
    const damped = DAMPED_ROLES[speaker]?.has(role) ? score / 2 : score;
    return damped + (SPEAKER_AFFINITY[speaker][role] ?? 0);
  });
}

/** Index of the section that takes uncued statements: the first history section, if any. */
export function fallbackSection(sections: CompiledSection[]): number | undefined {
  const index = sections.findIndex((s) => s.role === 'history');
  return index >= 0 ? index : undefined;
}
