/**
 * checkGrounding: spans of a draft note that the consultation does not
 * support — numbers, drug names, negation flips, diagnoses and plans never
 * said. These are hallucination *candidates* for a reviewer, found with
 * lexicons and rules (deterministic, a few ms per note); a flag is a prompt
 * to look, not a verdict. Pure function, no I/O.
 */
import { DIAGNOSIS_GROUPS } from '../../lexicon/diagnoses';
import { DRUG_GROUPS } from '../../lexicon/drugs';
import { hasStem, relatedStems } from './content';
import { prepareNote, prepareTranscript, type Sentence } from './document';
import { closestEvidence } from './evidence';
import { extractNumbers, isCriticalNumber, ordinalValues } from './numbers';
import type { Polarity } from './polarity';
import { findPlans, requiredSupport } from './plans';
import { buildTermIndex, findTerms, type TermIndex } from './terms';
import { GroundingInputSchema, type Flag, type GroundingInput, type GroundingResult, type Language } from './types';

const defaultIndexes = new Map<string, TermIndex>();

function indexFor(kind: 'drug' | 'diagnosis', language: Language, extra: readonly string[] = []): TermIndex {
  const groups = kind === 'drug' ? DRUG_GROUPS : DIAGNOSIS_GROUPS;
  if (extra.length > 0) return buildTermIndex([...groups, ...extra.map((name) => [name])], language);
  const key = `${kind}:${language}`;
  let index = defaultIndexes.get(key);
  if (!index) defaultIndexes.set(key, (index = buildTermIndex(groups, language)));
  return index;
}

const sameValue = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

interface Context {
  note: string;
  language: Language;
  noteSentences: Sentence[];
  transcript: Sentence[];
  flags: Flag[];
}

function flag(ctx: Context, f: Omit<Flag, 'evidence' | 'span'>): void {
  const sentence = ctx.noteSentences.find((s) => s.start <= f.start && f.start < s.end);
  ctx.flags.push({ ...f, span: ctx.note.slice(f.start, f.end), evidence: closestEvidence(sentence, ctx.transcript) });
}

/**
 * "en tablett" / "a tablet" say one without a number word (the Swedish parser
 * reads bare "en"/"ett" as articles), so 1 counts as said whenever an article is.
 */
const ONE_WORDS = /(?<![\p{L}])(?:en|ett|a|an|one)(?![\p{L}])/iu;

function checkNumbers(ctx: Context, transcriptText: string): Set<number> {
  const said: number[] = [...extractNumbers(transcriptText, ctx.language).flatMap((n) => n.values), ...ordinalValues(transcriptText)];
  if (ONE_WORDS.test(transcriptText)) said.push(1);
  const checked = new Set<number>();
  for (const n of extractNumbers(ctx.note, ctx.language)) {
    checked.add(n.start);
    if (n.values.every((v) => said.some((s) => sameValue(s, v)))) continue;
    flag(ctx, {
      kind: 'number', start: n.start, end: n.end,
      severity: isCriticalNumber(n) ? 'critical' : 'warning',
      reason: 'number not said in the consultation',
    });
  }
  return checked;
}

function checkTerms(ctx: Context, kind: 'drug' | 'diagnosis', index: TermIndex): Set<number> {
  const saidGroups = new Set(ctx.transcript.flatMap((s) => findTerms(s.tokens, index).map((m) => m.group)));
  const checked = new Set<number>();
  for (const s of ctx.noteSentences) {
    for (const m of findTerms(s.tokens, index)) {
      for (let k = m.firstToken; k <= m.lastToken; k++) checked.add(s.tokens[k]!.start);
      if (saidGroups.has(m.group)) continue;
      const polarity = s.polar.find((p) => p.token.start === m.start)?.polarity ?? 'affirmed';
      flag(ctx, {
        kind, start: m.start, end: m.end,
        severity: kind === 'drug' || polarity === 'affirmed' ? 'critical' : 'warning',
        reason: kind === 'drug' ? 'drug not named in the consultation' : 'diagnosis not said in the consultation',
      });
    }
  }
  return checked;
}

/**
 * A word the note asserts that the consultation only negated, or the reverse.
 * Uncertain mentions (questions without a yes/no answer, "om du får feber")
 * neither support nor contradict, so they are left out.
 */
