import { describe, expect, it } from 'vitest';
import { readSvNumber } from '../../server/contracts/sv-number';
import { ProfessionAssumptionSchema } from '../../server/contracts/api/followup';
import { ModelSettingsSchema } from '../../server/contracts/workflow';
import { readNumberField, ruleOf } from '../../client/src/format/number-field';
import { gateBodyFromText } from '../../client/src/features/codesign/gate-form';
import { readMaxChars } from '../../client/src/features/codesign/max-chars';
import { readReadinessLineFields } from '../../client/src/features/training/readiness-line';
import { ReadinessLineSchema } from '../../server/contracts/training';

/** A mistyped number is an error to show, never an empty field (which can mean "no requirement" or "no time limit"). */
describe('number fields: empty is not invalid', () => {
  it('tells empty, a number and text that is no number apart', () => {
    expect(readSvNumber(' ')).toEqual({ kind: 'empty' });
    expect(readSvNumber('0,5')).toEqual({ kind: 'number', value: 0.5 });
    for (const t of ['abc', 'tio', '12a', ',']) expect(readSvNumber(t)).toEqual({ kind: 'invalid' });
  });

  it('reads a field once: empty, a number, or the one message to show under it', () => {
    const whole = { integer: true, example: '10' };
    expect(readNumberField('tio', whole)).toEqual({ kind: 'invalid', message: 'Ange ett heltal, till exempel 10.' });
    expect(readNumberField('2,5', whole)).toEqual({ kind: 'invalid', message: 'Ange ett heltal, till exempel 10.' });
    expect(readNumberField('abc', { example: '0,5' })).toEqual({ kind: 'invalid', message: 'Ange ett tal, till exempel 0,5.' });
    expect(readNumberField('', whole)).toEqual({ kind: 'empty' });
    expect(readNumberField('', { ...whole, required: true })).toEqual({ kind: 'invalid', message: 'Fyll i ett heltal, till exempel 10.' });
    expect(readNumberField('1 200', whole)).toEqual({ kind: 'number', value: 1200 });
  });

  it('the workflow editor\'s model settings take the contract\'s bounds: "Längsta svar" no longer goes through Number()', () => {
    const maxTokens = ruleOf(ModelSettingsSchema.shape.maxTokens.unwrap(), '1500', { required: true });
    // Number('1 500') was NaN and Number('') was 0: both reached the server
    expect(readNumberField('1 500', maxTokens)).toEqual({ kind: 'number', value: 1500 });
    expect(readNumberField('', maxTokens)).toEqual({ kind: 'invalid', message: 'Fyll i ett heltal, till exempel 1500.' });
    expect(readNumberField('0', maxTokens)).toEqual({ kind: 'invalid', message: 'Ange ett heltal från 1 till 32 000.' });
    const temperature = ruleOf(ModelSettingsSchema.shape.temperature.unwrap(), '0,2', { required: true });
    expect(readNumberField('2,5', temperature)).toEqual({ kind: 'invalid', message: 'Ange ett tal från 0 till 2.' });
    expect(readNumberField('0,7', temperature)).toEqual({ kind: 'number', value: 0.7 });
  });

  it('the assumptions take the limits the server checks, the share typed as percent', () => {
    const percent = ruleOf(ProfessionAssumptionSchema.shape.suitableShare, '62,5', { scale: 100 });
    expect(percent).toMatchObject({ min: 0, max: 100, integer: false });
    expect(readNumberField('62,5', percent)).toEqual({ kind: 'number', value: 62.5 });
    expect(ruleOf(ProfessionAssumptionSchema.shape.notesPerYear, '20 000')).toMatchObject({ min: 0, max: 10_000_000, integer: true });
  });

  it('the workflow editor\'s "Max tecken": empty is no limit, "abc" or 2,5 is an error, never no limit', () => {
    expect(readMaxChars('')).toEqual({ kind: 'empty' });
    expect(readMaxChars('1 200')).toEqual({ kind: 'number', value: 1200 });
    for (const t of ['abc', '2,5', '12a']) expect(readMaxChars(t)).toEqual({ kind: 'invalid', message: 'Ange ett heltal, till exempel 400.' });
    for (const t of ['0', '20 000', '-5']) expect(readMaxChars(t)).toEqual({ kind: 'invalid', message: 'Ange ett heltal från 1 till 10 000.' });
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

/** The dashboard's readiness line is typed in percent and stored as shares 0–1. */
describe('readiness line: percent fields', () => {
  it('says a limit in percent ("150" is over 100 %, not over 1) and sends nothing', () => {
    const read = readReadinessLineFields({ minTrainedShare: '150', minCriticalDetection: 'åttio' });
    expect(read).toEqual({ ok: false, errors: { minTrainedShare: 'Ange ett tal från 0 till 100 %.', minCriticalDetection: 'Ange ett tal, till exempel 80.' } });
    expect(readReadinessLineFields({ minTrainedShare: '', minCriticalDetection: '-1' })).toEqual({
      ok: false,
      errors: { minTrainedShare: 'Fyll i ett tal, till exempel 80.', minCriticalDetection: 'Ange ett tal från 0 till 100 %.' },
    });
  });

  it('maps 0–100 to the share the server stores, bounds included', () => {
    expect(readReadinessLineFields({ minTrainedShare: '100', minCriticalDetection: '0' })).toEqual({ ok: true, line: { minTrainedShare: 1, minCriticalDetection: 0 } });
    const read = readReadinessLineFields({ minTrainedShare: '62,5', minCriticalDetection: '80' });
    expect(read).toEqual({ ok: true, line: { minTrainedShare: 0.625, minCriticalDetection: 0.8 } });
    if (read.ok) expect(ReadinessLineSchema.safeParse(read.line).success).toBe(true);
  });
});
