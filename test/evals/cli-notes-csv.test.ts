import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from '../../evals/datasets/csv';
import { EvalError } from '../../evals/datasets/errors';
import { parseJsonl } from '../../evals/datasets/jsonl';
import { pairRecords, toTextRecords } from '../../evals/datasets/records';

describe('parseCsv (RFC 4180)', () => {
  it('handles quoted commas, doubled quotes, newlines and CRLF', () => {
    const text = 'id,note\r\nK1,"Hosta, feber\r\noch ""torrhosta"""\r\nK2,utan citat\r\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'note'],
      ['K1', 'Hosta, feber\r\noch "torrhosta"'],
      ['K2', 'utan citat'],
    ]);
  });

  it('keeps empty fields and a last line without newline; drops a byte order mark', () => {
    expect(parseCsv('\ufeffa,b,c\n1,,3')).toEqual([['a', 'b', 'c'], ['1', '', '3']]);
  });

  it('rejects an unterminated quoted field', () => {
    expect(() => parseCsv('a\n"öppen')).toThrow(EvalError);
  });

  it('maps rows to the header and rejects rows of the wrong width', () => {
    expect(parseCsvRecords('id,note\nK1,text\n')).toEqual([{ id: 'K1', note: 'text' }]);
    expect(() => parseCsvRecords('id,note\nK1,text,extra\n')).toThrow(/row 2 has 3 fields/);
  });
});

describe('parseJsonl', () => {
  it('skips blank lines and names the bad line without quoting it', () => {
    expect(parseJsonl('{"a":1}\n\n{"a":2}\n')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(() => parseJsonl('{"a":1}\n{hemligt\n')).toThrow(/^JSONL: line 2 is not valid JSON$/);
  });
});

describe('toTextRecords / pairRecords', () => {
  const columns = { idColumn: 'encounter_id', textColumn: 'note' };

  it('accepts numeric ids and rejects missing columns and duplicates', () => {
    expect(toTextRecords([{ encounter_id: 7, note: 'x' }], columns, 'f')).toEqual([{ id: '7', text: 'x' }]);
    expect(() => toTextRecords([{ id: 'K1', note: 'x' }], columns, 'f')).toThrow(/record 1 lacks/);
    expect(() => toTextRecords([{ encounter_id: 'K1', note: 'x' }, { encounter_id: 'K1', note: 'y' }], columns, 'f')).toThrow(/occurs more than once/);
  });

  it('pairs by id in reference order and names unpaired ids', () => {
    const refs = [{ id: 'A', text: 'a' }, { id: 'B', text: 'b' }];
    expect(pairRecords(refs, [{ id: 'B', text: 'y' }, { id: 'A', text: 'x' }])).toEqual([
      { id: 'A', reference: 'a', prediction: 'x' },
      { id: 'B', reference: 'b', prediction: 'y' },
    ]);
    expect(() => pairRecords(refs, [{ id: 'A', text: 'x' }, { id: 'C', text: 'z' }])).toThrow(
      'unpaired ids: no prediction for id "B"; no reference for id "C"',
    );
  });
});
