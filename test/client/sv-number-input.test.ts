import { describe, expect, it } from 'vitest';
import { parseSvNumber, svNumber } from '../../server/contracts/sv-number';

/** Numbers typed into the client's fields, read the Swedish way (the inverse of svNumber). */
describe('parseSvNumber', () => {
  it('reads thousands spaces, a decimal comma or point, and a minus sign', () => {
    expect(parseSvNumber('20 000')).toBe(20000);
    expect(parseSvNumber('20\u00a0000')).toBe(20000);
    expect(parseSvNumber('62,5')).toBe(62.5);
    expect(parseSvNumber('1.5')).toBe(1.5);
    expect(parseSvNumber('−0,25')).toBe(-0.25);
    expect(parseSvNumber(' 850,50 ')).toBe(850.5);
  });
  it('reads a number on its way to being typed, and round-trips what svNumber writes', () => {
    expect(parseSvNumber('0,')).toBe(0);
    expect(parseSvNumber(',5')).toBe(0.5);
    for (const x of [0, 0.7, 1234567.25, -3.5]) expect(parseSvNumber(svNumber(x, 2))).toBe(x);
  });
  it('gives null for empty text and for what is not a number', () => {
    for (const t of ['', ' ', ',', 'abc', '12a', '1,2,3', 'NaN', '1e3', '-']) expect(parseSvNumber(t)).toBeNull();
  });
});
