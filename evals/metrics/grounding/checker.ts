/**
 * checkGrounding: spans of a draft note that the consultation does not
 * support or contradicts — numbers checked per quantity, drugs, negation
 * flips, sides, diagnoses and their certainty, plans. Deterministic rules
 * and lexicons (a few ms per note); a flag is a prompt to look, not a
 * verdict. Severity: critical = contradicts what was said; warning
 * ("Kontrollera") = not found in the consultation. Pure function, no I/O.
 *
 * This is the public entry point other parts of the project rely on (the
 * review screen, evaluation runs, training exercises): keep its input and
 * output stable; see evals/README.md.
 */
import { ANATOMY_SV, INJURY_HEAD_SYNONYMS } from '../../lexicon/anatomy-sv';
import { checkCertainty } from './check-certainty';
import { checkLaterality } from './check-laterality';
import { checkNumbers } from './check-numbers';
import { checkPlans } from './check-plans';
import { checkQualifiers } from './check-qualifiers';
import { checkNegations } from './check-polarity';
import { checkTerms } from './check-terms';
import { applyPolicy, publicFlag, STORED_POLICY, type Policy } from './claims';
import { raise, type ClaimedFlag, type Context } from './context';
import { prepareNote, prepareTranscript } from './document';
import { groupName, indexFor } from './indexes';
import { GroundingInputSchema, type GroundingInput, type GroundingResult } from './types';

/** Swedish injury diagnoses are compounds on a few heads ("meniskskada", "hälseneruptur", "radiusfraktur"). */
const INJURY_HEADS = /(?:skada|skadan|skador|ruptur|rupturen|fraktur|frakturen)$/u;

/**
 * "skafoideumfraktur" said as "båtbensfraktur" or "brutit båtbenet": the structure (Latin or Swedish)
 * and the kind of injury (fraktur/brott …) both said, in one word or within a sentence.
 */
function injurySaidOtherwise(word: string, transcript: string): boolean {
  const structure = ANATOMY_SV.find((names) => names.some((n) => word.startsWith(n)));
  const head = INJURY_HEAD_SYNONYMS.find((names) => names.some((n) => word.endsWith(n) || word.endsWith(`${n}en`)));
  if (!structure || !head) return false;
  const lower = transcript.toLowerCase();
  return lower.split(/[.!?\n]/).some((sentence) => structure.some((n) => sentence.includes(n)) && head.some((n) => sentence.includes(n)));
}

function checkInjuryDiagnoses(ctx: Context, alreadyChecked: ReadonlySet<number>): void {
  if (ctx.language !== 'sv') return;
  const said = new Set(ctx.transcript.flatMap((s) => [...s.stems]));
  for (const s of ctx.noteSentences) {
    for (const t of s.tokens) {
      if (alreadyChecked.has(t.start) || !INJURY_HEADS.test(t.lower) || said.has(t.stem) || injurySaidOtherwise(t.lower, ctx.transcriptText)) continue;
      raise(ctx, {
        kind: 'diagnosis', start: t.start, end: t.end, severity: 'critical', reason: 'diagnosis not said in the consultation',
        message: `Diagnosen ${t.text} sades inte i samtalet.`,
      });
    }
  }
}

export function checkGrounding(input: GroundingInput): GroundingResult {
  return withPolicy(checkClaims(input), STORED_POLICY);
}

/** The rules' own severities, before the policy: what the rule tests check (the policy is measured on cases). */
export function checkRules(input: GroundingInput): GroundingResult {
  return withPolicy(checkClaims(input), {});
}

/** Every candidate flag the rules find, with its claim class, before the severity policy. */
export function checkClaims(input: GroundingInput): ClaimedResult {
  const { transcript, note, language, vocabulary } = GroundingInputSchema.parse(input);
  const ctx: Context = {
    note,
    language,
    noteSentences: prepareNote(note, language),
    transcript: prepareTranscript(transcript, language),
    transcriptText: typeof transcript === 'string' ? transcript : transcript.map((s) => s.text).join('\n'),
    flags: [],
  };
  const drugIndex = indexFor('drug', language, vocabulary?.drugs);
  const diagnosisIndex = indexFor('diagnosis', language);
  const numbers = checkNumbers(ctx, drugIndex);
  const drugs = checkTerms(ctx, 'drug', drugIndex, (g) => groupName('drug', g));
  checkInjuryDiagnoses(ctx, checkTerms(ctx, 'diagnosis', diagnosisIndex, (g) => groupName('diagnosis', g)));
  checkCertainty(ctx, diagnosisIndex);
  checkQualifiers(ctx, diagnosisIndex);
  checkNegations(ctx);
  checkLaterality(ctx);
  checkPlans(ctx, new Set([...numbers, ...drugs]));
  return { flags: ctx.flags, sentences: ctx.noteSentences.length, words: ctx.noteSentences.reduce((n, s) => n + s.tokens.length, 0) };
}

export interface ClaimedResult { flags: ClaimedFlag[]; sentences: number; words: number }

/** The result as shown: severities under `policy`, one flag per span, in note order. */
export function withPolicy(result: ClaimedResult, policy: Policy): GroundingResult {
  const flags = dedupe(applyPolicy(result.flags, policy)).sort((a, b) => a.start - b.start || a.end - b.end).map(publicFlag);
  const { sentences, words } = result;
  return { flags, sentences, words, flagsPerSentence: sentences === 0 ? 0 : flags.length / sentences };
}

/**
 * Checks text written under one note heading (a draft's section, a clinician's
 * edit of it). The heading goes to the checker as a line of its own, so the
 * rules that depend on the section apply as they do to a whole note (a value
 * under Status was measured at the visit; certainty is judged in the
 * assessment); flags come back with offsets into `note`.
 */
export function checkSection(input: GroundingInput, heading: string | null): GroundingResult {
  const line = headingLine(heading);
  if (line === null) return checkGrounding(input);
  const result = checkGrounding({ ...input, note: `${line}\n${input.note}` });
  const shift = line.length + 1;
  const flags = result.flags.filter((f) => f.start >= shift).map((f) => ({ ...f, start: f.start - shift, end: f.end - shift }));
  const sentences = Math.max(0, result.sentences - 1);
  return { ...result, flags, sentences, flagsPerSentence: sentences === 0 ? 0 : flags.length / sentences };
}

/** A heading as the note reader recognises one alone on its line (letters, spaces, "/"); null when nothing is left. */
export function headingLine(heading: string | null | undefined): string | null {
  const clean = (heading ?? '').replace(/[^\p{L}/ ]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 40);
  return clean.length >= 2 ? clean : null;
}

/** One flag per span: when two checks flag the same words, the critical (then the first) one stays. */
function dedupe(flags: ClaimedFlag[]): ClaimedFlag[] {
  const byKey = new Map<string, ClaimedFlag>();
  for (const f of flags) {
    const key = `${f.start}:${f.end}`;
    const prev = byKey.get(key);
    if (!prev || (prev.severity !== 'critical' && f.severity === 'critical')) byKey.set(key, f);
  }
  return [...byKey.values()];
}
