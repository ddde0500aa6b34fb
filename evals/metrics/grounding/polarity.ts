/**
 * Polarity of the content words of a sentence: affirmed ("feber sedan i
 * går"), negated ("ingen feber", "förnekar feber", "feber saknas", or a
 * question answered "nej"), or uncertain (conditions such as "åter vid
 * feber", list items after "och"/a comma inside a negation, open questions).
 * Uncertain mentions never produce a negation flag: only a clean flip does.
 */
import { POLARITY } from '../../lexicon/negation';
import { isContentWord } from './content';
import type { StemmedToken } from './terms';
import type { Language } from './types';

export type Polarity = 'affirmed' | 'negated' | 'uncertain';

export interface PolarToken {
  token: StemmedToken;
  polarity: Polarity;
  /** Start of the negation cue for negated tokens (flags span cue … word). */
  cueStart: number | null;
}

export type Answer = 'yes' | 'no' | null;

/** A negation reaches this many content words; further words are uncertain. */
const SCOPE = 3;

/** "Nej." / "Ja, ..." / "No, ..." opening a sentence: an answer word, not a negation cue. */
export function leadingAnswer(tokens: readonly StemmedToken[], sentence: string, offset: number, language: Language): Answer {
  const first = tokens[0];
  if (!first) return null;
  const lex = POLARITY[language];
  const rest = sentence.slice(first.end - offset).trimStart();
  const standsAlone = rest === '' || /^[,.!;:–-]/.test(rest);
  if (lex.yes.has(first.lower) && standsAlone) return 'yes';
  // "Ibland på kvällen", "Lite då": a hedged answer still says yes.
  if (lex.hedgedYes.has(first.lower)) return 'yes';
  const second = tokens[1]?.lower ?? '';
  if (lex.no.has(first.lower) && (standsAlone || first.lower === 'nej' || first.lower === 'nä' || lex.answerAdverbs.has(second))) return 'no';
  return null;
}

/**
 * `sentence` is the sentence text and `tokens` its tokens (offsets in the
 * source document, `offset` = where the sentence starts). `answer` is the
 * reply when the sentence is a question.
 */
/**
 * Inverted Swedish clause, "X verb subject inte": a fronted object or verb is
 * what is negated ("knapparna klarar jag inte", "röker gör jag inte"); a
 * fronted adverbial is not ("i november har jag inte fått ihop det").
 */
/** "men knapparna klarar jag inte": a coordinating conjunction opens the clause but is not its first element. */
const CONJUNCTIONS = new Set(['men', 'och', 'fast', 'dock', 'utan', 'så', 'but', 'and']);

function invertedClause(out: PolarToken[], clauseStart: number, opener: StemmedToken | undefined, verbIndex: number, lex: (typeof POLARITY)[Language]): void {
  const adverbial = opener !== undefined && lex.prepositions.has(opener.lower) && !CONJUNCTIONS.has(opener.lower);
  for (const p of out.slice(clauseStart)) {
    if (!adverbial) {
      if (p.polarity === 'affirmed') { p.polarity = 'negated'; p.cueStart = p.token.start; }
    } else if (p.token.index < verbIndex && p.polarity === 'negated') {
      // Only the verb before the subject is negated; the adverbial is a circumstance.
      p.polarity = 'uncertain';
      p.cueStart = null;
    }
  }
}

/** Passive need verbs: what stands before them is what is (not) needed. */
const NEEDED = new Set(['behövs', 'behövdes', 'krävs', 'krävdes', 'needed', 'required']);

