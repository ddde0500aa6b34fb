import { describe, expect, it } from 'vitest';
import { normalizeEnglish } from '../../evals/normalizers/english';
import { parseFraction } from '../../evals/normalizers/english/value';

describe('english normaliser (Whisper EnglishTextNormalizer as used by the Omi benchmark)', () => {
  it.each([
    // contractions, spoken numbers, "and" inside numbers
    ["I'm gonna take two hundred and fifty milligrams.", 'i am going to take 250 milligrams'],
    ['one thousand two hundred and thirty four', '1234'],
    ['the 1960s, the twenty first', 'the 1960s the 21st'],
    ['double seven', '77'],
    // "oh" stays a word (Omi's fix); "one" alone is written out again
    ['one oh one', 'one oh one'],
    ['one', 'one'],
    // brackets, parentheses and fillers disappear
    ['The colour of the [inaudible] hmm rash (unclear)', 'the color of the rash'],
    ['mhm uh um mmm', ''],
    // titles, British → American spelling, diacritics
    ["Dr. Smith won't see you", 'doctor smith will not see you'],
    ['café naïve Ærø', 'cafe naive aero'],
    // conversational word map
    ['Yeah, yep, nope, alright, kinda', 'yes yes no all right kind of'],
    ['Oh, okay. Mum said it is fine.', 'oh ok mom said it is fine'],
    // currency words become a symbol that the WER tokeniser then deletes
    ['twenty-five pounds', '25'],
    // "and a half" after a number word becomes "point five"; the benchmark's
    // tokeniser then deletes the decimal point (a quirk kept for exactness)
    ['two and a half weeks', '25 weeks'],
    ['It was 3.5% higher, about $20 million', 'it was 35 higher about 20000000'],
  ])('%s', (input, expected) => {
    expect(normalizeEnglish(input)).toBe(expected);
  });
});

describe('parseFraction (Python Fraction(str) for decimals)', () => {
  it.each([
    ['12', 12n, 1n],
    ['2.50', 5n, 2n],
    ['1.', 1n, 1n],
    ['.5', 1n, 2n],
    ['0', 0n, 1n],
  ])('%s', (s, num, den) => {
    expect(parseFraction(s)).toEqual({ num, den });
  });

  it('rejects what Python rejects', () => {
    expect(parseFraction('1.2.3')).toBeNull();
    expect(parseFraction('$5')).toBeNull();
  });
});
