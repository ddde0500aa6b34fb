import { describe, expect, it } from 'vitest';
import { checkGrounding } from '../../evals/metrics/grounding/checker';

const sv = (transcript: string, note: string) =>
  checkGrounding({ transcript, note, language: 'sv' }).flags.map((f) => [f.kind, f.span]);
const en = (transcript: string, note: string) =>
  checkGrounding({ transcript, note, language: 'en' }).flags.map((f) => [f.kind, f.span]);

describe('numbers', () => {
  it('matches digits in the note against number words in the transcript', () => {
    const t = 'Blodtrycket är hundrafyrtio över nittio, tempen trettioåtta komma fem. Du har haft ont i tre dagar. Ta en tablett var femte timme.';
    expect(sv(t, 'BT 140/90. Temp 38,5 grader. Besvär i 3 dagar. 1 tablett var 5:e timme.')).toEqual([]);
    expect(sv(t, 'BT 150/90. Temp 39,5 grader. Besvär i 4 dagar.')).toEqual([
      ['number', '150/90'], ['number', '39,5 grader'], ['number', '4 dagar'],
    ]);
  });

  it('marks a number critical only when another value was said for the same quantity; not said is a warning', () => {
    const flags = checkGrounding({ transcript: 'Inget sagt om siffror.', note: 'Waran 7,5 mg. Temp 38. Besvär i 4 dagar.', language: 'sv' }).flags;
    expect(flags.filter((f) => f.kind === 'number').map((f) => [f.span, f.severity])).toEqual([
      ['7,5 mg', 'warning'], ['38', 'warning'], ['4 dagar', 'warning'],
    ]);
    const said = 'Du tar Waran fem milligram. Tempen är trettiosju komma två. Det har hållit på i tre dagar.';
    const contradicted = checkGrounding({ transcript: said, note: 'Waran 7,5 mg. Temp 38. Besvär i 4 dagar.', language: 'sv' }).flags;
    // A duration said about something else ("hållit på") is not the same quantity as "besvär": only worth a look.
    expect(contradicted.map((f) => [f.span, f.severity])).toEqual([['7,5 mg', 'critical'], ['38', 'critical'], ['4 dagar', 'warning']]);
  });

  it('ignores numbers that name things', () => {
    expect(sv('Har du haft covid?', 'Ej haft covid-19.')).toEqual([]);
  });

  it('reads English number words', () => {
    expect(en("I'm twenty six and it started four days ago.", 'A 26-year-old with symptoms for 4 days.')).toEqual([]);
    expect(en("I'm twenty six.", 'A 36-year-old.')).toEqual([['number', '36']]);
  });
});

describe('drugs', () => {
  it('accepts brand ↔ substance pairs and inflected forms, flags drugs never named', () => {
    const t = 'Jag tar Alvedon och Waran.';
    expect(sv(t, 'Paracetamol vid behov. Warfarinet fortsätter.')).toEqual([]);
    expect(sv(t, 'Alvedon vid behov. Eliquis sätts in.')).toEqual([['drug', 'Eliquis']]);
  });

  it('takes extra drug names from the vocabulary', () => {
    const r = checkGrounding({ transcript: 'Inga mediciner.', note: 'Ordineras Xyloprat.', language: 'sv', vocabulary: { drugs: ['Xyloprat'] } });
    expect(r.flags.map((f) => [f.kind, f.span])).toContainEqual(['drug', 'Xyloprat']);
  });
});

describe('negation flips', () => {
  it('flags a finding the consultation negated, via "ingen" or a "nej" answer', () => {
    expect(sv('Patient: Ingen feber.', 'Feber sedan igår.')).toEqual([['negation', 'Feber']]);
    expect(sv('Läkare: Har du ont i bröstet?\nPatient: Nej.', 'Bröstsmärta. Ont i bröstet vid ansträngning.')).toContainEqual(['negation', 'Bröstsmärta']);
  });

  it('flags a negation of something the consultation affirmed', () => {
    expect(sv('Patient: Jag har haft feber i två dagar.', 'Ingen feber.')).toEqual([['negation', 'Ingen feber']]);
    expect(sv('Pulsen är regelbunden.', 'Puls oregelbunden.')).toEqual([['negation', 'oregelbunden']]);
  });

  it('does not treat conditions, open questions or "ja" answers as negation', () => {
    expect(sv('Läkare: Hör av dig om du får feber. Har du hosta?\nPatient: Ja.', 'Hosta. Åter vid feber.')).toEqual([]);
  });

  it('works in English with "denies" and "no"', () => {
    expect(en('Doctor: Any fever?\nPatient: No.', 'Reports fever.')).toEqual([['negation', 'fever']]);
    expect(en('Patient: I have had a cough for a week.', 'Denies cough.')).toEqual([['negation', 'Denies cough']]);
  });
});

describe('diagnoses and plans', () => {
  it('accepts synonyms and flags diagnoses never said', () => {
    expect(sv('Det är en lunginflammation.', 'Bedömning: Pneumoni.')).toEqual([]);
    expect(sv('Det är en förkylning.', 'Bedömning: Pneumoni.')).toEqual([['diagnosis', 'Pneumoni']]);
    expect(sv('Du har stukat foten.', 'Bedömning: Fotledsfraktur.')).toEqual([['diagnosis', 'Fotledsfraktur']]);
  });

  it('flags plans whose object or ordered item was not said', () => {
    const t = 'Jag skickar en remiss till ortopeden och vi ses om två veckor.';
    expect(sv(t, 'Planering: Remiss till ortopedmottagningen. Återbesök om 2 veckor.')).toEqual([]);
    expect(sv(t, 'Planering: Remiss till hudkliniken. MR knä beställs.')).toEqual([
      ['plan', 'Remiss till hudkliniken.'], ['plan', 'MR knä beställs.'],
    ]);
    expect(en('I will refer you to cardiology.', 'Plan: refer to dermatology.')).toEqual([['plan', 'refer to dermatology.']]);
  });
});

describe('result shape and speed', () => {
  const transcript = [
    { id: 's1', text: 'Jag har haft hosta i tre dagar.' },
    { id: 's2', text: 'Har du haft feber? Nej.' },
  ];
  const note = 'Aktuellt: Hosta i 3 dagar. Feber.';

  it('cites the closest segment id and counts sentences', () => {
    const r = checkGrounding({ transcript, note, language: 'sv' });
    expect(r.sentences).toBe(2);
    expect(r.flags).toEqual([
      {
        kind: 'negation', span: 'Feber', start: 27, end: 32, evidence: 's2', severity: 'critical', reason: 'asserted in the note, negated in the consultation',
        said: 'Har du haft feber?', message: 'Anteckningen anger ”Feber”, men i samtalet nekades det: ”Har du haft feber?”.',
      },
    ]);
    expect(note.slice(27, 32)).toBe('Feber');
    expect(r.flagsPerSentence).toBe(0.5);
  });

  it('is deterministic', () => {
    const first = checkGrounding({ transcript, note, language: 'sv' });
    for (let i = 0; i < 5; i++) expect(checkGrounding({ transcript, note, language: 'sv' })).toEqual(first);
  });

  it('rejects invalid input at the edge', () => {
    expect(() => checkGrounding({ transcript: 'x', note: 'y', language: 'de' as 'sv' })).toThrow();
  });
});
