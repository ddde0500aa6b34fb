import { describe, expect, it } from 'vitest';
// The rules' own severities: how loud each class of claim is shown is the policy's (grounding-policy.test.ts).
import { checkRules } from '../../evals/metrics/grounding/checker';

/**
 * Rules from issue #14's third round (general causes read from the reported
 * locked-2 split, now development material): numbers by role and
 * circumstance, spoken decimals, what a weight is of, dialect negation,
 * sides in questions and compounds. Each rule is shown quiet on a correct
 * note and loud on a wrong one, with sentences written for this test.
 */
const flags = (transcript: string, note: string) =>
  checkRules({ transcript, note, language: 'sv' }).flags.map((f) => [f.kind, f.span, f.severity]);

describe('numbers: value, change, limit', () => {
  it('does not read a change ("gått upp tre kilo") or a limit ("över fyrtio") as the value', () => {
    const t = 'Sjuksköterska: Han har gått upp tre kilo sedan förra veckan, vikten i dag åttiotvå komma fem kilo.\n' +
      'Läkare: Stiger vikten mer än två kilo till ringer ni. Och får han feber över trettioåtta och fem ska ni höra av er.';
    expect(flags(t, 'Viktuppgång 3 kg sedan förra veckan, vikt idag 82,5 kg. Kontakt vid viktuppgång > 2 kg eller temp > 38,5.')).toEqual([]);
    expect(flags(t, 'Vikt idag 80,5 kg.')).toEqual([['number', '80,5 kg', 'critical']]);
    // A limit written as the value is not supported by the limit.
    expect(flags(t, 'Temp 38,5.')).toEqual([['number', '38,5', 'warning']]);
  });

  it('hears "trettioåtta och en" as 38,1', () => {
    const t = 'Patient: Jag tog tempen hemma i morse, trettioåtta och en.';
    expect(flags(t, 'Temp hemma i morse 38,1.')).toEqual([]);
    expect(flags(t, 'Temp hemma i morse 38,4.').map((f) => f[0])).toEqual(['number']);
  });

  it('keeps two values of one quantity apart by their circumstance (now / in the night, at rest / walking)', () => {
    const t = 'Sjuksköterska: Hur ont har du nu, på en skala från noll till tio?\nPatient: Kanske fyra. I natt var det åtta.';
    expect(flags(t, 'Smärta NRS 4 (8 i natt).')).toEqual([]);
    expect(flags(t, 'Smärta NRS 8 (4 i natt).').map((f) => [f[1], f[2]])).toEqual([['8', 'critical'], ['4', 'critical']]);
    const u = 'Fysioterapeut: Hur ont gör det på en skala från noll till tio?\nPatient: Tre i vila. Sju vid gång.';
    expect(flags(u, 'NRS 3 i vila, 7 vid gång.')).toEqual([]);
    expect(flags(u, 'NRS 7 i vila.').map((f) => [f[1], f[2]])).toEqual([['7', 'critical']]);
  });

  it('reads "x 2" after a dose as times a day, and sets × repetitions as no load', () => {
    const t = 'Läkare: Vi minskar Furosemid från fyrtio milligram två gånger om dagen till fyrtio milligram en gång.';
    expect(flags(t, 'Furosemid minskas från 40 mg x 2 till 40 mg x 1.')).toEqual([]);
    const u = 'Fysioterapeut: Jag mäter greppstyrkan. Höger trettio kilo, vänster tjugo.\nFysioterapeut: Träna med hantel, två kilo, tre set om tolv.';
    expect(flags(u, 'Greppstyrka hö 30 kg, vä 20 kg. Träning med hantel 2 kg, 3 x 12 dagligen.')).toEqual([]);
    expect(flags(u, 'Greppstyrka hö 20 kg, vä 30 kg.').map((f) => f[2])).toEqual(['critical', 'critical']);
  });
});

