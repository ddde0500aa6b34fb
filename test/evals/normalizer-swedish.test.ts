import { describe, expect, it } from 'vitest';
import { getNormalizer } from '../../evals/normalizers';
import { normalizeSwedish } from '../../evals/normalizers/swedish';

describe('swedish normaliser', () => {
  it.each([
    ['Eh, blodtrycket är hundrafyrtio över nittio.', 'blodtrycket är 140/90'],
    ['Blodtrycket är 140/90.', 'blodtrycket är 140/90'],
    ['Temp trettioåtta komma fem, öh, grader.', 'temp 38,5 grader'],
    ['Temp 38,5 grader.', 'temp 38,5 grader'],
    ['Hon är tjugofem år.', 'hon är 25 år'],
    ['Han sa det till mej sen, o så.', 'han sa det till mig sedan och så'],
    ['Har du nån hosta? Mm. Hmm, ähm, nåt.', 'har du någon hosta något'],
    ['[skratt] Okej, det låter bra (ohörbart).', 'ok det låter bra'],
    ['Ta en tablett, kl. 08:30.', 'ta en tablett kl 08:30'],
  ])('%s', (input, expected) => {
    expect(normalizeSwedish(input)).toBe(expected);
  });

  it('makes spoken and written numbers the same words', () => {
    expect(normalizeSwedish('saturation nittiosju procent')).toBe(normalizeSwedish('Saturation 97 procent.'));
  });

  it('keeps å, ä and ö (and composes decomposed ones)', () => {
    expect(normalizeSwedish('Förstoppning, ma\u0308rta')).toBe('förstoppning märta');
  });
});

describe('none normaliser', () => {
  it('is the identity', () => {
    expect(getNormalizer('none')('Eh, Blodtrycket.')).toBe('Eh, Blodtrycket.');
  });
});
