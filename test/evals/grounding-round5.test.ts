import { describe, expect, it } from 'vitest';
// The rules' own severities: how loud each class of claim is shown is the policy's (grounding-policy.test.ts).
import { checkRules } from '../../evals/metrics/grounding/checker';

/**
 * Issue #14, round 5: typed claims. A value is compared with what was said for the same named
 * measurement (a lab analysis, a rating scale, a target, a cut-off), at the same point in time;
 * known false alarms of earlier rounds stay quiet. Sentences written for this test.
 */
const flags = (transcript: string, note: string) =>
  checkRules({ transcript, note, language: 'sv' }).flags.map((f) => [f.kind, f.span, f.severity]);

describe('values bound to a named measurement', () => {
  it('catches two lab values written in each other\'s place, though both numbers were said', () => {
    const t = 'Läkare: Svaren kom nu. Kreatinin hundrafyrtio, kalium fyra komma åtta.';
    expect(flags(t, 'Lab: Krea 140, kalium 4,8.')).toEqual([]);
    expect(flags(t, 'Lab: Krea 4,8, kalium 140.').map((f) => [f[1], f[2]])).toEqual([['4,8', 'critical'], ['140', 'critical']]);
  });

  it('binds a spoken answer to the analysis asked for, and an admission value to its time', () => {
    const t = 'Läkare: Vad har hon för CRP?\nSjuksköterska: Fyrtiotvå idag. Vid inskrivningen var det hundrasextio.';
    expect(flags(t, 'CRP 42 (160 vid inskrivning).')).toEqual([]);
    expect(flags(t, 'CRP 160 (42 vid inskrivning).').map((f) => [f[1], f[2]])).toEqual([['160', 'critical'], ['42', 'critical']]);
  });

  it('keeps a scale score apart from its cut-off, said before or after it', () => {
    const t = 'Psykolog: Formuläret, MADRS, gav tjugoåtta poäng i dag. Tjugo eller mer räknas som måttlig depression.';
    expect(flags(t, 'MADRS 28 p (gräns 20).')).toEqual([]);
    expect(flags(t, 'MADRS 20 p.').map((f) => [f[1], f[2]])).toEqual([['20 p', 'critical']]);
  });

  it('keeps a measured value apart from its target', () => {
    const t = 'Sjuksköterska: Hon blåste PEF trehundrafyrtio och målvärdet är fyrahundra.';
    expect(flags(t, 'PEF 340 l/min (målvärde 400).')).toEqual([]);
    expect(flags(t, 'PEF 400 l/min (målvärde 340).').map((f) => f[2])).toEqual(['critical', 'critical']);
  });

  it('carries a spoken value\'s measurement to the next sentence of the same turn', () => {
    const t = 'Sjuksköterska: Din skattning, PHQ-9, blev elva idag. När vi började var den nitton.';
    expect(flags(t, 'PHQ-9 11 (19 vid start).')).toEqual([]);
    expect(flags(t, 'PHQ-9 19 (11 vid start).').map((f) => f[2])).toEqual(['critical', 'critical']);
  });
});

