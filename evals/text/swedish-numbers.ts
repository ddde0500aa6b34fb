/**
 * Swedish number words → values and digits.
 *
 * Used by the `swedish` WER normaliser (so "trettioåtta komma fem" and "38,5"
 * count as the same words) and by grounding (numbers in a draft must occur in
 * the consultation). Pure functions, no I/O.
 *
 * Choices (documented because Swedish number words are ambiguous):
 * - "en"/"ett" on their own are the indefinite article ("en tablett", "ett år")
 *   far more often than the number one, so they only count as 1 when followed
 *   by a multiplier ("en hundra", "ett tusen"), by "komma <siffra>", by
 *   "halv"/"halvt" or by "och en halv". A following unit is NOT enough.
 *   Inside a compound ("tjugoen", "hundraett") they always count.
 * - A tens word followed by a separate unit word ("tjugo fem") is read as one
 *   number (25), as ASR output often splits compounds.
 * - Two unit words in a row ("fem fem") are two numbers, never added up.
 * - "noll" is a number only on its own (or as a decimal digit after "komma").
 * - Decimals: "komma" then any "noll" words then at most one number word, read
 *   as digits: "komma noll fem" = ,05; "komma tjugofem" = ,25.
 * - Halves: "och en halv" / "och ett halvt" add 0.5; "en halv" / "ett halvt"
 *   alone are 0.5; "halvannan" is 1.5.
 * - Pure digit tokens ("140", "38,5", "38.5") are numbers of length 1 so that
 *   mixed text ("140 över nittio") can be read by the same code.
 * - Ordinals ("första", "tredje") and fractions other than halves are words.
 */

type MorphemeKind = 'zero' | 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand' | 'million';
interface Morpheme {
  readonly kind: MorphemeKind;
  readonly value: number;
  /** "en"/"ett": only a number when something numeric follows (see above). */
  readonly article?: boolean;
}

const m = (kind: MorphemeKind, value: number, article = false): Morpheme => ({ kind, value, article });

// Colloquial/ASR spellings ("tretti", "förti", "tjugi") sit next to the
// written forms because transcripts of speech contain both.
const MORPHEMES: ReadonlyMap<string, Morpheme> = new Map<string, Morpheme>([
  ['noll', m('zero', 0)],
  ['en', m('unit', 1, true)], ['ett', m('unit', 1, true)], ['två', m('unit', 2)], ['tre', m('unit', 3)],
  ['fyra', m('unit', 4)], ['fem', m('unit', 5)], ['sex', m('unit', 6)], ['sju', m('unit', 7)],
  ['åtta', m('unit', 8)], ['nio', m('unit', 9)],
  ['tio', m('teen', 10)], ['elva', m('teen', 11)], ['tolv', m('teen', 12)], ['tretton', m('teen', 13)],
  ['fjorton', m('teen', 14)], ['femton', m('teen', 15)], ['sexton', m('teen', 16)],
  ['sjutton', m('teen', 17)], ['arton', m('teen', 18)], ['aderton', m('teen', 18)], ['nitton', m('teen', 19)],
  ['tjugo', m('tens', 20)], ['tjugi', m('tens', 20)], ['trettio', m('tens', 30)], ['tretti', m('tens', 30)],
  ['fyrtio', m('tens', 40)], ['förtio', m('tens', 40)], ['förti', m('tens', 40)], ['fyrti', m('tens', 40)],
  ['femtio', m('tens', 50)], ['femti', m('tens', 50)], ['sextio', m('tens', 60)], ['sexti', m('tens', 60)],
  ['sjuttio', m('tens', 70)], ['sjutti', m('tens', 70)], ['åttio', m('tens', 80)], ['åtti', m('tens', 80)],
  ['nittio', m('tens', 90)], ['nitti', m('tens', 90)],
  ['hundra', m('hundred', 100)],
  ['tusen', m('thousand', 1000)],
  ['miljon', m('million', 1_000_000)], ['miljoner', m('million', 1_000_000)],
]);

/** Longest morphemes first so "sextio" wins over "sex" + "tio". */
const MORPHEME_KEYS = [...MORPHEMES.keys()].sort((a, b) => b.length - a.length);

const segmentCache = new Map<string, Morpheme[] | null>();