describe('negation in dialect', () => {
  it('reads "int" as "inte" (northern Swedish)', () => {
    const t = 'Läkare: Domningar i fingrarna?\nPatient: Nä, int nå domning. Men hä värker.\nPatient: Nu dricker ja int alls på vardagarna.';
    expect(flags(t, 'Ingen domning. Alkohol: ingen på vardagar.')).toEqual([]);
    expect(flags(t, 'Domningar i fingrarna.')[0]).toEqual(['negation', 'Domningar', 'critical']);
  });
});

describe('laterality', () => {
  it('takes no side from a question that offers both, and knows the nose and the palm', () => {
    const t = 'Sjuksköterska: Från ena eller båda näsborrarna?\nDotter: Vänster. Bara vänster.\nSjuksköterska: Var gör det ont?\nMamma: I höger handflata.';
    expect(flags(t, 'Näsblod från vä näsborre. Smärta i hö handflata.')).toEqual([]);
    expect(flags(t, 'Näsblod bilat.').map((f) => [f[0], f[2]])).toEqual([['laterality', 'critical']]);
    expect(flags(t, 'Smärta i vä handflata.').map((f) => [f[0], f[2]])).toEqual([['laterality', 'critical']]);
  });

  it('reads the side in a hyphenated compound ("hö-sidig") against the part said', () => {
    const t = 'Sjuksköterska: Du opererades i går, höger del av tjocktarmen.';
    expect(flags(t, 'Status efter hö-sidig hemikolektomi.')).toEqual([]);
    expect(flags(t, 'Status efter vä-sidig hemikolektomi.').map((f) => [f[0], f[2]])).toEqual([['laterality', 'critical']]);
  });
});

describe('qualifiers that change a diagnosis', () => {
  it('asks about a qualifier nobody said ("permanent", "kronisk", "NYHA IV") and about one end of a range said', () => {
    const t = 'Läkare: Det här är förmaksflimmer. Hjärtsvikten är i bättring.\nPsykolog: Det motsvarar ett måttligt till svårt tvångssyndrom.';
    expect(flags(t, 'Bedömning: Förmaksflimmer. Hjärtsvikt i bättring. Måttligt till svårt tvångssyndrom.')).toEqual([]);
    expect(flags(t, 'Bedömning: Permanent förmaksflimmer.')).toEqual([['diagnosis', 'Permanent förmaksflimmer', 'warning']]);
    expect(flags(t, 'Bedömning: Hjärtsvikt NYHA IV i bättring.')).toEqual([['diagnosis', 'NYHA IV', 'warning']]);
    expect(flags(t, 'Bedömning: Svårt tvångssyndrom.')).toEqual([['diagnosis', 'Svårt tvångssyndrom', 'warning']]);
    expect(flags('Läkare: Hjärtsvikt, NYHA 2.', 'Hjärtsvikt NYHA III.')).toEqual([['diagnosis', 'NYHA III', 'critical']]);
  });
});

describe('certainty and ability in paraphrase', () => {
  it('reads a diagnosis under "Diagnos:" as made, so a hedged one ("talar för") is a contradiction', () => {
    const t = 'Psykolog: Det talar för social ångest, men vi gör en fördjupad bedömning innan något är säkert.';
    expect(flags(t, 'Bedömning: Bild som talar för social ångest.')).toEqual([]);
    expect(flags(t, 'Bedömning: Fördjupad bedömning planeras. Diagnos: social ångest.').filter((f) => f[0] === 'certainty').map((f) => f[2])).toEqual(['critical']);
  });

  it('reads "behöver hjälp med X" as "klarar inte X"', () => {
    const t = 'Arbetsterapeut: Hur går det med dusch och påklädning?\nDotter: Hon klarar personlig vård själv, både dusch och påklädning.';
    expect(flags(t, 'Klarar personlig vård själv.')).toEqual([]);
    expect(flags(t, 'Behöver hjälp med personlig vård.').map((f) => [f[0], f[2]])).toContainEqual(['negation', 'critical']);
  });
});
