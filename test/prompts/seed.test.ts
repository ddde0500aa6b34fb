import { describe, expect, it } from 'vitest';
import { loadSeedCases, loadSeedWorkflows } from '../../prompts/index';
import { ProfessionCodeSchema, type ProfessionCode } from '../../server/contracts/workflow';

const workflows = loadSeedWorkflows();
const cases = loadSeedCases();

const EXPECTED_HEADINGS: Record<ProfessionCode, string[]> = {
  lakare: ['Kontaktorsak', 'Aktuellt/Anamnes', 'Status', 'Bedömning', 'Åtgärd/Planering'],
  sjukskoterska: ['Omvårdnadsanamnes', 'Omvårdnadsstatus', 'Omvårdnadsdiagnos', 'Mål', 'Omvårdnadsåtgärder', 'Resultat', 'Omvårdnadsepikris'],
  arbetsterapeut: ['Anamnes', 'Status', 'Analys', 'Mål', 'Planering', 'Åtgärd', 'Resultat'],
  fysioterapeut: ['Anamnes', 'Status/Undersökning', 'Bedömning', 'Mål', 'Åtgärd/Behandling', 'Planering'],
  'psykolog-kurator': ['Kontaktorsak', 'Aktuellt', 'Bedömning', 'Åtgärd/Planering'],
  telefonradgivning: ['Kontaktorsak', 'Aktuellt', 'Bedömning', 'Råd/Åtgärd'],
  'english-benchmark': ['CHIEF COMPLAINT', 'HISTORY OF PRESENT ILLNESS', 'REVIEW OF SYSTEMS', 'PHYSICAL EXAM', 'RESULTS', 'ASSESSMENT AND PLAN'],
};

describe('seed workflows', () => {
  it('has exactly one valid workflow per profession, with the seed headings in order', () => {
    expect(workflows.map((w) => w.profession).sort()).toEqual([...ProfessionCodeSchema.options].sort());
    for (const w of workflows) expect(w.sections.map((s) => s.heading), w.profession).toEqual(EXPECTED_HEADINGS[w.profession]);
  });

  it('gives every section an instruction, cues and the extractive default model', () => {
    for (const w of workflows) {
      expect(w.model).toEqual({ provider: 'extractive', model: '', temperature: 0.2, maxTokens: 1500 });
      expect(w.instructions.length).toBeGreaterThan(200);
      for (const s of w.sections) {
        expect(s.instruction.length, `${w.profession}/${s.key}`).toBeGreaterThan(30);
        expect(s.cues.length, `${w.profession}/${s.key}`).toBeGreaterThan(3);
        expect(s.styleHints.length, `${w.profession}/${s.key}`).toBeGreaterThan(0);
      }
      expect(new Set(w.sections.map((s) => s.key)).size).toBe(w.sections.length);
    }
  });

  it('marks the VIPS headings that are often empty after one visit as optional', () => {
    const vips = workflows.find((w) => w.profession === 'sjukskoterska');
    const optional = vips?.sections.filter((s) => !s.required).map((s) => s.key);
    expect(optional).toEqual(['omvardnadsdiagnos', 'mal', 'resultat', 'omvardnadsepikris']);
  });

  it('states the MDR boundary (nothing that was not said) in every Swedish workflow', () => {
    for (const w of workflows.filter((x) => x.language === 'sv')) {
      expect(w.instructions).toMatch(/bara med det som (faktiskt )?sades/);
      expect(w.instructions).toMatch(/1177/);
    }
  });
});

describe('seed test-consultation library', () => {
  const count = (pred: (c: (typeof cases)[number]) => boolean): number => cases.filter(pred).length;

  it('meets the minimum counts per profession, setting and audio', () => {
    expect(cases.length).toBeGreaterThanOrEqual(32);
    expect(count((c) => c.profession === 'lakare')).toBeGreaterThanOrEqual(8);
    for (const p of ['sjukskoterska', 'arbetsterapeut', 'fysioterapeut', 'psykolog-kurator', 'telefonradgivning'] as const) {
      expect(count((c) => c.profession === p), p).toBeGreaterThanOrEqual(4);
    }
    for (const s of ['vardcentral', 'hembesok', 'telefon', 'vardavdelning', 'mottagning'] as const) {
      expect(count((c) => c.setting === s), s).toBeGreaterThanOrEqual(1);
    }
    const withAudio = cases.filter((c) => c.audio !== undefined);
    expect(withAudio.length).toBeGreaterThanOrEqual(12);
    expect(new Set(withAudio.map((c) => c.profession)).size).toBe(6);
    for (const c of withAudio) {
      expect(c.turns.length, c.slug).toBeLessThanOrEqual(12);
      expect(c.audio?.voice).toBe('sv');
    }
  });

  it('keeps every case within the shape the working groups expect', () => {
    const settingTag = { vardcentral: 'vårdcentral', hembesok: 'hembesök', telefon: 'telefon', vardavdelning: 'vårdavdelning', mottagning: 'mottagning' };
    const headings = new Map(workflows.map((w) => [w.profession, new Set(w.sections.map((s) => s.heading))]));
    for (const c of cases) {
      expect(c.language, c.slug).toBe('sv');
      expect(c.turns.length, c.slug).toBeGreaterThanOrEqual(10);
      expect(c.turns.length, c.slug).toBeLessThanOrEqual(40);
      expect(c.keyFacts.length, c.slug).toBeGreaterThanOrEqual(4);
      expect(c.keyFacts.length, c.slug).toBeLessThanOrEqual(12);
      expect(c.keyFacts.some((f) => f.critical), c.slug).toBe(true);
      expect(c.tags.filter((t) => ['lätt', 'medel', 'svår'].includes(t)), c.slug).toHaveLength(1);
      expect(c.tags, c.slug).toContain(settingTag[c.setting]);
      expect(c.turns.some((t) => t.speaker === 'Patient' || t.speaker === 'Anhörig'), c.slug).toBe(true);
      for (const section of c.referenceNote) expect(headings.get(c.profession)?.has(section.heading), `${c.slug}: ${section.heading}`).toBe(true);
    }
  });

  it('covers the hard parts: relatives, dialect, numbers in words, negations, several drugs', () => {
    for (const tag of ['anhörig', 'dialekt', 'siffror-i-ord', 'negationer', 'flera-läkemedel']) {
      expect(count((c) => c.tags.includes(tag)), tag).toBeGreaterThanOrEqual(3);
    }
    expect(count((c) => c.turns.some((t) => t.speaker === 'Anhörig'))).toBeGreaterThanOrEqual(5);
  });

  it('contains no personnummer, phone number or e-mail address', () => {
    const personnummer = /\b(?:19|20)?\d{6}[-+]?\d{4}\b/;
    const phone = /\b0\d{1,3}[- ]?\d{2,3}[ -]?\d{2}[ -]?\d{2}\b/;
    const email = /[\w.+-]+@[\w-]+\.[\w.]+/;
    for (const c of cases) {
      const text = JSON.stringify(c);
      expect(text, c.slug).not.toMatch(personnummer);
      expect(text, c.slug).not.toMatch(phone);
      expect(text, c.slug).not.toMatch(email);
    }
  });
});
