import { describe, expect, it } from 'vitest';
import type { Results } from '../../server/contracts/api/ratings';
import { preferenceAgreementSentence } from '../../client/src/features/codesign/round-words';
import { readScheduleNumbers } from '../../client/src/features/followup/schedule-form';
import { savedMessage, savedSentence } from '../../client/src/features/recording/status-words';

/** Slips a new user met: English-shaped type errors and plurals after "1". */
describe('Swedish in the forms and status lines', () => {
  it('the schedule form says "Ange ett heltal" for letters in a number field, never zod\'s "Fel typ (förväntade tal)"', () => {
    expect(readScheduleNumbers({ periodDays: 'sju', periods: '8' })).toEqual({ ok: false, errors: { periodDays: 'Ange ett heltal, till exempel 7.' } });
    expect(readScheduleNumbers({ periodDays: '7', periods: '' })).toEqual({ ok: false, errors: { periods: 'Fyll i ett heltal, till exempel 8.' } });
    // the bounds stay the server's ("Högst 90 dagar"): a number out of them is sent as typed
    expect(readScheduleNumbers({ periodDays: '120', periods: ' 8 ' })).toEqual({ ok: true, values: { periodDays: 120, periods: 8 } });
  });

  it('one pending part is "1 del", several are "delar"', () => {
    expect(savedSentence(1)).toBe('1 del väntar på att skickas');
    expect(savedSentence(3)).toBe('3 delar väntar på att skickas');
    expect(savedSentence(0)).toBe('allt ljud är sparat på servern');
  });

  it('says a stopped recording is being transcribed only while it is (not after a failure or when done)', () => {
    expect(savedMessage('transcribing')).toBe('Inspelningen är sparad och transkriberas.');
    expect(savedMessage('waiting')).toBe('Inspelningen är sparad. Väntar på taligenkänningsmodell.');
    for (const state of ['failed', 'transcribed', 'deleted', null] as const) expect(savedMessage(state)).toBe('Inspelningen är sparad.');
  });

  it('agreement over one test case is not "i alla 1 testfallen"', () => {
    const results = (units: number, split: number) => ({ disagreements: { preference: { units, split } } }) as unknown as Results;
    expect(preferenceAgreementSentence(results(1, 0))).toBe('Om vilken anteckning som var bäst var alla överens i det enda testfallet.');
    expect(preferenceAgreementSentence(results(4, 0))).toBe('Om vilken anteckning som var bäst var alla överens i alla 4 testfallen.');
  });
});