/** Splits one word into number morphemes ("tvåhundrafemtio" → två|hundra|femtio), or null. */
function segment(word: string): Morpheme[] | null {
  const cached = segmentCache.get(word);
  if (cached !== undefined) return cached;
  // "ettusen" drops one t of "ett|tusen".
  const normalised = word.replace(/^ettusen/, 'etttusen');
  const result = segmentFrom(normalised, 0);
  if (segmentCache.size < 10_000) segmentCache.set(word, result);
  return result;
}

function segmentFrom(word: string, pos: number): Morpheme[] | null {
  if (pos === word.length) return [];
  for (const key of MORPHEME_KEYS) {
    if (!word.startsWith(key, pos)) continue;
    const rest = segmentFrom(word, pos + key.length);
    if (rest) return [MORPHEMES.get(key)!, ...rest];
  }
  return null;
}

/** Grammar state for an integer being read morpheme by morpheme. */
interface IntState {
  total: number; // completed millions + thousands
  group: number; // value below the next multiplier
  hasHundred: boolean;
  hasTens: boolean;
  hasUnit: boolean;
  lastMultiplier: number; // smallest multiplier applied so far (Infinity = none)
  onlyArticle: boolean; // read so far only a bare "en"/"ett"
  zero: boolean;
  count: number;
}

const freshState = (): IntState => ({
  total: 0, group: 0, hasHundred: false, hasTens: false, hasUnit: false,
  lastMultiplier: Infinity, onlyArticle: false, zero: false, count: 0,
});

/** Applies one morpheme; false when the sequence stops being one number. */
function step(s: IntState, x: Morpheme): boolean {
  if (s.zero) return false;
  const first = s.count === 0;
  s.count++;
  switch (x.kind) {
    case 'zero':
      if (!first) return false;
      s.zero = true;
      return true;
    case 'unit':
    case 'teen':
      if (s.hasUnit || (x.kind === 'teen' && s.hasTens)) return false;
      s.group += x.value;
      s.hasUnit = true;
      s.onlyArticle = first && x.article === true;
      return true;
    case 'tens':
      if (s.hasTens || s.hasUnit) return false;
      s.group += x.value;
      s.hasTens = true;
      return true;
    case 'hundred':
      // "tvåhundra", "nittonhundra" (years) but not "hundra hundra".
      if (s.hasHundred || s.hasTens) return false;
      s.group = (s.group || 1) * 100;
      s.hasHundred = true;
      s.hasUnit = false;
      s.onlyArticle = false;
      return true;
    case 'thousand':
    case 'million': {
      if (x.value >= s.lastMultiplier) return false;
      s.total += (s.group || 1) * x.value;
      s.group = 0;
      s.hasHundred = s.hasTens = s.hasUnit = s.onlyArticle = false;
      s.lastMultiplier = x.value;
      return true;
    }
  }
}

const lower = (w: string | undefined): string => (w ?? '').toLowerCase();

const DIGITS = /^\d+(?:[.,]\d+)?$/;

/** Reads the longest integer starting at `start`: value, tokens used, bare article? */
function readInteger(words: string[], start: number): { value: number; length: number; article: boolean } | null {
  const s = freshState();
  let best: { value: number; length: number; article: boolean } | null = null;
  for (let i = start; i < words.length; i++) {
    const parts = segment(lower(words[i]));
    if (!parts || parts.length === 0) break;
    // "tjugo|en" inside one word is never an article.
    const inCompound = parts.length > 1 || s.count > 0;
    let ok = true;
    for (const p of parts) if (!step(s, p)) { ok = false; break; }
    if (!ok) break;
    if (inCompound) s.onlyArticle = false;
    best = { value: s.total + s.group, length: i - start + 1, article: s.onlyArticle };
  }
  return best;
}

/** "komma noll fem" → "05"; null when "komma" is not followed by digits. */
function readDecimals(words: string[], at: number): { digits: string; length: number } | null {
  if (lower(words[at]) !== 'komma') return null;
  let digits = '';
  let i = at + 1;
  while (lower(words[i]) === 'noll') { digits += '0'; i++; }
  const next = segment(lower(words[i]));
  if (next && next.length > 0 && next[0]!.kind !== 'zero') {
    const one = readInteger([words[i]!], 0);
    if (one) { digits += String(one.value); i++; }
  }
  return digits ? { digits, length: i - at } : null;
}

