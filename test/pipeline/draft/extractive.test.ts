import { describe, expect, it } from 'vitest';
import { loadSeedCases, loadSeedWorkflows } from '../../../prompts/index';
import { DraftOutputSchema, type DraftOutput } from '../../../server/contracts/note';
import type { TranscriptSegment } from '../../../server/contracts/transcript';
import type { WorkflowSpec } from '../../../server/contracts/workflow';
import { ExtractiveDrafter } from '../../../server/pipeline/draft/extractive';
import { splitSentences } from '../../../server/pipeline/draft/sentences';
import { swedishNumbersToDigits } from '../../../evals/text/swedish-numbers';

const workflows = loadSeedWorkflows();
const cases = loadSeedCases();
const drafter = new ExtractiveDrafter();

function workflowFor(profession: string): WorkflowSpec {
  const workflow = workflows.find((w) => w.profession === profession);
  if (workflow === undefined) throw new Error(`no seed workflow for ${profession}`);
  return workflow;
}

function segmentsOf(turns: Array<{ speaker: string; text: string }>): TranscriptSegment[] {
  return turns.map((t, i) => ({ id: `s${i + 1}`, start: null, end: null, speaker: t.speaker, text: t.text }));
}

async function draftCase(slug: string): Promise<{ draft: DraftOutput; workflow: WorkflowSpec; segments: TranscriptSegment[] }> {
  const c = cases.find((x) => x.slug === slug);
  if (c === undefined) throw new Error(`no seed case ${slug}`);
  const workflow = workflowFor(c.profession);
  const segments = segmentsOf(c.turns);
  return { draft: await drafter.draft({ workflow, segments }), workflow, segments };
}

