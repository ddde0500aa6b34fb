/**
 * Numbers with what they measure: each mention gets a type (pulse, dose in
 * mg, duration, a count of steps …) from its unit and the words before it,
 * and the qualifiers that tell two values of one type apart — the drug a
 * dose belongs to, the side, where a temperature was taken, the counted
 * noun, and the topic words of its clause. A transcript answer ("Fjorton.")
 * borrows these from the question before it.
 */
import { findConcepts } from './concepts';
import { isContentWord } from './content';
import type { Sentence } from './document';
import { extractNumbers } from './numbers';
import { dropCovered, mergeSpokenDecimals } from './spoken-numbers';
import {
  CLINIC_HEADINGS, CLINIC_WORDS, CLOCK_PHRASES, hourOf, HOME_WORDS, KEYWORD_TYPES, PER_DAY, PER_WEEK, PHRASES, SIDE_WORDS, SPECIFIC, UNITS, type QuantityType,
} from './quantity-words';
import { indexFor } from './indexes';
import { carriedMeasure, lastMeasureIn, measureNear, NAMEABLE } from './measures';
import { joinFractions } from './fractions';
import { findTerms, type TermIndex } from './terms';
import type { Language } from './types';

export interface Quantity {
  type: QuantityType;
  /** Values in the type's common unit (durations in seconds, lengths in cm). */
  values: number[];
  /** Values as written. */
  raw: number[];
  start: number;
  end: number;
  sentence: number;
  drug: number | null;
  side: 'right' | 'left' | 'both' | null;
  place: 'home' | 'clinic' | null;
  noun: string | null;
  topic: Set<string>;
  /**
   * The named measurement the value belongs to ("sr", "pcl5", "målvärde"; measures.ts), or the
   * type itself for the vital signs and weight; null when nothing names it.
   */
  measure: string | null;
}

const CLAUSE_BREAK = /[,;:()]/;
const MAX_KEYWORD_DISTANCE = 3;

function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset > s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Token indices of the sentence's clause around token k (clauses end at , ; : and brackets). */
function clause(s: Sentence, text: string, k: number): [number, number] {
  let a = k;
  while (a > 0 && !CLAUSE_BREAK.test(text.slice(s.tokens[a - 1]!.end, s.tokens[a]!.start))) a--;
  let b = k;
  while (b < s.tokens.length - 1 && !CLAUSE_BREAK.test(text.slice(s.tokens[b]!.end, s.tokens[b + 1]!.start))) b++;
  return [a, b];
}

function keywordType(s: Sentence, text: string, k: number, language: Language): QuantityType | null {
  const [a] = clause(s, text, k);
  const concepts = findConcepts(s.tokens, language);
  for (let i = k - 1; i >= Math.max(a, k - MAX_KEYWORD_DISTANCE); i--) {
    const c = concepts.find((m) => m.firstToken <= i && i <= m.lastToken);
    const type = KEYWORD_TYPES[c?.id ?? s.tokens[i]!.lower];
    if (type) return type;
  }
  return null;
}

const drugCache = new WeakMap<Sentence, ReturnType<typeof findTerms>>();

function drugIn(s: Sentence | undefined, drugs: TermIndex, before = Infinity): number | null {
  if (!s) return null;
  let all = drugCache.get(s);
  // Number words are never drug names, though a stem may collide ("fem" / Femar).
  if (!all) drugCache.set(s, (all = findTerms(s.tokens, drugs).filter((m) => isContentWord(s.tokens[m.firstToken]!, 'sv'))));
  const hits = all.filter((m) => m.firstToken < before);
  return hits.length > 0 ? hits[hits.length - 1]!.group : null;
}

export interface QuantityOptions {
  language: Language;
  drugs: TermIndex;
  /** Transcripts: answers borrow context from the question before them. */
  transcript: boolean;
}