describe('other typed claims', () => {
  it('compares a part of a whole with the part said of the same whole', () => {
    const t = 'Arbetsterapeut: Du klarade sex av tio uppgifter i testet.\nPatient: Och jag promenerade fyra dagar av sju.';
    expect(flags(t, 'Klarade 6/10 uppgifter. Promenerat 4 av 7 dagar.')).toEqual([]);
    expect(flags(t, 'Klarade 8 av 10 uppgifter.').map((f) => [f[1], f[2]])).toEqual([['8 av 10 uppgifter', 'critical']]);
  });

  it('binds how often to its drug when two drugs are said in one sentence', () => {
    const t = 'Läkare: Du tar Kåvepenin tre gånger om dagen och smörjer med Pevaryl två gånger om dagen.';
    expect(flags(t, 'Kåvepenin x 3. Pevaryl x 2.')).toEqual([]);
    expect(flags(t, 'Kåvepenin x 2. Pevaryl x 2.').map((f) => [f[1], f[2]])).toEqual([['2', 'critical']]);
  });

  it('reads "en puff" as one puff', () => {
    const t = 'Sjuksköterska: Du tar en puff av Flutide morgon och kväll.';
    expect(flags(t, 'Flutide 1 puff x 2.')).toEqual([]);
    expect(flags(t, 'Flutide 2 puffar x 2.').map((f) => [f[1], f[2]])).toEqual([['2 puffar', 'critical']]);
  });

  it('reads earlier episodes as a claim of their own, denied by "så här förut? — Nej"', () => {
    const t = 'Läkare: Har du haft så här förut?\nPatient: Nej, aldrig.\nLäkare: Det här är en bältros.';
    expect(flags(t, 'Bedömning: Bältros, första episoden. Inga tidigare episoder.')).toEqual([]);
    expect(flags(t, 'Bedömning: Bältros. Tidigare episoder av bältros.').map((f) => [f[0], f[2]])).toEqual([['negation', 'critical']]);
  });

  it('compares a claim about the past only with what was said about the past', () => {
    const t = 'Barnmorska: Hade du ont i ryggen förra graviditeten?\nPatient: Nej, inte alls.\nPatient: Men nu har jag ont i ryggen varje dag.';
    expect(flags(t, 'Ryggsmärta dagligen. Ingen ryggsmärta under förra graviditeten.').filter((f) => f[0] === 'negation')).toEqual([]);
  });

  it('decides "past" per clause: a past word elsewhere in the sentence does not hide today\'s contradiction', () => {
    expect(flags('Läkare: Har du ont i bröstet?\nPatient: Ja, jag har ont i bröstet.', 'Tidigare frisk, förnekar bröstsmärta.').filter((f) => f[0] === 'negation'))
      .toEqual([['negation', 'förnekar bröstsmärta', 'critical']]);
    expect(flags('Läkare: Hostar du?\nPatient: Ja, jag hostar mycket.', 'Feber sedan förra veckan, ingen hosta.').filter((f) => f[0] === 'negation'))
      .toEqual([['negation', 'ingen hosta', 'critical']]);
  });

  it('does not read a question about "det här läkemedlet" before as a question about earlier episodes', () => {
    const t = 'Patient: Jag har haft återkommande urinvägsinfektioner tidigare.\nLäkare: Har du tagit det här läkemedlet tidigare?\nPatient: Nej.';
    expect(flags(t, 'Tidigare återkommande urinvägsinfektioner.')).toEqual([]);
  });

  it('reads "X behövs inte" as X denied', () => {
    const t = 'Läkare: Något nytt besök hos mig behövs inte.';
    expect(flags(t, 'Inget nytt besök.').filter((f) => f[0] === 'negation')).toEqual([]);
  });
});

describe('known false alarms', () => {
  it('reads every item of a safety-net list as a condition, not as a finding', () => {
    const t = 'Läkare: Har du ont i ryggen?\nPatient: Nej.\nLäkare: Om du får feber eller ont i ryggen hör du av dig.';
    expect(flags(t, 'Förnekar ryggsmärta. Hör av sig vid feber, ryggsmärta eller sveda.').filter((f) => f[0] === 'negation')).toEqual([]);
    // A finding outside the advice is still compared.
    expect(flags(t, 'Ryggsmärta sedan i går.')).toEqual([['negation', 'Ryggsmärta', 'critical']]);
  });

  it('does not ask about a plan because of the pronoun "hen" or a prescribed course', () => {
    const t = 'Läkare: Jag skriver ut Kåvepenin i tio dagar, och du hör av dig om du inte är bättre om tre dagar.';
    expect(flags(t, 'Åtgärd/Planering: Kåvepenin i tio dagar. Patienten hör av sig om hen inte är bättre om tre dagar.')).toEqual([]);
  });
});
