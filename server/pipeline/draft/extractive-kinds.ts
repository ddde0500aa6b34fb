import type { CompiledSection } from './extractive-score';

/**
 * Kinds of utterance the extractive drafter tells apart by their shape, and
 * where a consultation's course puts them (extractive.ts does the reading
 * turn by turn; this file holds the rules it applies).
 */

/**
 * A consultation runs history → examination → judgement → plan. Once the
 * clinician has begun examining, what they say without a marked act is no
 * longer history ("Sträckningen är begränsad av ortosen" is a finding); once
 * they have given their judgement, it is what will be done ("Nästa om tre
 * månader", "Kommer och mäter blodsockret igen på fredag"), not a finding.
 */
export function byPhase(candidates: number[], sections: CompiledSection[], scores: number[], phase: number): number[] {
  if (phase === 0) return candidates;
  const early = (c: number) => ['history', 'reason'].includes(sections[c]?.role ?? '') || (phase === 2 && sections[c]?.role === 'findings');
  const top = candidates[0];
  if (top !== undefined && !early(top)) return candidates;
  const target = bestOfRole(sections, scores, phase === 2 ? 'plan' : 'findings');
  if (target === undefined) return candidates;
  return [target, ...candidates.filter((c) => c !== target)];
}

const MAX_ECHO_WORDS = 4;
/** Words a clinician adds when confirming what they heard: "Nio dagar alltså.", "Tre veckor då." */
const CONFIRMING = new Set(['alltså', 'då', 'okej', 'ok', 'ja', 'jaha', 'jaså', 'precis', 'så']);
export function isEcho(sentence: string, heard: ReadonlySet<string>): boolean {
  const words = (sentence.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !CONFIRMING.has(w));
  return words.length > 0 && words.length <= MAX_ECHO_WORDS && words.every((w) => heard.has(w));
}

/** Content words as rough stems: enough to see that a sentence only says again what was said before. */
const stems = (text: string) => (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).map((w) => w.slice(0, 5));
const REPEAT_SHARE = 0.8;

/**
 * A sentence whose words were all said before ("Så nattliga besvär några
 * gånger i veckan" after the patient said it) adds length, not facts. Kept
 * whenever it has a number or a negation, which may change the fact.
 */
export function withoutRepeats<T extends { text: string }>(units: T[]): T[] {
  const seen = new Set<string>();
  return units.filter((unit) => {
    const own = stems(unit.text);
    const repeat = own.length > 0 && own.filter((w) => seen.has(w)).length >= REPEAT_SHARE * own.length && !/\d|(?<!\p{L})(?:inte|ingen|inget|inga|ej|aldrig)(?!\p{L})/iu.test(unit.text);
    own.forEach((w) => seen.add(w));
    return !repeat;
  });
}

/** "Du har fått en remiss hit", "Du fick remiss från din läkare": the reason for the visit, not a plan. */
export const REFERRED = /(?<![\p{L}])(?:fått|fick)\s+(?:en\s+)?remiss(?![\p{L}])/iu;

/** A body part or test, then how it is: "Lungorna låter normala", "Halsen är röd", "Snabbtestet är positivt". */
export const FINDING_SHAPE = /^\p{L}+(?:en|et|na|orna|arna|erna|n|t)\s+(?:är|var|låter|känns|ser\s+\p{L}+\s+ut|verkar|visar|visade)(?![\p{L}])/iu;

/** What the patient can do, said while examining ("Du kan böja fingret hela vägen ner"): a finding, not advice. */
export const CAN_DO = /^(?:(?:då|så|och|nu)\s+)*du\s+kan\s+(?!ta\s|ringa|höra|komma|ha\s)/iu;

/** A clinician's description in the present tense: "är", "känns", "syns", "finns". */
export const DESCRIBES = /(?<![\p{L}])(?:är|känns|ser ut|syns|finns|ligger på|blev|var|visade|visar)(?![\p{L}])/iu;

/** The section of a role with the highest score (the first such section when none scores). */
export function bestOfRole(sections: CompiledSection[], scores: number[], role: CompiledSection['role']): number | undefined {
  const ofRole = sections.map((s, i) => ({ role: s.role, i })).filter((s) => s.role === role);
  if (ofRole.length === 0) return undefined;
  return ofRole.reduce((best, s) => ((scores[s.i] ?? 0) > (scores[best.i] ?? 0) ? s : best)).i;
}
