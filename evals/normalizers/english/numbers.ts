/**
 * Spoken English numbers → digits: a TypeScript rewrite of Whisper's
 * `EnglishNumberNormalizer` (MIT, OpenAI) in the variant the Omi medical STT
 * benchmark uses, which differs from Whisper in two ways:
 * - "oh" is an interjection in conversation, never the digit 0;
 * - no "half a million" → "0.5 million" pre-pass (an older Whisper release).
 * Quirks of the original are kept on purpose ("nineth" but not "ninth" is an
 * ordinal; "one two" becomes "12") because published WER figures depend on
 * them. Integers are BigInt: the multiplier table goes up to 10^33.
 */
import { B_END, B_START, re } from './regex';
import { parseFraction, type Value } from './value';

const ONES_NAMES = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const ZEROS = new Set(['o', 'zero']);
const ONES = new Map(ONES_NAMES.map((name, i) => [name, i + 1]));

type Suffixed = readonly [number, string];
const ONES_SUFFIXED = new Map<string, Suffixed>([
  ...ONES_NAMES.map((name, i): [string, Suffixed] => [name === 'six' ? 'sixes' : `${name}s`, [i + 1, 's']]),
  ['zeroth', [0, 'th']], ['first', [1, 'st']], ['second', [2, 'nd']], ['third', [3, 'rd']],
  ['fifth', [5, 'th']], ['twelfth', [12, 'th']],
  ...ONES_NAMES.map((name, i): [string, Suffixed] => [name + (name.endsWith('t') ? 'h' : 'th'), [i + 1, 'th']])
    .filter(([, [v]]) => v > 3 && v !== 5 && v !== 12),
]);

const TENS = new Map([['twenty', 20], ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60],
  ['seventy', 70], ['eighty', 80], ['ninety', 90]]);
const TENS_SUFFIXED = new Map<string, Suffixed>([
  ...[...TENS].map(([name, v]): [string, Suffixed] => [name.replace('y', 'ies'), [v, 's']]),
  ...[...TENS].map(([name, v]): [string, Suffixed] => [name.replace('y', 'ieth'), [v, 'th']]),
]);

const MULTIPLIER_NAMES = ['hundred', 'thousand', 'million', 'billion', 'trillion', 'quadrillion', 'quintillion',
  'sextillion', 'septillion', 'octillion', 'nonillion', 'decillion'];
const MULTIPLIERS = new Map(MULTIPLIER_NAMES.map((name, i) => [name, i === 0 ? 100n : 1000n ** BigInt(i)]));
const MULTIPLIERS_SUFFIXED = new Map<string, readonly [bigint, string]>([
  ...[...MULTIPLIERS].map(([name, v]): [string, readonly [bigint, string]] => [`${name}s`, [v, 's']]),
  ...[...MULTIPLIERS].map(([name, v]): [string, readonly [bigint, string]] => [`${name}th`, [v, 'th']]),
]);
const DECIMALS = new Set([...ONES.keys(), ...TENS.keys(), ...ZEROS]);

const PRECEDING_PREFIXERS = new Map([['minus', '-'], ['negative', '-'], ['plus', '+'], ['positive', '+']]);
const FOLLOWING_PREFIXERS = new Map([['pound', '£'], ['pounds', '£'], ['euro', '€'], ['euros', '€'],
  ['dollar', '$'], ['dollars', '$'], ['cent', '¢'], ['cents', '¢']]);
const PREFIXES = new Set([...PRECEDING_PREFIXERS.values(), ...FOLLOWING_PREFIXERS.values()]);
const SPECIALS = new Set(['and', 'double', 'triple', 'point']);
const SUFFIXERS = new Set(['per', 'percent']);

const WORDS = new Set<string>([
  ...ZEROS, ...ONES.keys(), ...ONES_SUFFIXED.keys(), ...TENS.keys(), ...TENS_SUFFIXED.keys(),
  ...MULTIPLIERS.keys(), ...MULTIPLIERS_SUFFIXED.keys(), ...PRECEDING_PREFIXERS.keys(),
  ...FOLLOWING_PREFIXERS.keys(), ...SUFFIXERS, ...SPECIALS,
]);

