/**
 * English number words → value, for grounding English transcripts ("twenty
 * six" supports "26-year-old"). Swedish has its own parser in
 * evals/text/swedish-numbers.ts; this one is deliberately small: cardinals up
 * to the millions, "point" decimals, "and a half", once/twice.
 */

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000 };
const TIMES: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

const w = (words: readonly string[], i: number): string => (words[i] ?? '').toLowerCase();

/** Longest English number phrase at `start`; "a"/"and" only count inside a number. */
export function englishNumberToValue(words: readonly string[], start: number): { value: number; length: number } | null {
  const first = w(words, start);
  if (first in TIMES) return { value: TIMES[first]!, length: 1 };
  let total = 0;
  let group = 0;
  let i = start;
  let read = 0;
  let lastEnd = start;
  let sawTens = false;
  let sawUnit = false;
  for (; i < words.length; i++) {
    const word = w(words, i);
    if (word in UNITS && !sawUnit) {
      if (sawTens && UNITS[word]! >= 10) break;
      group += UNITS[word]!;
      sawUnit = true;
    } else if (word in TENS && !sawTens && !sawUnit) {
      group += TENS[word]!;
      sawTens = true;
    } else if (word in SCALES && (read > 0 || w(words, i - 1) === 'a')) {
      const scale = SCALES[word]!;
      if (scale === 100) group = (group || 1) * 100;
      else { total += (group || 1) * scale; group = 0; }
      sawTens = sawUnit = false;
    } else if (word === 'a' && read === 0 && w(words, i + 1) in SCALES) {
      continue;
    } else if (word === 'and' && read > 0 && (w(words, i + 1) in UNITS || w(words, i + 1) in TENS)) {
      continue;
    } else break;
    read++;
    lastEnd = i + 1;
  }
  if (read === 0) return null;
  let value = total + group;
  let end = lastEnd;
  if (w(words, end) === 'point') {
    const digits: string[] = [];
    let j = end + 1;
    while (w(words, j) in UNITS && UNITS[w(words, j)]! < 10) digits.push(String(UNITS[w(words, j++)]));
    if (digits.length > 0) { value = Number(`${value}.${digits.join('')}`); end = j; }
  } else if (w(words, end) === 'and' && w(words, end + 1) === 'a' && w(words, end + 2) === 'half') {
    value += 0.5;
    end += 3;
  }
  return { value, length: end - start };
}
