/**
 * Numbers with their spans: digits ("38,5", "140/90") and number words
 * ("trettioåtta komma fem", "hundrafyrtio över nittio", "twenty six"), so a
 * note's digits can be checked against what was said in words.
 */
import { swedishNumberToValue } from '../../text/swedish-numbers';
import { englishNumberToValue } from './numbers-en';
import { isNumeric, tokenize, type Token } from './text';
import type { Language } from './types';

export interface NumberMention {
  /** One value, or two for "140/90" and "140 över 90". */
  values: number[];
  start: number;
  end: number;
  text: string;
  /** The unit word right after the number, lower case, if any. */
  unit: string | null;
  /** The word right before the number, lower case, if any. */
  before: string | null;
}

/** Unit words the span of a number takes in ("7,5 mg", "3 dagar"); what they measure is read in quantities.ts. */
const UNIT_WORDS = new Set([
  'mg', 'g', 'mikrogram', 'µg', 'mcg', 'ug', 'ml', 'l', 'e', 'ie', 'enheter', 'units', 'mmol', 'mmhg', 'grader', 'degrees',
  'procent', 'percent', 'kg', 'milligram', 'gram', 'milliliter', 'slag', 'bpm', 'tabletter', 'tablett', 'tablets', 'tablet',
  'puffar', 'puffs', 'droppar', 'drops', 'mmol/l', 'celsius',
  'dagar', 'dag', 'dygn', 'veckor', 'vecka', 'månader', 'månad', 'år', 'timmar', 'timme', 'minuter',
  'gånger', 'gång', 'days', 'day', 'weeks', 'week', 'months', 'month', 'years', 'year', 'hours', 'hour', 'times', 'minutes',
  'cm', 'mm', 'x',
]);

const parseDigits = (s: string): number => Number(s.replace(',', '.'));

/** Tokens from `i` on that only whitespace separates (number phrases never cross punctuation). */
function whitespaceRun(tokens: readonly Token[], text: string, i: number, max = 14): string[] {
  const run = [tokens[i]!.text];
  for (let j = i + 1; j < tokens.length && run.length < max; j++) {
    if (!/^\s*$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
    run.push(tokens[j]!.text);
  }
  return run;
}

/** "covid-19", "B-12": a number glued to a word by a hyphen names a thing; it is not a quantity. */
function isIdentifierPart(tokens: readonly Token[], text: string, i: number, language: Language): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (text[t.start - 1] !== '-' || prev === undefined || prev.end !== t.start - 1 || isNumeric(prev.text)) return false;
  // "fem-sex år" is a spoken range, not a name.
  const word = language === 'sv' ? swedishNumberToValue([prev.text], 0) : englishNumberToValue([prev.text], 0);
  return word === null;
}

/** "8 000", "12 500": Swedish groups thousands with a space; the groups are one number. */
function readGrouped(tokens: readonly Token[], text: string, i: number): { value: number; length: number } | null {
  const t = tokens[i]!;
  if (!/^\d{1,3}$/.test(t.text)) return null;
  let digits = t.text;
  let j = i + 1;
  while (tokens[j] && /^\d{3}(?:,\d+)?$/.test(tokens[j]!.text) && /^[ \u00a0\u202f]$/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) {
    digits += tokens[j]!.text;
    j++;
    if (digits.includes(',')) break;
  }
  return j > i + 1 ? { value: parseDigits(digits), length: j - i } : null;
}

/** "typ 2", "type 1": the number names a kind, it is not an amount. */
const NAMES_A_TYPE = new Set(['typ', 'type']);

/** "1." or "2)" opening a line is list numbering. */
const isListMarker = (text: string, t: Token): boolean =>
  /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', t.start - 1) + 1, t.start)) && /^[.)]/.test(text.slice(t.end, t.end + 1));

function readValue(tokens: readonly Token[], text: string, i: number, language: Language): { value: number; length: number } | null {
  const t = tokens[i]!;
  if (isNumeric(t.text)) return readGrouped(tokens, text, i) ?? { value: parseDigits(t.text), length: 1 };
  const run = whitespaceRun(tokens, text, i);
  return language === 'sv' ? swedishNumberToValue(run, 0) : englishNumberToValue(run, 0);
}

/** Ordinals and number nouns say numbers too: "var femte minut" supports "var 5:e minut". */
const ORDINALS: Record<string, number> = {
  första: 1, andra: 2, tredje: 3, fjärde: 4, femte: 5, sjätte: 6, sjunde: 7, åttonde: 8, nionde: 9, tionde: 10,
  elfte: 11, tolfte: 12, first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8,
  ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  // Number nouns rate things in Swedish: "en sjua" on the pain scale, "en trea" in a grade.
  etta: 1, tvåa: 2, trea: 3, femma: 5, sexa: 6, sjua: 7, nia: 9, tia: 10, nolla: 0,
  ettan: 1, tvåan: 2, trean: 3, fyran: 4, femman: 5, sexan: 6, sjuan: 7, åttan: 8, nian: 9, tian: 10,
};

/** Values said as ordinal words; only used as support on the transcript side. */
export function ordinalValuesOf(tokens: readonly Token[]): number[] {
  return tokens.flatMap((t) => (t.lower in ORDINALS ? [ORDINALS[t.lower]!] : []));
}

export function extractNumbers(text: string, language: Language): NumberMention[] {
  const tokens = tokenize(text);
  const out: NumberMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = readValue(tokens, text, i, language);
    if (!first || isIdentifierPart(tokens, text, i, language) || isListMarker(text, tokens[i]!) || NAMES_A_TYPE.has(tokens[i - 1]?.lower ?? '')) { i++; continue; }
    // "8:30": hours and minutes, kept as 8.30 like "08.30" (the clock check compares them so).
    const colon = tokens[i + 1];
    if (isNumeric(tokens[i]!.text) && colon && /^\d{2}$/.test(colon.text) && text.slice(tokens[i]!.end, colon.start) === ':' && first.value <= 24) {
      out.push({ values: [first.value + Number(colon.text) / 100], start: tokens[i]!.start, end: colon.end, text: text.slice(tokens[i]!.start, colon.end), unit: null, before: tokens[i - 1]?.lower ?? null });
      i += 2;
      continue;
    }
    const values = [first.value];
    let last = i + first.length - 1;
    // "140/90" or "140 över 90" / "140 over 90": a pair read as one mention.
    const next = tokens[last + 1];
    const gap = next ? text.slice(tokens[last]!.end, next.start) : '';
    const overWord = next && (next.lower === 'över' || next.lower === 'over') && /^\s+$/.test(gap);
    if (next && (/^\s*\/\s*$/.test(gap) || overWord)) {
      const at = overWord ? last + 2 : last + 1;
      const second = tokens[at] ? readValue(tokens, text, at, language) : null;
      if (second) { values.push(second.value); last = at + second.length - 1; }
    }
    const after = tokens[last + 1];
    const unitGap = after ? text.slice(tokens[last]!.end, after.start) : '';
    const unit = after && /^\s?$/.test(unitGap) && UNIT_WORDS.has(after.lower) ? after.lower : null;
    const start = tokens[i]!.start;
    // The span covers the unit ("7,5 mg", "38,5°") so a reviewer sees what the number measures.
    let end = unit ? after!.end : tokens[last]!.end;
    if (!unit && /^\s?[%°]/.test(text.slice(end))) end = text.indexOf(text.slice(end).trimStart()[0]!, end) + 1;
    const before = tokens[i - 1]?.lower ?? null;
    out.push({ values, start, end, text: text.slice(start, end), unit, before });
    i = last + 1;
  }
  return out;
}
