import { bestOfRole } from './extractive-kinds';
import type { SpeakerRole } from './extractive-lexicon';
import type { CompiledSection, SectionRole } from './extractive-score';

/**
 * Where a sentence goes by who said it, after its cues and its act have
 * ranked the sections:
 * - what a patient or relative says is history (or reason, goal, outcome),
 *   never the clinician's findings, judgement or plan, whatever its words
 *   ("Kvällsdosen glömmer jag" answers a question about the dose, it is no plan);
 * - what they say without any cue is kept as history rather than lost
 *   ("Han har tagit extradoserna fyra gånger i natt"); the length budget
 *   decides whether a low-content one stays;
 * - a clinician's statement without any cue is a finding ("Du gick trettio
 *   meter med rollator"), also left to the budget; a workflow without a
 *   findings heading (a psychologist's, a social worker's) files it under
 *   the judgement, where such a note puts a score read out ("PHQ-9 i dag
 *   blev elva poäng"), else under the history: it used to be lost.
 * Returns the ranked section indices.
 */
const CLINICIANS_OWN = new Set<SectionRole>(['findings', 'assessment', 'plan']);

export function routeBySpeaker(candidates: number[], sections: CompiledSection[], scores: number[], role: SpeakerRole, fallback: number | undefined): number[] {
  if (role === 'patient' || role === 'relative') {
    const theirs = candidates.filter((c) => !CLINICIANS_OWN.has(sections[c]?.role as SectionRole));
    if (theirs.length > 0) return theirs;
    return fallback === undefined ? candidates : [fallback];
  }
  if (role === 'clinician' && candidates.length === 0) {
    const target = bestOfRole(sections, scores, 'findings') ?? bestOfRole(sections, scores, 'assessment') ?? fallback;
    return target === undefined ? [] : [target];
  }
  return candidates;
}
