import { describe, expect, it } from 'vitest';
import { parseSvNumber, svInterval, svNumber } from '../../server/contracts/sv-number';

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

/** The one way an interval is written in the UI: the same decimals at both ends, "till" (ends may be negative). */
describe('svInterval', () => {
  it('writes both ends with the same decimals, a unit after, and "–" without an interval', () => {
    expect(svInterval({ lower: 4.3, upper: 7.21 }, 1)).toBe('4,3 till 7,2');
    expect(svInterval({ lower: 3.5, upper: 4.13 }, 2)).toBe('3,50 till 4,13');
    expect(svInterval({ lower: 867, upper: 1454.4 }, 0, 'kr')).toBe('867 till 1 454 kr');
    expect(svInterval({ lower: -0.4, upper: 1 }, 1)).toBe('−0,4 till 1,0');
    expect(svInterval(null, 1)).toBe('–');
    expect(svInterval({ lower: null, upper: 2 }, 1)).toBe('–');
  });
});
