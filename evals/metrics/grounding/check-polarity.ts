/**
 * Negation flips, both ways and in paraphrase: the note asserts what the
 * consultation only negated ("Bensvullnad" after "Svullna ben? — Nej"), or
 * negates what it only affirmed. Words are compared as concepts of the
 * synonym lexicon when they have one ("kräkningar" = "kräkts"), else by
 * stem. A second check compares normal with abnormal findings
 * ("Nedsatt kraft" when the consultation said "kraften är normal").
 * Uncertain mentions (conditions, open questions) neither support nor
 * contradict, so they are left out.
 */
import { POLARITY } from '../../lexicon/negation';
import { conceptByToken, findConcepts } from './concepts';
import { hasStem, isContentWord, relatedStems } from './content';
import { quote, raise, type Context } from './context';
import { clauseOf, type Sentence } from './document';
import { leadingAnswer, type Polarity } from './polarity';
import { SIDE_WORDS } from './quantity-words';
import type { Language } from './types';

/** Words a negation may reach that are never findings ("inte haft så ont i natt"). */
const NOT_FINDINGS = new Set(('natt natten nätter dag dagen dagar morgon morse morgonen kväll kvällen kvällar vecka veckan veckor ' +
  'månad månader tid tiden gång gången gånger stund idag igår längre alltid ofta ibland sånt sådant vanligt fortfarande riktigt ' +
  'direkt alls ännu själv själva hela night day morning evening week time times now still really ' +
  // Ability verbs are compared together with their object (ABILITY below), never alone.
  'klarar klara klarade klarat lyckas lyckades orkar orka hinner').split(' '));

/**
 * "knapparna klarar jag inte" / "klarar tröja och knappar": what someone can
 * do is the verb with its object, so each content word of the verb's clause
 * is a statement "klarar X" with the verb's polarity.
 */
const NEED = new Set(['behöver', 'behövde', 'behövt', 'behov']);
const ABILITY = new Set(['klarar', 'klara', 'klarade', 'klarat', 'lyckas', 'lyckades', 'orkar', 'orka', 'hinner']);