export function sentencePolarity(
  tokens: readonly StemmedToken[],
  sentence: string,
  offset: number,
  language: Language,
  answer: Answer = null,
): PolarToken[] {
  const lex = POLARITY[language];
  const out: PolarToken[] = [];
  const isQuestion = sentence.trimEnd().endsWith('?');
  let state: 'plain' | 'negated' | 'uncertain' = 'plain';
  let cueStart: number | null = null;
  let inScope = 0;
  let clauseStart = 0; // index in `out` where the current clause starts (for post-negation)
  let clauseToken = 0; // index in `tokens` of the clause's first word
  let partStart = 0; // index in `out` after the last ; : ( ) (a topic label's start)
  let inSubordinate = false; // inside a subordinate clause, up to the next comma (questions)
  let safetyNet = false; // inside the condition of safety-net advice, up to ; : ( ) or a subordinator
  const subordinate = new Set<number>(); // indices in `out` of its words
  const skipFirst = leadingAnswer(tokens, sentence, offset, language) !== null;
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    const gap = prev ? sentence.slice(prev.end - offset, t.start - offset) : '';
    if (/[;:(),]/.test(gap)) inSubordinate = false;
    // "Röker: nej", "Röker: nej, slutade för tio år sedan": a topic answered with a bare no denies the topic (the no-model drafter's form).
    if (/:/.test(gap) && leadingAnswer(tokens.slice(i), sentence.slice(t.start - offset), t.start, language) === 'no' &&
      /^\s*(?:$|[,.!;–-])/u.test(sentence.slice(t.end - offset))) {
      // The topic is everything since the last ; : ( — not only the clause after a "när" — but a subordinate clause of it stays open.
      out.forEach((p, k) => { if (k >= partStart && !subordinate.has(k) && p.polarity === 'affirmed') { p.polarity = 'negated'; p.cueStart = p.token.start; } });
      return;
    }
    if (/[;:()]/.test(gap)) { state = 'plain'; safetyNet = false; clauseStart = out.length; clauseToken = i; partStart = out.length; }
    else if (/,/.test(gap)) {
      // "Hör av sig vid feber, ryggsmärta eller sveda": the items of a safety-net list stay conditions.
      state = state === 'negated' || safetyNet ? 'uncertain' : 'plain';
      clauseStart = out.length;
      clauseToken = i;
    }
    if (i === 0 && skipFirst) { clauseToken = 1; return; }
    const w = t.lower;
    if (lex.pre.has(w)) {
      // Swedish puts the negation after the verb: "släpper inte in" negates "släpper".
      const last = out[out.length - 1];
      // Reflexives and pronouns may come between: "det låser sig aldrig".
      // "mjuk och inte öm": after a conjunction the negation starts a new conjunct and looks forward only.
      if (lex.postVerb.has(w) && last && out.length > clauseStart && t.index - last.token.index <= 3 && last.polarity === 'affirmed' &&
        !lex.listJoiners.has(prev?.lower ?? '') && prev?.lower !== 'eller' && prev?.lower !== 'men') {
        last.polarity = 'negated';
        last.cueStart = last.token.start;
      }
      // "Något återbesök behövs inte", "prover krävs inte": a need denied denies what is needed, said before it.
      if (lex.postVerb.has(w) && prev && NEEDED.has(prev.lower)) {
        for (const p of out.slice(clauseStart)) if (p.polarity === 'affirmed') { p.polarity = 'negated'; p.cueStart = p.token.start; }
      }
      if (lex.postVerb.has(w) && prev && lex.subjects.has(prev.lower) && i - 1 > clauseToken) invertedClause(out, clauseStart, tokens[CONJUNCTIONS.has(tokens[clauseToken]?.lower ?? '') ? clauseToken + 1 : clauseToken], i - 2, lex);
      state = 'negated'; cueStart = t.start; inScope = 0; return;
    }
    // "Ex-rökare", "slutat röka": the next word is history, neither affirmed nor negated now.
    if (lex.past.has(w)) { state = 'uncertain'; return; }
    if (lex.conditional.has(w)) {
      state = 'uncertain';
      safetyNet ||= tokens.slice(clauseToken, i).some((x) => lex.safetyNet.has(x.lower));
      return;
    }
    if (lex.terminators.has(w)) { state = 'plain'; safetyNet = false; clauseStart = out.length; clauseToken = i; inSubordinate = true; return; }
    // "… för att varva ner?": a purpose clause.
    if (w === 'för' && tokens[i + 1]?.lower === 'att') inSubordinate = true;
    if (lex.listJoiners.has(w) && state === 'negated') { state = 'uncertain'; return; }
    if (lex.post.has(w)) {
      for (let k = out.length - 1; k >= Math.max(clauseStart, out.length - SCOPE); k--) {
        const p = out[k]!;
        if (p.polarity === 'affirmed') { p.polarity = 'negated'; p.cueStart = p.token.start; }
      }
      return;
    }
    if (!isContentWord(t, language)) return;
    // "… inte är så påverkad väntar vi med antibiotika": a verb before its subject opens a new main clause.
    if (state === 'negated' && inScope > 0 && lex.subjects.has(tokens[i + 1]?.lower ?? '')) { state = 'plain'; clauseStart = out.length; clauseToken = i; }
    const polarity: Polarity = state === 'negated' ? 'negated' : state === 'uncertain' ? 'uncertain' : 'affirmed';
    if (state === 'negated' && ++inScope >= SCOPE) state = 'uncertain';
    const before = out[out.length - 1];
    // "inga akuta ST-förändringar": a negation takes the head of its noun phrase; the word before it
    // is a modifier and says nothing on its own ("akut" elsewhere is not denied).
    if (language === 'sv' && polarity === 'negated' && before?.polarity === 'negated' && before.cueStart === cueStart &&
      /^(?:\s|\s?\p{L}{1,3}-)$/u.test(sentence.slice(before.token.end - offset, t.start - offset))) {
      before.polarity = 'uncertain';
      before.cueStart = null;
    }
    if (inSubordinate) subordinate.add(out.length);
    out.push({ token: t, polarity, cueStart: polarity === 'negated' ? cueStart : null });
  });
  if (isQuestion) {
    out.forEach((p, k) => {
      // "Får du ont när du går? — Nej" denies the pain, not the walking: a subordinate clause of the question stays open.
      if (answer === 'no' && subordinate.has(k)) { p.polarity = 'uncertain'; p.cueStart = null; }
      else if (answer === 'no') { p.polarity = 'negated'; p.cueStart ??= p.token.start; }
      else if (answer !== 'yes' || p.polarity === 'negated') { p.polarity = 'uncertain'; p.cueStart = null; }
    });
  }
  return out;
}
