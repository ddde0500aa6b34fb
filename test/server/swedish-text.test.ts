import { describe, expect, it } from 'vitest';
import { findTextProblems } from '../support/swedish-text';

/** The Swedish-text rules the browser test applies to every page: each known leftover is caught, Swedish prose is not. */
describe('svenska texter: reglerna', () => {
  it.each([
    ['encounter.create (write)', 'nyckel med punkter'],
    ['gate.minMeanPdqi: krav minst 4,50', 'nyckel med punkter'],
    ['body.data.slug: Obligatoriskt', 'nyckel med punkter'],
    ['Tid i active_editing', 'snake_case'],
    ['inventedIdentifiers', 'camelCase'],
    ['Max tokens', 'engelskt ord eller rå kod'],
    ['Från cache', 'engelskt ord eller rå kod'],
    ['Importera JSONL', 'engelskt ord eller rå kod'],
    ['Roll: clinician', 'engelskt ord eller rå kod'],
    ['Kontakttyp vardcentral', 'engelskt ord eller rå kod'],
    ['α 0.51', 'decimalpunkt'],
    ['4.44 [4.00, 4.81]', 'decimalpunkt'],
    ['Utkast (utkast)', 'upprepat ord'],
    ['Mycket mycket (100)', 'upprepat ord'],
    ['1 medlemmar', '1 med plural'],
    ['1 anteckningar', '1 med plural'],
  ])('%s', (text, rule) => {
    expect(findTextProblems(text).map((p) => p.rule)).toContain(rule);
  });

  it('lets Swedish prose, dates, times, versions and file names through', () => {
    const prose = [
      'Läkare: 1,2 min sparad per anteckning [0,6 till 1,8], 14 kliniker.',
      'Signerad 2026-12-07 14:30, t.ex. bl.a. m.m. kl. 14.30',
      'Modellen KBLab/kb-whisper-small 4.3.1 ligger i models/silero.onnx och rapport.xlsx.',
      '1 medlem, 2 medlemmar, 1 anteckning, 3 anteckningar, 1 kliniker, 1 fall, 0 av 1 deltagare klara',
      'α 0,51 · 4,44 [4,00 till 4,81]',
    ].join('\n');
    expect(findTextProblems(prose)).toEqual([]);
  });
});