function checkNegations(ctx: Context): void {
  const said = new Map<string, Set<Polarity>>();
  for (const s of ctx.transcript) {
    for (const p of s.polar) {
      if (p.polarity === 'uncertain') continue;
      const set = said.get(p.token.stem) ?? new Set<Polarity>();
      set.add(p.polarity);
      said.set(p.token.stem, set);
    }
  }
  const polarities = (stem: string): Set<Polarity> => new Set(relatedStems(said, stem).flatMap((set) => [...set]));
  const only = (stem: string, polarity: Polarity): boolean => {
    const set = polarities(stem);
    return set.size === 1 && set.has(polarity);
  };
  for (const s of ctx.noteSentences) {
    // One flag per negation scope: "ingen feber eller hosta" is one statement.
    const negatedScopes = new Map<number, number>();
    for (const p of s.polar) {
      if (p.polarity === 'affirmed' && (only(p.token.stem, 'negated') || isAntonymOfSaid(p.token.stem, ctx.language, said))) {
        flag(ctx, { kind: 'negation', start: p.token.start, end: p.token.end, severity: 'critical', reason: 'asserted in the note, negated in the consultation' });
      } else if (p.polarity === 'negated' && p.cueStart !== null && only(p.token.stem, 'affirmed')) {
        negatedScopes.set(p.cueStart, Math.max(negatedScopes.get(p.cueStart) ?? 0, p.token.end));
      }
    }
    for (const [start, end] of negatedScopes) {
      flag(ctx, { kind: 'negation', start, end, severity: 'critical', reason: 'negated in the note, asserted in the consultation' });
    }
  }
}

/**
 * Swedish negates adjectives with the prefix o- ("oregelbunden", "opåverkad"):
 * the note's "oX" contradicts an affirmed "X" when "oX" itself was never said.
 */
function isAntonymOfSaid(stem: string, language: Language, said: ReadonlyMap<string, Set<Polarity>>): boolean {
  if (language !== 'sv' || !stem.startsWith('o') || stem.length < 7 || said.has(stem)) return false;
  const base = said.get(stem.slice(1));
  return base !== undefined && base.has('affirmed') && !base.has('negated');
}

function checkPlans(ctx: Context, alreadyChecked: ReadonlySet<number>): void {
  const said = new Set(ctx.transcript.flatMap((s) => [...s.stems]));
  // Short names of examinations ("MR", "DT") are not content words, so look them up among all tokens.
  const saidAll = new Set(ctx.transcript.flatMap((s) => s.tokens.map((t) => t.stem)));
  for (const plan of findPlans(ctx.noteSentences, ctx.language, alreadyChecked)) {
    const decisionSaid = plan.decisionStems.every((d) => saidAll.has(d) || (d.length >= 5 && hasStem(said, d)));
    const supported = plan.objectStems.filter((st) => hasStem(said, st)).length;
    if (decisionSaid && supported >= requiredSupport(plan.objectStems.length)) continue;
    flag(ctx, { kind: 'plan', start: plan.start, end: plan.end, severity: 'warning', reason: 'plan not discussed in the consultation' });
  }
}

/** Swedish injury diagnoses are compounds on a few heads ("meniskskada", "hälseneruptur", "radiusfraktur"). */
const INJURY_HEADS = /(?:skada|skadan|skador|ruptur|rupturen|fraktur|frakturen)$/u;

function checkInjuryDiagnoses(ctx: Context, alreadyChecked: ReadonlySet<number>): void {
  if (ctx.language !== 'sv') return;
  const said = new Set(ctx.transcript.flatMap((s) => [...s.stems]));
  for (const s of ctx.noteSentences) {
    for (const t of s.tokens) {
      if (alreadyChecked.has(t.start) || !INJURY_HEADS.test(t.lower) || said.has(t.stem)) continue;
      flag(ctx, { kind: 'diagnosis', start: t.start, end: t.end, severity: 'critical', reason: 'diagnosis not said in the consultation' });
    }
  }
}

export function checkGrounding(input: GroundingInput): GroundingResult {
  const { transcript, note, language, vocabulary } = GroundingInputSchema.parse(input);
  const ctx: Context = {
    note,
    language,
    noteSentences: prepareNote(note, language),
    transcript: prepareTranscript(transcript, language),
    flags: [],
  };
  const transcriptText = typeof transcript === 'string' ? transcript : transcript.map((s) => s.text).join('\n');
  const numbers = checkNumbers(ctx, transcriptText);
  const drugs = checkTerms(ctx, 'drug', indexFor('drug', language, vocabulary?.drugs));
  checkInjuryDiagnoses(ctx, checkTerms(ctx, 'diagnosis', indexFor('diagnosis', language)));
  checkNegations(ctx);
  checkPlans(ctx, new Set([...numbers, ...drugs]));
  const flags = ctx.flags.sort((a, b) => a.start - b.start || a.end - b.end);
  const sentences = ctx.noteSentences.length;
  const words = ctx.noteSentences.reduce((n, s) => n + s.tokens.length, 0);
  return { flags, sentences, words, flagsPerSentence: sentences === 0 ? 0 : flags.length / sentences };
}
