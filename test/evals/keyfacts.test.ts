import { describe, expect, it } from 'vitest';
import { keyFactRecall } from '../../evals/metrics/keyfacts';

describe('keyFactRecall', () => {
  const note = 'Aktuellt: Smärtan i vänster knä började för tre veckor sedan. Ingen feber. Knät har vikit sig två gånger.\nPlanering: Remiss till ortopeden.';

  it('matches across inflection, word order and number words, and separates critical facts', () => {
    const r = keyFactRecall(note, [
      { text: 'knäsmärta vänster sedan 3 veckor', critical: true },
      { text: 'ingen feber', critical: true },
      { text: 'remiss ortoped', critical: false },
      { text: 'knät viker sig 5 gånger', critical: false },
      { text: 'röker inte', critical: false },
    ], 'sv');
    expect(r.facts.map((f) => f.covered)).toEqual([true, true, true, false, false]);
    expect(r.criticalRecall).toBe(1);
    expect(r.nonCriticalRecall).toBeCloseTo(1 / 3, 10);
    expect(r.recall).toBeCloseTo(3 / 5, 10);
  });

  it('needs a negated mention for a negated fact', () => {
    const r = keyFactRecall('Feber sedan igår.', [{ text: 'Ingen feber', critical: true }], 'sv');
    expect(r.facts[0]!.covered).toBe(false);
  });

  it('works in English and ignores facts without content', () => {
    const r = keyFactRecall('Vomiting since Monday, no blood in vomit. Diarrhea for 3 days.', [
      { text: 'Vomited', critical: true },
      { text: '*no blood', critical: true },
      { text: 'diarrhoea 3 days', critical: true },
      { text: '*and', critical: false },
    ], 'en');
    expect(r.facts.map((f) => f.covered)).toEqual([true, true, true, false]);
    expect(r.evaluable).toBe(3);
    expect(r.recall).toBe(1);
    expect(r.nonCriticalRecall).toBeNaN();
  });
});