const NUMERIC = /^\d+(\.\d+)?$/;
const str = (v: Value): string => String(v ?? '');
/** Python truthiness of the value ("value or ''"): null and 0 are false. */
const orEmpty = (v: Value): string => (v === null || v === 0n ? '' : String(v));

function appendOnes(value: Value, prev: string | undefined, ones: number): Value {
  if (value === null) return BigInt(ones);
  if (typeof value === 'string' || (prev !== undefined && ONES.has(prev))) {
    const s = String(value);
    // "twenty one" read digit by digit: replace the tens' trailing zero.
    if (prev !== undefined && TENS.has(prev) && ones < 10 && s.endsWith('0')) return s.slice(0, -1) + ones;
    return s + ones;
  }
  if (ones < 10) return value % 10n === 0n ? value + BigInt(ones) : `${value}${ones}`;
  return value % 100n === 0n ? value + BigInt(ones) : `${value}${ones}`;
}

function processWords(words: string[]): string[] {
  const out: string[] = [];
  let prefix: string | null = null;
  let value: Value = null;
  let skip = false;
  const output = (result: Value | string): void => {
    const s = str(result);
    out.push(prefix !== null ? prefix + s : s);
    value = null;
    prefix = null;
  };

  for (let i = 0; i < words.length; i++) {
    const prev = words[i - 1];
    const current = words[i]!;
    const next = words[i + 1];
    if (skip) { skip = false; continue; }

    const nextIsNumeric = next !== undefined && NUMERIC.test(next);
    const hasPrefix = PREFIXES.has(current[0]!);
    const withoutPrefix = hasPrefix ? current.slice(1) : current;

    if (NUMERIC.test(withoutPrefix)) {
      const f = parseFraction(withoutPrefix)!;
      if (value !== null) {
        if (typeof value === 'string' && value.endsWith('.')) {
          value = value + current; // decimals / ip address components
          continue;
        }
        output(value);
      }
      prefix = hasPrefix ? current[0]! : prefix;
      value = f.den === 1n ? f.num : withoutPrefix;
    } else if (!WORDS.has(current)) {
      if (value !== null) output(value);
      output(current);
    } else if (ZEROS.has(current)) {
      value = `${orEmpty(value)}0`;
    } else if (ONES.has(current)) {
      value = appendOnes(value, prev, ONES.get(current)!);
    } else if (ONES_SUFFIXED.has(current)) {
      const [ones, suffix] = ONES_SUFFIXED.get(current)!;
      output(value === null ? `${ones}${suffix}` : `${str(appendOnes(value, prev, ones))}${suffix}`);
    } else if (TENS.has(current)) {
      const tens = BigInt(TENS.get(current)!);
      if (value === null) value = tens;
      else if (typeof value === 'string') value = value + tens;
      else value = value % 100n === 0n ? value + tens : `${value}${tens}`;
    } else if (TENS_SUFFIXED.has(current)) {
      const [t, suffix] = TENS_SUFFIXED.get(current)!;
      const tens = BigInt(t);
      if (value === null) output(`${tens}${suffix}`);
      else if (typeof value === 'string') output(`${value}${tens}${suffix}`);
      else output(`${value % 100n === 0n ? value + tens : `${value}${tens}`}${suffix}`);
    } else if (MULTIPLIERS.has(current)) {
      const multiplier = MULTIPLIERS.get(current)!;
      if (value === null) value = multiplier;
      else if (typeof value === 'string' || value === 0n) {
        const f = parseFraction(String(value));
        if (f && (f.num * multiplier) % f.den === 0n) value = (f.num * multiplier) / f.den;
        else { output(value); value = multiplier; }
      } else {
        value = (value / 1000n) * 1000n + (value % 1000n) * multiplier;
      }
    } else if (MULTIPLIERS_SUFFIXED.has(current)) {
      const [multiplier, suffix] = MULTIPLIERS_SUFFIXED.get(current)!;
      if (value === null) output(`${multiplier}${suffix}`);
      else if (typeof value === 'string') {
        const f = parseFraction(value);
        if (f && (f.num * multiplier) % f.den === 0n) output(`${(f.num * multiplier) / f.den}${suffix}`);
        else { output(value); output(`${multiplier}${suffix}`); }
      } else {
        output(`${(value / 1000n) * 1000n + (value % 1000n) * multiplier}${suffix}`);
      }
      value = null;
    } else if (PRECEDING_PREFIXERS.has(current)) {
      if (value !== null) output(value);
      if ((next !== undefined && WORDS.has(next)) || nextIsNumeric) prefix = PRECEDING_PREFIXERS.get(current)!;
      else output(current);
    } else if (FOLLOWING_PREFIXERS.has(current)) {
      if (value !== null) { prefix = FOLLOWING_PREFIXERS.get(current)!; output(value); }
      else output(current);
    } else if (SUFFIXERS.has(current)) {
      if (value === null) output(current);
      else if (current === 'percent') output(`${value}%`);
      else if (next === 'cent') { output(`${value}%`); skip = true; }
      else { output(value); output(current); }
    } else if (!((next !== undefined && WORDS.has(next)) || nextIsNumeric)) {
      // A special word ("and", "double", "point") only matters before a number.
      if (value !== null) output(value);
      output(current);
    } else if (current === 'and') {
      // "and" after hundred/thousand… belongs to the number and is dropped.
      if (prev === undefined || !MULTIPLIERS.has(prev)) {
        if (value !== null) output(value);
        output(current);
      }
    } else if (current === 'double' || current === 'triple') {
      if (next !== undefined && (ONES.has(next) || ZEROS.has(next))) {
        const repeats = current === 'double' ? 2 : 3;
        value = orEmpty(value) + String(ONES.get(next) ?? 0).repeat(repeats);
        skip = true;
      } else {
        if (value !== null) output(value);
        output(current);
      }
    } else if (next !== undefined && (DECIMALS.has(next) || nextIsNumeric)) {
      value = `${orEmpty(value)}.`; // "point"; before other number words it is dropped, as in Whisper
    }
  }
  if (value !== null) output(value);
  return out;
}