export function extractQuantities(text: string, sentences: readonly Sentence[], opts: QuantityOptions): Quantity[] {
  const { language } = opts;
  const mentions = [
    ...extractNumbers(text, language).map((n) => ({ ...n, phrase: null as null | { type: QuantityType; value: number } })),
    ...(language === 'sv' ? PHRASES : []).flatMap((p) => [...text.matchAll(p.re)].map((m) => ({
      values: [p.value], start: m.index, end: m.index + m[0].length, text: m[0], unit: null, before: null, phrase: { type: p.type, value: p.value },
    }))),
    ...(language === 'sv' ? CLOCK_PHRASES : []).flatMap((p) => [...text.matchAll(p.re)].map((m) => {
      const value = p.value(hourOf(m[1]!));
      return { values: [value], start: m.index, end: m.index + m[0].length, text: m[0], unit: null, before: null, phrase: { type: 'clock' as QuantityType, value } };
    })),
  ].sort((a, b) => a.start - b.start);
  dropCovered(mentions);
  mergeSpokenDecimals(mentions, text);
  const out: Quantity[] = [];
  for (const n of mentions) {
    if (isScaleBound(text, n.start, n.end)) continue;
    const si = sentenceAt(sentences, n.start);
    const s = sentences[si];
    if (!s) continue;
    const k = s.tokens.findIndex((t) => t.start >= n.start);
    if (k < 0) continue;
    const lastK = Math.max(k, s.tokens.findLastIndex((t) => t.end <= n.end));
    const prev = opts.transcript ? questionBefore(sentences, si) : undefined;
    const isAnswer = prev !== undefined && s.tokens.length <= 8;
    const next = s.tokens[lastK + 1];
    const after = text.slice(n.end, n.end + 20);
    const before = s.tokens[k - 1]?.lower ?? null;
    let type: QuantityType = 'other';
    let factor = 1;
    let noun: string | null = null;
    let values = [...n.values];
    let end = n.end;
    if (n.phrase) {
      type = n.phrase.type;
      if (type === 'other' && next && UNITS[next.lower]) ({ type, factor } = UNITS[next.lower]!);
    } else {
      const unitWord = n.unit ?? (/^\s*%/.test(after) ? 'procent' : /^\s*°/.test(after) ? 'grader' : next && /^\s?$/.test(text.slice(n.end, next.start)) ? next.lower : null);
      const u = unitWord ? UNITS[unitWord] : undefined;
      if (u) ({ type, factor } = u);
      else if (before === 'x' || before === '×') type = 'times';
      else if (next && /^\s?$/.test(text.slice(n.end, next.start)) && contentMask(s, language)[lastK + 1]) { type = 'count'; noun = next.stem; }
      // The span covers the unit or the counted word ("4 ggr", "5 trappsteg"): what the number measures.
      if (next && !n.unit && (u || noun) && next.start >= n.end) end = next.end;
      if (type === 'count' && !noun && next) noun = next.stem;
      if (before === 'kl' || before === 'klockan' || before === 'at' || (before === 'vid' && type === 'other' && n.values[0]! <= 24)) {
        type = 'clock';
      }
      const keyword = keywordType(s, text, k, language);
      if (keyword && (type === 'other' || type === 'percent' || (type === 'angle' && keyword === 'temp') || (type === 'weight' && keyword === 'weight'))) type = keyword;
      if (type === 'angle' && values[0]! >= 34 && values[0]! <= 43) type = 'temp';
      if (type === 'other' && values.length === 2 && values[0]! >= 70 && values[0]! <= 260) type = 'bp';
      if (values.length === 2 && values[1] === 10 && values[0]! <= 10) { type = 'pain'; values = [values[0]!]; }
      // A decimal between 34 and 43 is a body temperature, whether written "37,2" or said "trettiosju komma två".
      if (type === 'other' && (/[.,]/.test(n.text) || !Number.isInteger(values[0]!)) && values[0]! >= 34 && values[0]! <= 43) type = 'temp';
      const unitEnd = n.unit || !next || !u ? n.end : next.end;
      if (type === 'times') type = PER_DAY.test(text.slice(unitEnd)) ? 'freq:day' : PER_WEEK.test(text.slice(unitEnd)) ? 'freq:week' : 'times';
    }
    const [ca, cb] = clause(s, text, k);
    const topic = topicOf(s, ca, cb, k, language);
    // "Tre veckor sen, ja lyfte en säck": a thin clause takes the words of its sentence.
    if (topic.size < 2) for (const st of topicOf(s, 0, s.tokens.length - 1, k, language)) topic.add(st);
    if (noun) topic.add(noun);
    if (isAnswer && prev) {
      for (const st of prev.stems) topic.add(st);
      for (const dx of diagnosisTopics(prev.tokens, language)) topic.add(dx);
      // "Hur många trappsteg …?" — "Fjorton.": the question names what is counted.
      const many = prev.tokens.findIndex((t) => t.lower === 'många' || t.lower === 'mycket');
      const asked = many >= 0 ? prev.tokens[many + 1] : undefined;
      if (type === 'other' && asked) {
        const u = UNITS[asked.lower];
        if (u) ({ type, factor } = u);
        else if (isContentWord(asked, language)) { type = 'count'; noun = asked.stem; }
      }
      if (type === 'other') type = keywordTypeOfSentence(prev, language) ?? 'other';
    }
    // "höger 12 kg" or "tolv kilo i höger": the side stands just before the number or just after its unit.
    const sideToken = s.tokens.slice(Math.max(0, k - 2), k).reverse().find((t) => SIDE_WORDS[t.lower]) ??
      s.tokens.slice(lastK + 1, lastK + 4).find((t, j, a) => SIDE_WORDS[t.lower] && a.slice(0, j).every((x) => !/^\d/.test(x.text)));
    const clinicSection = !opts.transcript && s.section !== null && CLINIC_HEADINGS.test(s.section);
    // Where it was taken is said in the clause, else elsewhere in the sentence ("Dottern mätte i morse, trettiosju komma två").
    const place = type === 'temp'
      ? placeOf([...s.tokens.slice(ca, cb + 1), ...(isAnswer && prev ? prev.tokens : [])], clinicSection) ?? placeOf(s.tokens, clinicSection)
      : null;
    let measure = NAMEABLE.has(type) ? measureNear(s, k, lastK, opts.transcript) : null;
    if (measure === null && opts.transcript && type === 'other') {
      // "Åttiosex i morse." after "Och Hb?", "Vid utskrivningen stod det sjuttiosju." after "Sjuttiofyra kilo.":
      // a bare spoken value belongs to what was just asked or measured.
      measure = (isAnswer ? lastMeasureIn(prev) : null) ?? carriedMeasure(out, sentences, text, si);
      if (measure !== null && SPECIFIC.has(measure as QuantityType)) type = measure as QuantityType;
    }
    measure ??= SPECIFIC.has(type) ? type : null;
    out.push({
      type,
      values: values.map((v) => v * factor),
      // "7/10" is the rating 7; the 10 names the scale.
      raw: type === 'pain' && values.length < n.values.length ? values : n.values,
      start: n.start,
      end,
      sentence: si,
      // "Kåvepenin 1,6 g x 3": how often is a claim about the drug too, as its dose and course are.
      drug: type.startsWith('dose') || type === 'duration' || type.startsWith('freq') || type === 'times' ? drugIn(s, opts.drugs, k) ?? (isAnswer ? drugIn(prev, opts.drugs) : null) : null,
      side: sideToken ? SIDE_WORDS[sideToken.lower]! : null,
      place,
      noun,
      topic,
      measure,
    });
  }
  inheritListUnits(out, text);
  return joinFractions(out, text);
}