const HALF = new Set(['halv', 'halvt']);

/** "och en halv" / "och ett halvt" after a number; returns tokens used (0 if absent). */
function readAndAHalf(words: string[], at: number): number {
  const a = lower(words[at]), b = lower(words[at + 1]), c = lower(words[at + 2]);
  return a === 'och' && (b === 'en' || b === 'ett') && HALF.has(c) ? 3 : 0;
}

interface ParsedNumber {
  value: number;
  length: number;
  /** Canonical digits: decimal comma, decimals as spoken ("3,0", "0,05"). */
  text: string;
}

function parseNumber(words: string[], start: number): ParsedNumber | null {
  const first = lower(words[start]);
  if (!first) return null;
  if (DIGITS.test(first)) return { value: Number(first.replace(',', '.')), length: 1, text: first.replace('.', ',') };
  if (first === 'halvannan') return { value: 1.5, length: 1, text: '1,5' };
  const int = readInteger(words, start);
  if (!int) return null;
  const end = start + int.length;
  if (int.article && HALF.has(lower(words[end]))) return { value: 0.5, length: int.length + 1, text: '0,5' };
  const decimals = readDecimals(words, end);
  if (decimals) {
    return {
      value: Number(`${int.value}.${decimals.digits}`),
      length: int.length + decimals.length,
      text: `${int.value},${decimals.digits}`,
    };
  }
  const half = readAndAHalf(words, end);
  if (half) return { value: int.value + 0.5, length: int.length + half, text: `${int.value},5` };
  return int.article ? null : { value: int.value, length: int.length, text: String(int.value) };
}

/**
 * Parses the longest Swedish number phrase starting at token `start`
 * (case-insensitive; tokens are words without punctuation).
 */
export function swedishNumberToValue(words: string[], start: number): { value: number; length: number } | null {
  const parsed = parseNumber(words, start);
  return parsed ? { value: parsed.value, length: parsed.length } : null;
}

/** Words (letters/digits, digits may carry one inner , or .) */
const TOKEN = /[\p{L}\p{N}]+(?:[.,]\d+)?/gu;

/** No number phrase is longer than this many words. */
const MAX_PHRASE = 24;

/**
 * Blood pressure is "systolic över diastolic"; clock times ("fem över tre",
 * "tjugo över åtta") use small first numbers, so those stay words.
 */
const isBloodPressure = (a: ParsedNumber, b: ParsedNumber): boolean =>
  a.value >= 40 && a.value <= 300 && b.value >= 20 && b.value <= 200;

/**
 * Rewrites number phrases in running text to digits, keeping every other
 * character. Only words separated by plain whitespace form one phrase, so
 * punctuation ("fem, sex") keeps numbers apart. "över" between two
 * blood-pressure-sized numbers becomes "/" ("hundrafyrtio över nittio" → "140/90").
 */
export function swedishNumbersToDigits(text: string): string {
  const spans: Span[] = [];
  for (const match of text.matchAll(TOKEN)) spans.push({ word: match[0], from: match.index, to: match.index + match[0].length });

  let out = '';
  let cursor = 0;
  let i = 0;
  while (i < spans.length) {
    const run = runFrom(spans, i, text);
    const parsed = parseNumber(run, 0);
    if (!parsed) { i++; continue; }
    let end = i + parsed.length;
    let replacement = parsed.text;
    if (lower(run[parsed.length]) === 'över') {
      const second = parseNumber(run, parsed.length + 1);
      if (second && isBloodPressure(parsed, second)) {
        replacement += `/${second.text}`;
        end += 1 + second.length;
      }
    }
    out += text.slice(cursor, spans[i]!.from) + replacement;
    cursor = spans[end - 1]!.to;
    i = end;
  }
  return out + text.slice(cursor);
}

interface Span { word: string; from: number; to: number }

/** Words from span `i` on, as long as only whitespace separates them. */
function runFrom(spans: Span[], i: number, text: string): string[] {
  const run = [spans[i]!.word];
  for (let j = i + 1; j < spans.length && run.length < MAX_PHRASE; j++) {
    if (!/^\s+$/.test(text.slice(spans[j - 1]!.to, spans[j]!.from))) break;
    run.push(spans[j]!.word);
  }
  return run;
}