const AND_A_HALF = re(`${B_START}and\\s+a\\s+half${B_END}`);

/** "<number> and a half" → "<number> point five"; spaces at letter/digit boundaries. */
function preprocess(s: string): string {
  const results: string[] = [];
  const segments = s.split(AND_A_HALF);
  segments.forEach((segment, i) => {
    if (segment.trim().length === 0) return;
    results.push(segment);
    if (i === segments.length - 1) return;
    const lastWord = segment.trim().split(/\s+/).pop()!;
    results.push(DECIMALS.has(lastWord) || MULTIPLIERS.has(lastWord) ? 'point five' : 'and a half');
  });
  return results.join(' ')
    .replace(/([a-z])([0-9])/g, '$1 $2')
    .replace(/([0-9])([a-z])/g, '$1 $2')
    .replace(re(`([0-9])\\s+(st|nd|rd|th|s)${B_END}`), '$1$2');
}

const COMBINE_CENTS = re(`([€£$])([0-9]+) (?:and )?¢([0-9]{1,2})${B_END}`);
const EXTRACT_CENTS = re(`[€£$]0.([0-9]{1,2})${B_END}`);
const ONE = re(`${B_START}1(s?)${B_END}`);

function postprocess(s: string): string {
  return s
    .replace(COMBINE_CENTS, (_m, currency: string, integer: string, cents: string) => `${currency}${integer}.${cents.padStart(2, '0')}`)
    .replace(EXTRACT_CENTS, (_m, cents: string) => `¢${Number(cents)}`)
    .replace(ONE, 'one$1');
}

export function standardizeNumbers(s: string): string {
  const words = preprocess(s).split(/\s+/).filter((w) => w.length > 0);
  return postprocess(processWords(words).join(' '));
}
