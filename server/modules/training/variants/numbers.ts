import type { Candidate, Rule } from './types';
import { closestTurn, sentenceAround } from './types';

/**
 * Number and unit swaps. A number with a unit becomes another plausible
 * number (a dose doubled, a pressure 20 higher, a temperature a degree off,
 * a duration longer), or keeps its number with a neighbouring unit (mg ↔ g,
 * dagar → veckor). Dose units make it a "wrong drug or dose" error, anything
 * else a "wrong number". Spelled-out counts before a time unit ("tre dagar")
 * are swapped too, since drafts often keep the words that were said.
 */
const UNITS = String.raw`mg|mikrogram|g|ml|E|enheter|tabletter|tablett|kg|cm|mm|mmHg|mmol\/l|grader|°C|%|procent|slag\/min|slag|dagar|dygn|veckor|månader|år|timmar|minuter|gånger|kilo|meter|steg`;
const NUMBER_UNIT = new RegExp(String.raw`(?<![\p{L}\p{N},./-])(\d+(?:[,.]\d+)?)(\s?)(${UNITS})(?![\p{L}])`, 'gu');
const DOSE_UNITS = new Set(['mg', 'mikrogram', 'g', 'ml', 'E', 'enheter', 'tabletter', 'tablett']);
const UNIT_SWAP: Record<string, string> = { mg: 'g', g: 'mg', mikrogram: 'mg', ml: 'l', dagar: 'veckor', veckor: 'månader', månader: 'år', timmar: 'dagar', minuter: 'timmar', E: 'ml' };
const WORDS = ['en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio'];
const WORD_UNIT = new RegExp(String.raw`(?<![\p{L}])(två|tre|fyra|fem|sju|åtta|nio|tio)(\s)(dagar|dygn|veckor|månader|år|timmar|gånger|tabletter|kilo|minuter|nätter)(?![\p{L}])`, 'giu');

/** A wrong value that is still believable: same magnitude, clearly different. */
export function wrongValue(value: string, unit: string): string {
  const decimal = /[,.]/.exec(value)?.[0];
  const x = Number(value.replace(',', '.'));
  let y: number;
  if (decimal) y = unit === 'grader' || unit === '°C' ? (x >= 38 ? x - 1.6 : x + 1.8) : x + Math.max(1, Math.round(x * 0.3));
  else if (DOSE_UNITS.has(unit)) y = x * 2;
  else if (x >= 40) y = x + (x >= 100 ? 20 : 10);
  else if (x <= 3) y = x + 2;
  else y = x * 2;
  const text = decimal ? y.toFixed(value.split(/[,.]/)[1]!.length) : String(Math.round(y));
  return decimal ? text.replace('.', decimal) : text;
}

export const numberSwaps: Rule = ({ data, free }) =>
  data.draft.flatMap((section, s) => {
    const out: Candidate[] = [];
    let n = 0;
    for (const m of section.text.matchAll(NUMBER_UNIT)) {
      const [all, value, space, unit] = m as unknown as [string, string, string, string];
      const start = m.index;
      if (!free(s, start, start + all.length)) continue;
      const sentence = sentenceAround(section.text, start);
      const said = section.text.slice(sentence.start, sentence.end).trim();
      const dose = DOSE_UNITS.has(unit);
      // Alternate: even numbers get a new value, odd ones a new unit where one fits.
      const swapUnit = n++ % 2 === 1 && UNIT_SWAP[unit] !== undefined;
      const replacement = swapUnit ? `${value}${space}${UNIT_SWAP[unit]}` : `${wrongValue(value, unit)}${space}${unit}`;
      out.push({
        key: `${swapUnit ? 'unit' : 'number'}-${s}-${start}`, rule: swapUnit ? 'unit-swap' : 'number-swap', kind: dose ? 'drug' : 'number',
        section: s, start, end: start + all.length, original: all, replacement, said, turn: closestTurn(data.turns, said),
      });
    }
    for (const m of section.text.matchAll(WORD_UNIT)) {
      const [all, word, space, unit] = m as unknown as [string, string, string, string];
      const start = m.index;
      if (!free(s, start, start + all.length)) continue;
      const i = WORDS.indexOf(word.toLocaleLowerCase('sv'));
      const other = WORDS[i <= 4 ? i * 2 + 1 : i - 3]!;
      const replacement = `${word[0] === word[0]!.toLocaleUpperCase('sv') ? other[0]!.toLocaleUpperCase('sv') + other.slice(1) : other}${space}${unit}`;
      const sentence = sentenceAround(section.text, start);
      const said = section.text.slice(sentence.start, sentence.end).trim();
      out.push({ key: `number-${s}-${start}`, rule: 'number-swap', kind: 'number', section: s, start, end: start + all.length, original: all, replacement, said, turn: closestTurn(data.turns, said) });
    }
    return out;
  });
