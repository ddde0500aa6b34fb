import { describe, expect, it } from 'vitest';
import { analyseStructure, lix } from '../../evals/metrics/structure';

const sections = [
  { key: 'reason', heading: 'Kontaktorsak', required: true },
  { key: 'history', heading: 'Aktuellt', required: true },
  { key: 'status', heading: 'Status', required: false },
  { key: 'assessment', heading: 'Bedömning', required: true },
  { key: 'plan', heading: 'Åtgärd', required: true },
];

describe('analyseStructure', () => {
  it('finds sections, empty ones and missing ones', () => {
    const note = 'Kontaktorsak: Hosta.\nAktuellt:\nBedömning: Förkylning.\n## Status\nAfebril, opåverkad.';
    const r = analyseStructure(note, sections, 'ett två tre fyra fem sex sju åtta nio tio');
    expect(r.sections.map((s) => [s.key, s.present, s.words])).toEqual([
      ['reason', true, 1], ['history', true, 0], ['status', true, 2], ['assessment', true, 1], ['plan', false, 0],
    ]);
    expect(r.missingRequired).toEqual(['history', 'plan']);
    expect(r.words).toBe(8);
    expect(r.compressionRatio).toBeCloseTo(0.8, 10);
  });

  it('matches headings case-insensitively, in bold, and only at line starts', () => {
    const r = analyseStructure('**BEDÖMNING**\nÖLI.\nIngen åtgärd behövs.', sections);
    expect(r.sections.find((s) => s.key === 'assessment')).toMatchObject({ present: true, words: 4 });
    expect(r.sections.find((s) => s.key === 'plan')?.present).toBe(false);
    expect(r.compressionRatio).toBeNull();
  });
});

describe('lix', () => {
  it('is words/sentences + 100 × long words/words', () => {
    // 8 words, 2 sentences, long (> 6 letters): "Patienten", "förkylning", "rekommenderas" → 4 + 37.5.
    expect(lix('Patienten har förkylning. Vila rekommenderas nu och sen.')).toBeCloseTo(8 / 2 + (100 * 3) / 8, 10);
    expect(lix('')).toBe(0);
  });
});
