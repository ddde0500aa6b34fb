import { describe, expect, it } from 'vitest';
import { swedishNumbersToDigits, swedishNumberToValue } from '../../evals/text/swedish-numbers';

const words = (s: string) => s.split(' ');

describe('swedishNumberToValue', () => {
  it.each([
    ['noll', 0, 1],
    ['fem', 5, 1],
    ['tolv', 12, 1],
    ['tjugofem', 25, 1],
    ['tjugo fem', 25, 2],
    ['trettioåtta', 38, 1],
    ['hundrafyrtio', 140, 1],
    ['etthundrafyrtio', 140, 1],
    ['tvåhundrafemtio', 250, 1],
    ['två hundra femtio', 250, 3],
    ['tusen', 1000, 1],
    ['ettusen', 1000, 1],
    ['tvåtusentjugofem', 2025, 1],
    ['två tusen tjugofem', 2025, 3],
    ['nittonhundranittiotre', 1993, 1],
    ['hundra tusen', 100000, 2],
    ['tre miljoner', 3000000, 2],
    ['trettioåtta komma fem', 38.5, 3],
    ['noll komma noll fem', 0.05, 4],
    ['sju komma tjugofem', 7.25, 3],
    ['en komma fem', 1.5, 3],
    ['två och en halv', 2.5, 4],
    ['ett och ett halvt', 1.5, 4],
    ['en halv', 0.5, 2],
    ['ett halvt', 0.5, 2],
    ['halvannan', 1.5, 1],
    ['en hundra', 100, 2],
    ['förti', 40, 1],
    ['Trettiosju', 37, 1],
    ['140', 140, 1],
    ['38,5', 38.5, 1],
  ])('%s → %d (%d words)', (phrase, value, length) => {
    expect(swedishNumberToValue(words(phrase), 0)).toEqual({ value, length });
  });

  it('reads the longest phrase and stops at the first non-number word', () => {
    expect(swedishNumberToValue(words('fyrtio två tabletter'), 0)).toEqual({ value: 42, length: 2 });
    expect(swedishNumberToValue(words('tar fem tabletter'), 1)).toEqual({ value: 5, length: 1 });
  });

  it('never adds two unit words together', () => {
    expect(swedishNumberToValue(words('fem fem'), 0)).toEqual({ value: 5, length: 1 });
    expect(swedishNumberToValue(words('tjugo trettio'), 0)).toEqual({ value: 20, length: 1 });
  });

  it('treats a bare en/ett as the article, not as one', () => {
    expect(swedishNumberToValue(words('en tablett'), 0)).toBeNull();
    expect(swedishNumberToValue(words('ett år'), 0)).toBeNull();
    expect(swedishNumberToValue(words('en'), 0)).toBeNull();
  });

  it('does not read parts of ordinary words', () => {
    for (const w of ['sexig', 'felvärde', 'tredje', 'första', 'entré', 'elvaåring', 'komma']) {
      expect(swedishNumberToValue([w], 0), w).toBeNull();
    }
  });

  it('returns null past the end', () => {
    expect(swedishNumberToValue(['fem'], 1)).toBeNull();
  });
});

describe('swedishNumbersToDigits', () => {
  it.each([
    ['Blodtrycket är hundrafyrtio över nittio.', 'Blodtrycket är 140/90.'],
    ['blodtryck etthundratjugo över åttio', 'blodtryck 120/80'],
    ['140 över 90', '140/90'],
    ['Temp trettioåtta komma fem grader', 'Temp 38,5 grader'],
    ['Han är tjugofem år', 'Han är 25 år'],
    ['Under år två tusen tjugofem', 'Under år 2025'],
    ['ta en halv tablett', 'ta 0,5 tablett'],
    ['ta en tablett', 'ta en tablett'],
    ['i ett och ett halvt år', 'i 1,5 år'],
    ['två och en halv vecka', '2,5 vecka'],
    ['tvåhundrafemtio milligram', '250 milligram'],
    ['fem, sex eller sju dagar', '5, 6 eller 7 dagar'],
    ['Sex tabletter', '6 tabletter'],
    ['saturation nittiosju procent', 'saturation 97 procent'],
    ['temp 38.5', 'temp 38,5'],
    ['CRP under fem', 'CRP under 5'],
  ])('%s', (input, expected) => {
    expect(swedishNumbersToDigits(input)).toBe(expected);
  });

  it('keeps clock times ("fem över tre") from becoming blood pressures', () => {
    expect(swedishNumbersToDigits('kom fem över tre')).toBe('kom 5 över 3');
    expect(swedishNumbersToDigits('kvart över åtta')).toBe('kvart över 8');
  });

  it('does not join numbers across punctuation', () => {
    expect(swedishNumbersToDigits('tjugo. fem')).toBe('20. 5');
  });

  it('leaves text without numbers unchanged', () => {
    const text = 'Patienten söker för hosta och snuva sedan i måndags.';
    expect(swedishNumbersToDigits(text)).toBe(text);
  });
});