function sectionText(draft: DraftOutput, key: string): string {
  return (draft.sections.find((s) => s.key === key)?.sentences ?? []).map((s) => s.text).join(' ');
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The only words the drafter may write that nobody said: the person
 * conversion, and the notation of a note: "ej" for a "nej" answer, unit
 * abbreviations, "mmHg" after a blood-pressure pair. Numbers count as said
 * when their value was said ("trettioåtta komma fem" → 38,5; "en tablett" → 1).
 */
const PERSON_WORDS = new Set(['patienten', 'patientens', 'hen', 'sig', 'sin', 'sitt', 'sina', 'anhörig', 'anhörigs']);
const NOTATION = new Set(['ej', 'mmhg', 'mg', 'g', 'kg', 'ml', 'dl', 'mmol', 'cm', 'mm', 'e', 'mikrog']);

function unsaidWords(draft: DraftOutput, segments: TranscriptSegment[]): string[] {
  const said = new Set(segments.flatMap((s) => [...words(s.text), ...words(swedishNumbersToDigits(s.text)), ...(/\b(en|ett)\b/i.test(s.text) ? ['1'] : [])]));
  const written = draft.sections.flatMap((s) => s.sentences.flatMap((x) => words(x.text)));
  return written.filter((w) => !said.has(w) && !PERSON_WORDS.has(w) && !NOTATION.has(w));
}

describe('splitSentences', () => {
  it('splits on terminal punctuation but not after abbreviations or inside decimals', () => {
    expect(splitSentences('Feber 38.5 igår, t.ex. på kvällen. Ingen hosta! Ont?')).toEqual([
      'Feber 38.5 igår, t.ex. på kvällen.',
      'Ingen hosta!',
      'Ont?',
    ]);
  });

  it('reads ACI-Bench style spaced punctuation', () => {
    expect(splitSentences('okay . and fevers ? no , none .')).toEqual(['okay.', 'and fevers?', 'no, none.']);
  });
});

describe('ExtractiveDrafter on the seed cases', () => {
  it('puts sentences from a sore-throat visit under sensible headings', async () => {
    const { draft } = await draftCase('lakare-01-halsont');
    expect(draft.sections.map((s) => s.key)).toEqual(['kontaktorsak', 'aktuellt', 'status', 'bedomning', 'atgard']);
    expect(sectionText(draft, 'kontaktorsak')).toMatch(/^Ont i halsen i tre dagar/);
    // A question and its answer as one statement, the number in digits.
    expect(sectionText(draft, 'aktuellt')).toMatch(/Feber 38,5 igår kväll\./);
    expect(sectionText(draft, 'aktuellt')).toMatch(/Ingen hosta/);
    expect(sectionText(draft, 'status')).toMatch(/Halsmandlarna röda/);
    // What the clinician observes is a finding even without a cue word; the judgement itself, without "Jag bedömer att".
    expect(sectionText(draft, 'status')).toMatch(/Snabbtestet för streptokocker är positivt/);
    expect(sectionText(draft, 'bedomning')).toMatch(/^Halsfluss orsakad av streptokocker\./);
    expect(sectionText(draft, 'status')).not.toMatch(/ska jag titta/);
    expect(sectionText(draft, 'atgard')).toMatch(/Kåvepenin i tio dagar/);
  });

  it('keeps a patient on Waran, the Ipren dose and the lab values apart', async () => {
    const { draft } = await draftCase('lakare-04-hembesok-waran');
    expect(sectionText(draft, 'aktuellt')).toMatch(/Waran/);
    expect(sectionText(draft, 'aktuellt')).toMatch(/2 tabletter × 3/);
    expect(sectionText(draft, 'status')).toMatch(/Blodvärdet 85 och PK är 4,8/);
    expect(sectionText(draft, 'bedomning')).toMatch(/blöder från magen/);
    expect(sectionText(draft, 'atgard')).toMatch(/Sluta ta Ipren/);
  });

  it('writes in the third person and keeps negations', async () => {
    const { draft } = await draftCase('lakare-03-brostsmarta');
    const history = sectionText(draft, 'aktuellt');
    expect(history).toMatch(/Allergier: patienten tål inte penicillin/);
    expect(history).toMatch(/Aldrig i vila/);
    expect(history).not.toMatch(/\bjag\b/i);
    expect(sectionText(draft, 'bedomning')).toMatch(/kärlkramp/);
  });

  it('records suicidal thoughts and the crisis plan in a psychologist note', async () => {
    const { draft } = await draftCase('psykolog-01-nedstamdhet-suicidtankar');
    expect(sectionText(draft, 'aktuellt')).toMatch(/skönt att inte vakna/);
    expect(sectionText(draft, 'atgard')).toMatch(/112/);
  });

  it('sends telephone advice and red flags to Råd/Åtgärd', async () => {
    const { draft } = await draftCase('telefon-01-barn-feber');
    expect(sectionText(draft, 'kontaktorsak')).toMatch(/tre år/);
    expect(sectionText(draft, 'aktuellt')).toMatch(/39,2 i morse/);
    expect(sectionText(draft, 'rad-atgard')).toMatch(/slutar dricka/);
  });

  it('cites only existing segment ids, validates, and adds no unsaid words, for every case', async () => {
    for (const c of cases) {
      const workflow = workflowFor(c.profession);
      const segments = segmentsOf(c.turns);
      const draft = await drafter.draft({ workflow, segments });
      expect(DraftOutputSchema.safeParse(draft).success, c.slug).toBe(true);
      const ids = new Set(segments.map((s) => s.id));
      const sentences = draft.sections.flatMap((s) => s.sentences);
      expect(sentences.length, c.slug).toBeGreaterThan(3);
      for (const sentence of sentences) {
        expect(sentence.evidence.length, c.slug).toBeGreaterThan(0);
        for (const id of sentence.evidence) expect(ids.has(id), `${c.slug}: ${id}`).toBe(true);
        expect(sentence.text, c.slug).toMatch(/^[\p{Lu}\p{N}].*[.?…]$/u);
      }
      expect(unsaidWords(draft, segments), c.slug).toEqual([]);
      for (const section of draft.sections) {
        const max = workflow.sections.find((s) => s.key === section.key)?.maxChars ?? Infinity;
        expect(section.sentences.reduce((n, s) => n + s.text.length + 1, 0), `${c.slug}/${section.key}`).toBeLessThanOrEqual(max);
      }
    }
  });
});

describe('ExtractiveDrafter grounding', () => {
  // A visit that ends before anything is decided: no assessment, no drug, no dose, no plan was said.
  const turns = [
    { speaker: 'Läkare', text: 'Hej, vad kan jag hjälpa dig med?' },
    { speaker: 'Patient', text: 'Eh, jag har haft ont i magen sedan i söndags, mest på kvällarna.' },
    { speaker: 'Läkare', text: 'Har du haft feber?' },
    { speaker: 'Patient', text: 'Nej.' },
    { speaker: 'Läkare', text: 'Har du kräkts?' },
    { speaker: 'Patient', text: 'Nej, men jag mår illa efter maten.' },
    { speaker: 'Läkare', text: 'Tar du några mediciner?' },
    { speaker: 'Patient', text: 'Inga alls.' },
    { speaker: 'Läkare', text: 'Nu ska jag känna på magen. Magen är mjuk, lite öm under höger revbensbåge.' },
    { speaker: 'Läkare', text: 'Temperaturen är trettiosju komma två.' },
  ];
  const segments = segmentsOf(turns);
  const forbidden = [
    ...workflows.flatMap((w) => w.vocabulary.drugs),
    'mg', 'milligram', 'gallsten', 'gallblåsa', 'magkatarr', 'infektion', 'recept', 'remiss', 'återbesök', 'ultraljud', 'prover',
  ].map((w) => w.toLowerCase());

  it('writes no diagnosis, drug, dose or plan that was not said', async () => {
    const draft = await drafter.draft({ workflow: workflowFor('lakare'), segments });
    const written = new Set(draft.sections.flatMap((s) => s.sentences.flatMap((x) => words(x.text))));
    for (const word of forbidden) expect(written.has(word), word).toBe(false);
    expect(sectionText(draft, 'bedomning')).toBe('');
    expect(sectionText(draft, 'atgard')).toBe('');
    expect(unsaidWords(draft, segments)).toEqual([]);
    expect(sectionText(draft, 'aktuellt')).toMatch(/Ej feber\./);
    expect(sectionText(draft, 'aktuellt')).toMatch(/Mediciner: inga alls\./);
    expect(sectionText(draft, 'status')).toMatch(/lite öm under höger revbensbåge/);
    expect(sectionText(draft, 'status')).not.toMatch(/ska jag känna/);
  });

  it('is deterministic', async () => {
    const workflow = workflowFor('lakare');
    const first = await drafter.draft({ workflow, segments });
    const second = await new ExtractiveDrafter().draft({ workflow, segments });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('returns only the requested sections, drafted as in the full note', async () => {
    const workflow = workflowFor('lakare');
    const full = await drafter.draft({ workflow, segments });
    const partial = await drafter.draft({ workflow, segments, onlySections: ['status'] });
    expect(partial.sections).toEqual(full.sections.filter((s) => s.key === 'status'));
  });

  it('stops when the request is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(drafter.draft({ workflow: workflowFor('lakare'), segments, signal: controller.signal })).rejects.toThrow();
  });

  it('identifies itself and has no model', () => {
    expect(drafter.info).toEqual({ drafterId: 'extractive:v1', modelId: null });
  });
});