/**
 * "på en skala från noll till tio", "skala 0-10", "NRS 0–10": the ends of a
 * rating scale are not ratings. True for both ends of such a range.
 */
const SCALE = String.raw`(?:skala|skalan|nrs|vas|scale)\s+(?:från\s+|mellan\s+|from\s+|of\s+)?`;
const RANGE_TO = String.raw`\s*(?:till|och|to|-|–)\s*`;
const LOWER_END = new RegExp(`${SCALE}$`, 'iu');
const UPPER_END = new RegExp(`${SCALE}(?:\\p{L}+|\\d+)${RANGE_TO}$`, 'iu');
const THEN_UPPER = new RegExp(`^${RANGE_TO}(?:\\p{L}+|\\d+)`, 'iu');
/** "Skattar smärtan noll till tio: sju": a scale's range in the topic before the answer's colon, without "skala". */
const LABEL_LOWER = /^(?:noll|0|ett|1)\s*(?:till|-|–)\s*(?:tio|10|hundra|100)\s*:/iu;
const LABEL_UPPER_BEFORE = /(?:^|[^\p{L}\d])(?:noll|0|ett|1)\s*(?:till|-|–)\s*$/iu;
function isScaleBound(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  if (LABEL_LOWER.test(text.slice(start, start + 30)) || (LABEL_UPPER_BEFORE.test(before) && /^\s*:/.test(text.slice(end, end + 5)))) return true;
  return UPPER_END.test(before) || (LOWER_END.test(before) && THEN_UPPER.test(text.slice(end, end + 20)));
}

