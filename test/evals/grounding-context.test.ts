import { describe, expect, it } from 'vitest';
// The rules' own severities: how loud each class of claim is shown is the policy's (grounding-policy.test.ts).
import { checkRules } from '../../evals/metrics/grounding/checker';

const flags = (transcript: string, note: string) => checkRules({ transcript, note, language: 'sv' }).flags;
const kinds = (transcript: string, note: string) => flags(transcript, note).map((f) => [f.kind, f.span, f.severity]);

describe('numbers in context', () => {
  const vitals = 'Läkare: Här har du puls sjuttioåtta, blodtryck hundrasextio över nittio, syremättnad nittiosex procent.';

  it('accepts each value for its own quantity, in words or digits', () => {
    expect(kinds(vitals, 'Status: Puls 78, BT 160/90, SpO2 96 %.')).toEqual([]);
  });

  it('flags the pulse written as the saturation: the value was said, but for another quantity', () => {
    const [f] = flags(vitals, 'Status: Puls 78, BT 160/90, SpO2 78 %.');
    expect([f?.span, f?.severity]).toEqual(['78 %', 'critical']);
    expect(f?.message).toBe('Saturationen: anteckningen 78 %, samtalet ”nittiosex procent”.');
  });

  it('tells a temperature at home from one measured at the visit', () => {
    const t = 'Läkare: Har du haft feber?\nPatient: Trettioåtta och sju i morse hemma.\nLäkare: Temperaturen här är trettioåtta komma ett.';
    expect(kinds(t, 'Aktuellt: Feber 38,7 i morse.\nStatus: Temp 38,1.')).toEqual([]);
    const [f] = flags(t, 'Aktuellt: Feber 38,7 i morse.\nStatus: Temp 38,7.');
    expect([f?.span, f?.severity]).toEqual(['38,7', 'critical']);
  });

  it('checks a dose against the dose said for that drug', () => {
    const t = 'Du tar Enalapril tio milligram. Jag lägger till Amlodipin fem milligram en gång om dagen.';
    expect(kinds(t, 'Enalapril 10 mg. Tillägg Amlodipin 5 mg x 1.')).toEqual([]);
    expect(kinds(t, 'Enalapril 10 mg. Tillägg Amlodipin 10 mg x 1.')).toEqual([['number', '10 mg', 'critical']]);
  });

  it('checks a count against what was counted, also when the answer is a bare number', () => {
    const t = 'Arbetsterapeut: Hur många trappsteg är det?\nHustru: Fjorton.\nArbetsterapeut: Tröskeln är fem centimeter.';
    expect(kinds(t, '14 trappsteg. Tröskel 5 cm.')).toEqual([]);
    expect(kinds(t, '5 trappsteg. Tröskel 5 cm.')).toEqual([['number', '5 trappsteg', 'critical']]);
  });

  it('reads spoken amounts: "en halvtimme", "i förrgår", "två och en halv tablett"', () => {
    const t = 'Jag promenerar en halvtimme tre gånger i veckan. Det började i förrgår. Jag tar två och en halv tablett Waran.';
    expect(kinds(t, 'Promenerar 30 min 3 ggr/v. Besvär sedan 2 dagar. Waran 2,5 tabl.')).toEqual([]);
    expect(kinds(t, 'Promenerar 30 min 4 ggr/v.')).toEqual([['number', '4 ggr', 'critical']]);
  });
});

describe('negations in paraphrase, both ways', () => {
  it('knows lay and clinical words for the same finding (synonym lexicon)', () => {
    const t = 'Läkare: Har du kräkts?\nPatient: Nej.\nLäkare: Svullna ben?\nPatient: Nej, inte vad jag märkt.';
    expect(kinds(t, 'Inga kräkningar. Inga bensvullnader.')).toEqual([]);
    expect(kinds(t, 'Kräkningar. Bensvullnad bilat.').map((k) => k[0])).toEqual(['negation', 'negation']);
  });

  it('flags a negation of what was affirmed, and reads "afebril", "förnekar", post-verb "inte"', () => {
    expect(kinds('Patient: Jag har haft feber sedan i går.', 'Afebril.')).toEqual([['negation', 'Afebril', 'critical']]);
    expect(kinds('Patient: Nej, ingen feber.', 'Afebril.')).toEqual([]);
    expect(kinds('Hon vill inte släppa in dem alltid.', 'Släpper inte alltid in personalen.')).toEqual([]);
    expect(kinds('Patient: Det låser sig aldrig.', 'Återkommande låsningar.')).toEqual([['negation', 'låsningar', 'critical']]);
  });

  it('flags abnormal where normal was said, and the reverse', () => {
    expect(kinds('Kraften är normal.', 'Nedsatt kraft i vä fot.')[0]?.slice(0, 1)).toEqual(['negation']);
    expect(kinds('Kraften är normal.', 'Normal kraft.')).toEqual([]);
  });
});

describe('laterality', () => {
  it('flags a side said the other way for that body part, including ellipsis', () => {
    const t = 'Läkare: Vänster trumhinna är röd och buktar. Höger ser normal ut.';
    expect(kinds(t, 'Vä trumhinna rodnad och buktande. Hö trumhinna ua.')).toEqual([]);
    expect(kinds(t, 'Hö trumhinna rodnad och buktande.')).toEqual([['laterality', 'Hö', 'critical']]);
    expect(kinds('Det sticker i tårna, i båda fötterna.', 'Stickningar i tårna bilat.')).toEqual([]);
    expect(kinds('Det sticker i tårna, i båda fötterna.', 'Stickningar i tårna hö.')).toEqual([['laterality', 'hö', 'critical']]);
  });
});

describe('certainty and qualifiers', () => {
  it('flags a suspected diagnosis written as definite, not one the clinician stated', () => {
    expect(kinds('Det kan vara en öroninflammation.', 'Bedömning: Otit.')).toEqual([['certainty', 'Otit', 'critical']]);
    expect(kinds('Det kan vara en öroninflammation.', 'Bedömning: Misstänkt otit.')).toEqual([]);
    // hedged in the consultation's own words
    expect(kinds('Det låter som en blåskatarr.', 'Bedömning: Det låter som en blåskatarr.')).toEqual([]);
    expect(kinds('Hon har en öroninflammation.', 'Bedömning: Otit.')).toEqual([]);
    expect(kinds('Det här talar för ischias.', 'Bedömning: Ischias.')).toEqual([]);
    expect(kinds('Det här talar för ischias.', 'Bedömning: Konstaterad ischias.')).toEqual([['certainty', 'ischias', 'critical']]);
  });

  it('flags a qualifier that contradicts the one said', () => {
    expect(kinds('Jag tolkar det som en måttlig depression.', 'Bedömning: Svår depression.')).toEqual([['certainty', 'Svår depression', 'critical']]);
  });
});

describe('severity', () => {
  it('critical contradicts; a plan or history diagnosis not found is only "Kontrollera"', () => {
    const f = flags('Vi ses om två veckor.', 'Anamnes: Typ 2-diabetes.\nPlanering: Remiss till kardiolog. Återbesök om 2 veckor.');
    expect(f.map((x) => [x.kind, x.severity])).toEqual([['diagnosis', 'warning'], ['plan', 'warning']]);
    expect(f[1]?.message).toMatch(/^Kontrollera planen/);
  });
});