function abilityStatements(s: Sentence, concepts: Map<number, string>): Statement[] {
  const out: Statement[] = [];
  const byStart = new Map(s.polar.map((p) => [p.token.start, p]));
  s.tokens.forEach((t, k) => {
    // "Behöver hjälp med personlig vård" says "klarar inte personlig vård" (själv).
    const needsHelp = t.lower === 'hjälp' && NEED.has(s.tokens[k - 1]?.lower ?? '');
    const verb = ABILITY.has(t.lower) || needsHelp ? byStart.get(t.start) : undefined;
    if (!verb || verb.polarity === 'uncertain') return;
    const polarity = needsHelp ? (verb.polarity === 'affirmed' ? 'negated' : 'affirmed') : verb.polarity;
    const [a, b] = clauseOf(s, k);
    for (let i = a; i <= b; i++) {
      const p = byStart.get(s.tokens[i]!.start);
      if (!p || i === k || (needsHelp && i === k - 1) || NOT_FINDINGS.has(p.token.lower)) continue;
      const c = concepts.get(i);
      out.push({ key: `klara|${c ? `#${c}` : p.token.stem}`, concept: false, polarity, sentence: s, p });
    }
  });
  return out;
}

/** One word as the negation check sees it: a concept when the lexicon knows it, else its stem. */
interface Statement { key: string; concept: boolean; polarity: Polarity; sentence: Sentence; p: Sentence['polar'][number] }

/** "svår att få kontakt": what follows is a difficulty, not the finding itself (unless the lexicon knows the phrase). */
const DIFFICULTY = new Set(['svår', 'svårt', 'svåra', 'svårigheter', 'svårighet']);

/** "svårt att få ekonomin att gå ihop": a difficulty earlier in the clause (up to six words back). */
function difficultyBefore(s: Sentence, i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
    const gap = s.text.slice(s.tokens[j]!.end - s.start, s.tokens[j + 1]!.start - s.start);
    if (/[,;:.]/.test(gap)) return false;
    if (DIFFICULTY.has(s.tokens[j]!.lower) && s.tokens[j + 1]?.lower === 'att') return true;
  }
  return false;
}

/** Words that say "less of it", not "none of it". */
const DIMINISHED = new Set(['dåligt', 'dålig', 'sämre', 'mindre', 'knappt', 'sparsamt', 'sällan', 'nedsatt', 'minskad', 'minskat']);

/** Words whose form carries a negation of a concept: "afebril" = no fever. */
const NEGATIVE_FORMS: Record<string, string> = { afebril: 'feber', afebrila: 'feber', feberfri: 'feber' };

function statements(s: Sentence, language: Language): Statement[] {
  const concepts = conceptByToken(s.tokens, language);
  const out: Statement[] = [];
  const index = new Map(s.tokens.map((t, i) => [t.start, i]));
  for (const p of s.polar) {
    if (NOT_FINDINGS.has(p.token.lower)) continue;
    const i = index.get(p.token.start)!;
    const negative = NEGATIVE_FORMS[p.token.lower];
    if (negative) {
      out.push({ key: `#${negative}`, concept: true, polarity: p.polarity === 'negated' ? 'affirmed' : 'negated', sentence: s, p });
      continue;
    }
    const c = concepts.get(i);
    if (c === 'normal' || c === 'nedsatt') continue;
    // "Dricker dåligt", "äter sämre": a reduced amount is neither the act nor its absence.
    if (DIMINISHED.has(s.tokens[i + 1]?.lower ?? '') || DIMINISHED.has(s.tokens[i - 1]?.lower ?? '')) continue;
    if (!c && difficultyBefore(s, i)) continue;
    out.push({ key: c ? `#${c}` : p.token.stem, concept: c !== undefined, polarity: p.polarity, sentence: s, p });
  }
  return language === 'sv' ? [...out, ...abilityStatements(s, concepts)] : out;
}

/**
 * "Tidigare episoder av rosfeber", "Har du haft det förut? — Nä, aldri": a statement about earlier
 * episodes is a claim of its own time. The note's past claim is compared with what was said about
 * the past when that was spoken of; today's mentions of the same word ("Det här är rosfeber") do
 * not answer it.
 */
const PAST = /(?<![\p{L}])(?:tidigare|förut|förr|föregående|förra|någon gång|sedan tidigare)(?![\p{L}])/iu;
const PAST_KEY = '@past';
const EVER = /(?<![\p{L}])(?:aldrig|aldri)(?![\p{L}])/iu;

export function checkNegations(ctx: Context): void {
  const said = new Map<string, Map<Polarity, Sentence>>();
  ctx.transcript.forEach((s, i) => {
    // "Har du rökt? — Nej, aldrig": a denial with "aldrig" covers the past too.
    const next = ctx.transcript[i + 1];
    const past = ctx.language === 'sv' && (PAST.test(s.text) || EVER.test(s.text) || (s.text.trimEnd().endsWith('?') && next !== undefined && EVER.test(next.text)));
    for (const st of statements(s, ctx.language)) {
      if (st.polarity === 'uncertain') continue;
      // A word inside a lay phrase is also said as itself: "flytning från örat" supports "Flytning från höger öra".
      for (const plain of st.concept ? [st.key, st.p.token.stem] : [st.key]) for (const key of past ? [plain, plain + PAST_KEY] : [plain]) {
        const m = said.get(key) ?? new Map<Polarity, Sentence>();
        if (!m.has(st.polarity)) m.set(st.polarity, s);
        said.set(key, m);
      }
    }
  });
  const lookup = (st: Statement, past: boolean): Map<Polarity, Sentence> => {
    // A claim about the past is compared with what was said about the past only: "Inga besvär under
    // förra graviditeten" is not contradicted by today's pain.
    // When the past was not spoken of for this key, everything said is the only answer there is.
    const from = (source: ReadonlyMap<string, Map<Polarity, Sentence>>): Map<Polarity, Sentence> => {
      if (st.concept && source.has(st.key)) return source.get(st.key)!;
      const merged = new Map<Polarity, Sentence>();
      for (const m of relatedStems(source, st.key)) for (const [p, s] of m) if (!merged.has(p)) merged.set(p, s);
      return merged;
    };
    if (!past) return from(said);
    const pastSaid = from(pastOnly);
    // An earlier-episode question ("Hade du samma sak förra graviditeten?") spoke of the past of the
    // problem at hand without naming it: today's words do not answer the note's past claim then.
    return pastSaid.size > 0 || episodeAsked ? pastSaid : from(said);
  };
  const episodeAsked = ctx.language === 'sv' && ctx.transcript.some(isEpisodeQuestion);
  const pastOnly = new Map([...said].filter(([k]) => k.endsWith(PAST_KEY)).map(([k, v]) => [k.slice(0, -PAST_KEY.length), v]));
  for (const s of ctx.noteSentences) {
    // "Past" is decided per statement from its own clause: in "Tidigare frisk, förnekar bröstsmärta"
    // only "frisk" is about the past; the denial is today's and is compared with everything said.
    const tokenIndex = new Map(s.tokens.map((t, i) => [t.start, i]));
    const isPast = (st: Statement): boolean => {
      if (ctx.language !== 'sv') return false;
      const [a, b] = clauseOf(s, tokenIndex.get(st.p.token.start)!);
      return PAST.test(s.text.slice(s.tokens[a]!.start - s.start, s.tokens[b]!.end - s.start));
    };
    // One flag per negation scope: "ingen feber eller hosta" is one statement.
    const negatedScopes = new Map<number, { end: number; compared: Sentence; concept: boolean }>();
    const flagged = new Set<string>();
    statements(s, ctx.language).forEach((st) => {
      const p = st.p;
      if (flagged.has(st.key)) return;
      const m = lookup(st, isPast(st));
      if (st.polarity === 'affirmed' && m.size === 1 && m.has('negated')) {
        flagged.add(st.key);
        const compared = m.get('negated')!;
        raise(ctx, {
          kind: 'negation', start: p.token.start, end: p.token.end, severity: 'critical', compared, said: compared.text,
          reason: 'asserted in the note, negated in the consultation', claim: `negation:asserted:${st.concept ? 'concept' : 'word'}`,
          message: `Anteckningen anger ”${p.token.text}”, men i samtalet nekades det: ”${compared.text}”.`,
        });
      } else if (st.polarity === 'negated' && m.size === 1 && m.has('affirmed')) {
        // "Afebril" carries its negation in the word itself.
        const cue = p.cueStart ?? p.token.start;
        const prev = negatedScopes.get(cue);
        negatedScopes.set(cue, { end: Math.max(prev?.end ?? 0, p.token.end), compared: prev?.compared ?? m.get('affirmed')!, concept: (prev?.concept ?? false) || st.concept });
      } else if (st.polarity === 'affirmed' && isAntonymOfSaid(p.token.stem, ctx.language, said)) {
        const compared = said.get(p.token.stem.slice(1))!.get('affirmed')!;
        raise(ctx, {
          kind: 'negation', start: p.token.start, end: p.token.end, severity: 'critical', compared, said: compared.text,
          reason: 'asserted in the note, negated in the consultation',
          message: `Anteckningen anger ”${p.token.text}”, samtalet det motsatta: ”${compared.text}”.`,
        });
      }
    });
    for (const [start, { end, compared, concept }] of negatedScopes) {
      raise(ctx, {
        kind: 'negation', start, end, severity: 'critical', compared, said: compared.text,
        reason: 'negated in the note, asserted in the consultation', claim: `negation:negated:${concept ? 'concept' : 'word'}`,
        message: `Anteckningen nekar ”${quote(ctx.note, start, end)}”, men i samtalet bekräftades det: ”${compared.text}”.`,
      });
    }
  }
  checkStates(ctx);
  checkEarlierEpisodes(ctx);
}

/**
 * "Har du haft så här förut?", "Hade du samma sak förra graviditeten?": a question about earlier episodes
 * of the problem at hand. It takes an episode verb: "Har du tagit det här läkemedlet tidigare?" asks about
 * a drug, and "det här" followed by a noun names a thing, not the problem.
 */
const EPISODE_QUESTION = /(?<![\p{L}])(?:haft|hade|varit med om|var med om|känt|kände)(?:\s+(?:du|ni|hon|han|hen|de|dom))?\s+(?:så här|samma sak|samma besvär|samma problem|sånt|sådant|liknande|det här(?!\s+(?!tidigare|förut|förr|förra|föregående|någon|innan)\p{L}))(?![\p{L}])/iu;
function isEpisodeQuestion(s: Sentence): boolean {
  return s.text.trimEnd().endsWith('?') && PAST.test(s.text) && EPISODE_QUESTION.test(s.text);
}
/** The note's claim of earlier episodes ("Tidigare episoder av …", "Liknande besvär under föregående graviditet"). */
const EPISODE_CLAIM = /(?<![\p{L}])(?:episod\p{L}*|liknande|samma besvär|återkommande|recidiv\p{L}*)(?![\p{L}])/iu;

/**
 * Earlier episodes are a claim of their own: asked about without naming the problem ("så här
 * förut?") and denied, they contradict a note that reports earlier episodes, whatever today's
 * problem is called in either.
 */
function checkEarlierEpisodes(ctx: Context): void {
  if (ctx.language !== 'sv') return;
  const denied = ctx.transcript.find((s, i) => {
    const next = ctx.transcript[i + 1];
    return isEpisodeQuestion(s) && next !== undefined &&
      leadingAnswer(next.tokens, next.text, next.start, ctx.language) === 'no';
  });
  if (!denied) return;
  for (const s of ctx.noteSentences) {
    const claim = EPISODE_CLAIM.exec(s.text);
    if (!claim || !PAST.test(s.text) || s.polar.some((p) => p.polarity === 'negated') || NEGATION_WORD.test(s.text)) continue;
    const start = s.start + claim.index;
    raise(ctx, {
      kind: 'negation', start, end: s.end, severity: 'critical', compared: denied, said: denied.text,
      reason: 'asserted in the note, negated in the consultation', claim: 'negation:asserted:episode:word',
      message: `Anteckningen anger tidigare episoder (”${quote(ctx.note, start, s.end)}”), men i samtalet nekades det: ”${denied.text}”.`,
    });
  }
}

const NEGATION_WORD = /(?<![\p{L}])(?:ingen|inga|inget|inte|ej|aldrig|förnekar)(?![\p{L}])/iu;

/**
 * Swedish negates adjectives with the prefix o- ("oregelbunden", "opåverkad"):
 * the note's "oX" contradicts an affirmed "X" when "oX" itself was never said.
 */
function isAntonymOfSaid(stem: string, language: Language, said: ReadonlyMap<string, Map<Polarity, Sentence>>): boolean {
  if (language !== 'sv' || !stem.startsWith('o') || stem.length < 7 || said.has(stem)) return false;
  const base = said.get(stem.slice(1));
  return base !== undefined && base.has('affirmed') && !base.has('negated');
}

interface StateStatement {
  state: 'normal' | 'nedsatt';
  attributes: Set<string>;
  side: string | null;
  start: number;
  end: number;
  sentence: Sentence;
}

/** Abbreviations that are function words ("pga", "enl"), never what a finding is about. */
const FUNCTION_ABBREVIATIONS = new Set(['pga', 'enl', 'ang', 'dvs', 'ev', 'ffa', 'inkl', 'resp', 'jmf', 'jfr', 'mm', 'ca', 'bl']);

/** "Kraften är normal" / "nedsatt kraft": a finding said to be normal or abnormal, with the words it is said of. */
function stateStatements(s: Sentence, prev: Sentence | undefined, language: Language): StateStatement[] {
  const out: StateStatement[] = [];
  for (const m of findConcepts(s.tokens, language)) {
    if (m.id !== 'normal' && m.id !== 'nedsatt') continue;
    const inClause = s.tokens.filter((t, i) => i < m.firstToken - 3 || i > m.lastToken + 3 ? false : !/[,;:]/.test(betweenText(s, i, m.firstToken)));
    const attrs = inClause.filter((t) => isContentWord(t, language) && !SIDE_WORDS[t.lower] && !FUNCTION_ABBREVIATIONS.has(t.lower) &&
      !POLARITY[language].pre.has(t.lower) && t.start !== s.tokens[m.firstToken]!.start);
    let attributes = new Set(attrs.map((t) => t.stem));
    const question = attributes.size === 0 && prev?.text.trimEnd().endsWith('?') ? prev : undefined;
    if (question) attributes = new Set(question.stems);
    const sideToken = [...inClause, ...(question?.tokens ?? [])].find((t) => SIDE_WORDS[t.lower]);
    const first = Math.min(s.tokens[m.firstToken]!.start, ...attrs.map((t) => t.start));
    const last = Math.max(s.tokens[m.lastToken]!.end, ...attrs.map((t) => t.end));
    if (attributes.size > 0) out.push({ state: m.id, attributes, side: sideToken ? SIDE_WORDS[sideToken.lower]! : null, start: first, end: last, sentence: s });
  }
  return out;
}

function betweenText(s: Sentence, i: number, j: number): string {
  const [a, b] = i < j ? [i, j] : [j, i];
  return s.text.slice(s.tokens[a]!.end - s.start, s.tokens[b]!.start - s.start);
}

const overlap = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((x) => x.length >= 4 && hasStem(b, x));

function checkStates(ctx: Context): void {
  const said = ctx.transcript.flatMap((s, i) => stateStatements(s, ctx.transcript[i - 1], ctx.language));
  for (const n of ctx.noteSentences.flatMap((s) => stateStatements(s, undefined, ctx.language))) {
    const about = said.filter((t) => overlap(n.attributes, t.attributes) && (n.side === null || t.side === null || n.side === t.side));
    if (about.length === 0 || about.some((t) => t.state === n.state)) continue;
    const compared = about[0]!.sentence;
    raise(ctx, {
      kind: 'negation', start: n.start, end: n.end, severity: 'critical', compared, said: compared.text,
      reason: n.state === 'normal' ? 'normal in the note, abnormal in the consultation' : 'abnormal in the note, normal in the consultation',
      message: `Anteckningen: ”${quote(ctx.note, n.start, n.end)}” (${n.state === 'normal' ? 'normalt' : 'avvikande'}); samtalet: ”${compared.text}” (${n.state === 'normal' ? 'avvikande' : 'normalt'}).`,
    });
  }
}