const contentCache = new WeakMap<Sentence, boolean[]>();

/** Which tokens of a sentence are content words (computed once: the test parses number words). */
function contentMask(s: Sentence, language: Language): boolean[] {
  let mask = contentCache.get(s);
  if (!mask) contentCache.set(s, (mask = s.tokens.map((t) => isContentWord(t, language))));
  return mask;
}

/** Content stems and concept ids ("#kräkning") of tokens a..b, without token k (the number). */
/** Diagnosis groups named in a token list, as topic entries "#dx:<group>" (otiter ↔ öroninflammation). */
function diagnosisTopics(tokens: readonly Sentence['tokens'][number][], language: Language): string[] {
  return findTerms(tokens, indexFor('diagnosis', language)).map((m) => `#dx:${m.group}`);
}

function topicOf(s: Sentence, a: number, b: number, k: number, language: Language): Set<string> {
  const out = new Set<string>(diagnosisTopics(s.tokens.slice(a, b + 1), language));
  for (const c of findConcepts(s.tokens, language)) if (c.lastToken >= a && c.firstToken <= b) out.add(`#${c.id}`);
  const mask = contentMask(s, language);
  for (let i = a; i <= b; i++) if (i !== k && mask[i]) out.add(s.tokens[i]!.stem);
  return out;
}

/**
 * The question a transcript sentence answers: the previous sentence, or the
 * one before it when a short word came between ("Lite. Trettioåtta.").
 */
function questionBefore(sentences: readonly Sentence[], i: number): Sentence | undefined {
  for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
    const s = sentences[j]!;
    if (s.text.trimEnd().endsWith('?')) return s;
    if (s.tokens.length > 3) return undefined;
  }
  return undefined;
}

/** Where a temperature was taken, from the words around it (or the note's section). */
function placeOf(tokens: readonly { lower: string }[], clinicSection: boolean): 'home' | 'clinic' | null {
  const home = tokens.some((t) => HOME_WORDS.has(t.lower));
  const clinic = clinicSection || tokens.some((t) => CLINIC_WORDS.has(t.lower));
  return home && !clinic ? 'home' : clinic && !home ? 'clinic' : null;
}

function keywordTypeOfSentence(s: Sentence, language: Language): QuantityType | null {
  for (const c of findConcepts(s.tokens, language)) if (KEYWORD_TYPES[c.id]) return KEYWORD_TYPES[c.id]!;
  return null;
}

const READINGS = new Set<QuantityType>(['pain', 'score', 'pulse', 'spo2', 'temp', 'rr', 'glucose']);

/** "höger 21 kilo, vänster 28": a bare number right after a typed one in the same list takes its type. */
function inheritListUnits(qs: Quantity[], text: string): void {
  for (let i = 1; i < qs.length; i++) {
    const q = qs[i]!;
    const p = qs[i - 1]!;
    if (q.type !== 'other' || p.type === 'other' || p.sentence !== q.sentence) continue;
    // "0,5 kg, 3 x 15": sets times repetitions are not another load.
    if (/(?<!\p{L})[x×]\s*$/u.test(text.slice(q.start, q.end)) || /^\s*[x×](?!\p{L})/u.test(text.slice(q.end))) continue;
    const gap = text.slice(p.end, q.start);
    // "NRS 5 (7 i natt)": a bare reading in brackets is the same scale; amounts and sizes in brackets are not ("4 x 3 cm (5 x 3)").
    if (gap.length > 24 || !(/,| och /.test(gap) || (/\(/.test(gap) && READINGS.has(p.type)))) continue;
    q.type = p.type;
    const factor = p.raw[0] ? p.values[0]! / p.raw[0] : 1;
    q.values = q.raw.map((v) => v * factor);
  }
}
