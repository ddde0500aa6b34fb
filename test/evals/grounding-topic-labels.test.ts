import { describe, expect, it } from 'vitest';
import { checkGrounding, checkSection } from '../../evals/metrics/grounding/index';
import { prepareNote } from '../../evals/metrics/grounding/document';
import { loadSeedWorkflows } from '../../prompts/index';

/**
 * Issue #14: "Topic: answer" sentences (the no-model drafter writes "Feber: 38,5 igår kväll",
 * "Röker: nej") are checked with their topic. Only a known note heading opens a section; any other
 * "Word(s):" is a topic label that stays part of what the sentence says. Sentences written for this test.
 */
const critical = (transcript: string, note: string) =>
  checkGrounding({ transcript, note, language: 'sv' }).flags.filter((f) => f.severity === 'critical').map((f) => f.span);

describe('a topic label is part of its sentence', () => {
  const fever = 'Läkare: Har du haft feber?\nPatient: Ja, trettioåtta och en halv igår kväll.';

  it('flags a temperature the drafter wrote after its topic when another value was said', () => {
    expect(critical(fever, 'Feber: 40 grader igår kväll.').length).toBeGreaterThan(0);
    expect(critical(fever, 'Feber: 38,5 igår kväll.')).toEqual([]);
  });

  it('keeps a topic-labelled value in its section: the home fever written as the temperature at the visit', () => {
    const t = `${fever}\nLäkare: Här hos oss har du trettiosju komma två.`;
    expect(critical(t, 'Status:\nTemp: 38,5.')).toEqual(['38,5']);
    expect(critical(t, 'Status:\nTemp: 37,2.')).toEqual([]);
  });

  it('reads a scale named in the topic as the scale, not as ratings ("Skattar smärtan noll till tio: fem")', () => {
    const t = 'Läkare: Hur ont gör det på en skala från noll till tio?\nPatient: Fem kanske.';
    expect(critical(t, 'Skattar smärtan noll till tio: fem.')).toEqual([]);
  });

  it('flags an answer that contradicts a denied topic ("Röker: ja" when the patient never smoked)', () => {
    const t = 'Läkare: Röker du?\nPatient: Nej, jag har aldrig rökt.';
    expect(critical(t, 'Röker: ja.').length).toBeGreaterThan(0);
    expect(critical(t, 'Röker: nej.')).toEqual([]);
    expect(critical(t, 'Röker: nej, har aldrig rökt.')).toEqual([]);
    expect(critical('Läkare: Röker du?\nPatient: Ja, tio om dagen.', 'Röker: nej, slutade för länge sedan.')).toEqual(['Röker']);
  });

  it('denies the whole topic, its "när" clause included, with a bare no', () => {
    const t = 'Kurator: Dricker du alkohol när du spelar?\nPatient: Nej.';
    expect(critical(t, 'Dricker alkohol när hen spelar: nej.')).toEqual([]);
    expect(critical(t, 'Dricker alkohol när hen spelar: ja.')).toEqual(['Dricker']);
  });

  it('keeps the topic in the sentence text and does not make it the section of what follows', () => {
    const s = prepareNote('Aktuellt: Hosta i en vecka.\nFeber: 38,5 igår kväll.\nRöker: nej.', 'sv');
    expect(s.map((x) => [x.heading, x.section])).toEqual([['Aktuellt', 'Aktuellt'], [null, 'Aktuellt'], [null, 'Aktuellt']]);
    expect(s[1]!.text).toBe('Feber: 38,5 igår kväll.');
  });

  it('checks a drafted section\'s "Topic: answer" line under its heading', () => {
    const r = checkSection({ transcript: fever, note: 'Feber: 40 grader igår kväll.', language: 'sv' }, 'Aktuellt/Anamnes');
    expect(r.flags.filter((f) => f.severity === 'critical').length).toBeGreaterThan(0);
  });
});

describe('a note heading is still a heading', () => {
  it('reads "Bedömning: …" as the heading of its sentence and of the lines below', () => {
    const s = prepareNote('Bedömning: Trolig virusinfektion.\nInga tecken på pneumoni.', 'sv');
    expect(s.map((x) => [x.heading, x.section, x.text])).toEqual([
      ['Bedömning', 'Bedömning', 'Trolig virusinfektion.'],
      [null, 'Bedömning', 'Inga tecken på pneumoni.'],
    ]);
  });

  it('knows every heading of the seed workflows, whole and by its parts', () => {
    for (const w of loadSeedWorkflows()) {
      const language = w.profession === 'english-benchmark' ? 'en' : 'sv';
      for (const { heading } of w.sections) {
        for (const h of [heading, ...heading.split('/')]) {
          expect(prepareNote(`${h}: text här.`, language)[0]!.heading, `${w.profession}: ${h}`).toBe(h);
        }
      }
    }
  });

  it('still reads a line alone as a heading, whatever its word', () => {
    const s = prepareNote('Socialt\nBor med make.', 'sv');
    expect(s[1]!.section).toBe('Socialt');
  });
});
