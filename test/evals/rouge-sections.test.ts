import { describe, expect, it } from 'vitest';
import { sectionEditDistances, sectionScores, splitSections } from '../../evals/metrics/sections';

const HEADINGS = ['Kontaktorsak', 'Aktuellt', 'Status', 'Bedömning', 'Åtgärd'];

const DRAFT = `Besök på vårdcentral.
Kontaktorsak
Hosta sedan en vecka.
AKTUELLT:
Torrhosta, ingen feber.
## Status
Lungor: vesikulära andningsljud.
**Bedömning**
Trolig virusinfektion.
Åtgärd: Egenvård, återkommer vid försämring.`;

describe('splitSections', () => {
  it('recognises known, colon, markdown, bold and inline headings', () => {
    const s = splitSections(DRAFT, HEADINGS);
    expect(s.map((x) => [x.heading, x.key])).toEqual([
      [null, ''],
      ['Kontaktorsak', 'kontaktorsak'],
      ['AKTUELLT', 'aktuellt'],
      ['Status', 'status'],
      ['Bedömning', 'bedömning'],
      ['Åtgärd', 'åtgärd'],
    ]);
    expect(s[4]!.body).toBe('Trolig virusinfektion.');
    expect(s[5]!.body).toBe('Egenvård, återkommer vid försämring.');
  });

  it('does not take a body line with a colon for a heading', () => {
    const s = splitSections('Status\nLungor: vesikulära andningsljud.\nHjärta: regelbunden rytm.', HEADINGS);
    expect(s).toHaveLength(1);
    expect(s[0]!.body).toContain('Hjärta: regelbunden rytm.');
  });

  it('takes an unknown short line ending with a colon as a heading', () => {
    const s = splitSections('Läkemedel:\nAlvedon vid behov.');
    expect(s).toEqual([{ heading: 'Läkemedel', key: 'läkemedel', body: 'Alvedon vid behov.' }]);
  });
});

describe('sectionScores / sectionEditDistances', () => {
  const signed = DRAFT.replace('Trolig virusinfektion.', 'Trolig viral övre luftvägsinfektion.').replace('## Status\nLungor: vesikulära andningsljud.\n', '');

  it('pairs sections by heading and marks the missing ones', () => {
    const scores = sectionScores(DRAFT, signed, HEADINGS, { tokenizer: 'unicode' });
    const byKey = new Map(scores.map((s) => [s.key, s]));
    expect(byKey.get('kontaktorsak')!.rouge.rouge1.f1).toBe(1);
    expect(byKey.get('kontaktorsak')!.editDistance).toBe(0);
    expect(byKey.get('status')!.missing).toBe('prediction');
    expect(byKey.get('status')!.editDistance).toBe(1);
    const b = byKey.get('bedömning')!;
    expect(b.missing).toBeNull();
    // "trolig virusinfektion" vs "trolig viral övre luftvägsinfektion": 1 hit, P = 1/4, R = 1/2.
    expect(b.rouge.rouge1.f1).toBeCloseTo(1 / 3, 12);
  });

  it('reports character edits per section between draft and signed note', () => {
    const edits = sectionEditDistances(DRAFT, signed, HEADINGS);
    const byKey = new Map(edits.map((e) => [e.key, e]));
    expect(byKey.get('aktuellt')!.distance).toBe(0);
    expect(byKey.get('status')!.signedChars).toBe(0);
    const b = byKey.get('bedömning')!;
    expect(b.draftChars).toBe('Trolig virusinfektion.'.length);
    expect(b.signedChars).toBe('Trolig viral övre luftvägsinfektion.'.length);
    expect(b.distance).toBeGreaterThan(0);
  });
});
