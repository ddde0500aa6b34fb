import { describe, expect, it } from 'vitest';
import { readSvNumber, svNumberError } from '../../server/contracts/sv-number';
import { gateBodyFromText } from '../../client/src/features/codesign/gate-form';
import { readMaxChars } from '../../client/src/features/codesign/max-chars';

/** A mistyped number is an error to show, never an empty field (which can mean "no requirement" or "no time limit"). */
describe('number fields: empty is not invalid', () => {
  it('tells empty, a number and text that is no number apart', () => {
    expect(readSvNumber(' ')).toEqual({ kind: 'empty' });
    expect(readSvNumber('0,5')).toEqual({ kind: 'number', value: 0.5 });
    for (const t of ['abc', 'tio', '12a', ',']) expect(readSvNumber(t)).toEqual({ kind: 'invalid' });
    expect(svNumberError('tio', true)).toMatch(/^Ange ett heltal/);
    expect(svNumberError('2,5', true)).toMatch(/^Ange ett heltal/);
    expect(svNumberError('abc')).toMatch(/^Ange ett tal/);
    expect(svNumberError('')).toBeUndefined();
    expect(svNumberError('12', true)).toBeUndefined();
  });

  it('the workflow editor\'s "Max tecken": empty is no limit, "abc" or 2,5 is an error, never no limit', () => {
    expect(readMaxChars('')).toEqual({ value: undefined });
    expect(readMaxChars('1 200')).toEqual({ value: 1200 });
    for (const t of ['abc', '2,5', '12a']) expect(readMaxChars(t)).toEqual({ error: 'Ange ett heltal, till exempel 400.' });
    for (const t of ['0', '20 000', '-5']) expect(readMaxChars(t)).toEqual({ error: 'Ange ett heltal från 1 till 10 000.' });
  });

  it('the gate form refuses "abc" for critical flags, names the field, and sends no null for it', () => {
    const typed = gateBodyFromText({ maxCriticalFlagsPerCase: 'abc', minAlpha: '0,67', minKeyFactRecall: '' }, true);
    expect(typed).toEqual({ errors: { maxCriticalFlagsPerCase: 'Ange ett heltal, till exempel 10.' } });
  });

  it('the gate form turns a requirement off only for an empty field, and says so in notChecked', () => {
    const typed = gateBodyFromText({ maxCriticalFlagsPerCase: '0', minAlpha: '0,67', minKeyFactRecall: '80', minRaters: '3', minMeanPdqi: '3,5' }, true);
    if (!('body' in typed)) throw new Error('expected a body');
    expect(typed.body).toMatchObject({ maxCriticalFlagsPerCase: 0, minAlpha: 0.67, minKeyFactRecall: 0.8, minRaters: 3, keyFactRecallNotBelowProduktion: true });
    expect(typed.body.notChecked.sort()).toEqual(['minCriticalKeyFactRecall', 'minTrainedShare', 'minTrainingDetection']);
    expect(typed.body.minTrainedShare).toBeNull();
  });
});
