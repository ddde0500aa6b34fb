import { describe, expect, it } from 'vitest';
import { isApology, sentenceAct } from '../../../server/pipeline/draft/extractive-acts';
import { answerStatement, questionTopic } from '../../../server/pipeline/draft/extractive-qa';
import { routeBySpeaker } from '../../../server/pipeline/draft/extractive-route';
import { compileSections } from '../../../server/pipeline/draft/extractive-score';
import { cleanSentence } from '../../../server/pipeline/draft/extractive-clean';
import { noteStyleSv } from '../../../server/pipeline/draft/extractive-style';
import { whTopic, withUnit } from '../../../server/pipeline/draft/extractive-wh';

// Sentences written for these tests; no real consultation.

describe('open questions give a short answer its topic', () => {
  it.each([
    ['Hur många timmar sover du ungefär?', 'Fyra, kanske fem.', 'Sover fyra, kanske fem timmar.'],
    ['Hur många gånger har hon kräkts?', 'Fem gånger kanske.', 'Kräkts: fem gånger kanske.'],
    ['Hur har blodsockret varit hemma?', 'Mellan sju och elva ungefär.', 'Blodsockret hemma: mellan sju och elva ungefär.'],
    ['Hur ont gör det om du tänker på en skala från noll till tio?', 'Kanske sex.', 'Ont: kanske 6/10.'],
  ])('%s – %s → %s', (question, answer, statement) => {
    const topic = whTopic(question);
    expect(topic).not.toBeNull();
    expect(withUnit(answer, topic!)).toBe(statement);
  });

  it.each(['Hur mår du?', 'Hur har du mått?', 'Hur känns det?', 'Vad hände sen?', 'Hur är det med dig?'])('%s has no topic: its answer stands alone', (question) => {
    expect(whTopic(question)).toBeNull();
  });

  it('"Vill du berätta lite?" is an open invitation, not a topic', () => {
    expect(questionTopic('Vill du berätta lite?', 'sv')).toBeNull();
  });
});

describe('answers as note statements', () => {
  it.each([
    ['Feber', 'Ja, igår kväll hade jag trettioåtta komma fem.', 'Feber trettioåtta komma fem igår kväll.'],
    ['Avföring', 'Inte på tre dagar.', 'Ej avföring på tre dagar.'],
    ['Svullen eller röd bakom örat', 'Nej, inte vad jag märker.', 'Ej svullen eller röd bakom örat.'],
    ['Ramlat något sedan du kom hem', 'Nej, ingenting.', 'Ramlat något sedan patienten kom hem: nej.'],
    ['Rollatorn inne', 'Ja, hela tiden.', 'Rollatorn inne: hela tiden.'],
  ])('%s – %s → %s', (topic, answer, statement) => {
    expect(answerStatement(topic, answer)).toBe(statement);
  });

  it('writes the yes-answer with its value first, in digits, as the note does', () => {
    expect(noteStyleSv(answerStatement('Feber', 'Ja, igår kväll hade jag trettioåtta komma fem.'))).toBe('Feber 38,5 igår kväll.');
  });

  it('keeps a dose with its drug and unit in the spoken order (a new user saw "Medicin för det 500 tagit paracetamol milligram")', () => {
    const topic = questionTopic('Har du tagit någon medicin för det?', 'sv')!;
    const statement = noteStyleSv(answerStatement(topic, 'Ja, jag har tagit paracetamol 500 milligram tre gånger om dagen.'));
    expect(statement).toMatch(/paracetamol 500 mg/);
    expect(statement).not.toMatch(/500 tagit/);
  });
});

describe('talk left out', () => {
  it.each([
    ['Hej, jag är läkaren från hemsjukvården.', 'clinician'],
    ['Jag är fysioterapeut och ska hjälpa dig upp i dag.', 'clinician'],
    ['Sjukvårdsrådgivningen, du pratar med en sjuksköterska.', 'clinician'],
    ['Så, då är vi igång.', 'clinician'],
    ['Förlåt, det var lite rörigt i korridoren.', 'clinician'],
    ['Goddag, slå er ner båda två.', 'clinician'],
    ['Det är jag som är doktorn från vårdcentralen.', 'clinician'],
    ['När man mår så här dåligt kan man ibland ha tankar på att inte vilja leva.', 'clinician'],
  ] as const)('%s (%s) → talk', (sentence, speaker) => {
    expect(sentenceAct(sentence, speaker)).toBe('talk');
  });

  it('an apology opening an answer is left out even there', () => {
    expect(isApology('Hej, ja, förlåt, jag står på en perrong, det är mycket ljud.')).toBe(true);
    expect(isApology('Ja, igår kväll hade jag feber.')).toBe(false);
  });

  it.each([
    ['Hej, vi sa att vi skulle titta på hur det går i köket i dag.', 'announcement'],
    ['Det är normalt så här dag ett.', 'assessment'],
    ['Smärtan är inte tillräckligt behandlad med nuvarande dos.', 'assessment'],
  ] as const)('%s → %s', (sentence, act) => {
    expect(sentenceAct(sentence, 'clinician')).toBe(act);
  });
});

describe('telegraphic note style', () => {
  it.each([
    ['Int har patienten slagit sig.', 'Har inte slagit sig.'],
    ['Bra, tycker jag.', 'Bra.'],
    ['Ärligt talat sämre.', 'Sämre.'],
    ['Magen är lite spänd men inte öm.', 'Magen lite spänd men inte öm.'],
    ['Hon är trött men svarar.', 'Hon är trött men svarar.'],
    ['Det har blivit värre i ryggen.', 'Värre i ryggen.'],
    ['Har mått dåligt sedan i höstas.', 'Mått dåligt sedan i höstas.'],
    ['Vi tar blodprover och så ringer sköterskan upp.', 'Tar blodprover och ringer sköterskan upp.'],
    ['Nystagmus ser jag inte och går stadigt.', 'Ej nystagmus och går stadigt.'],
    ['Sammanfattningsvis är astman inte under kontroll.', 'Astman är inte under kontroll.'],
  ])('%s → %s', (said, written) => {
    expect(noteStyleSv(said)).toBe(written);
  });
});

describe('where a sentence goes by who said it', () => {
  const sections = compileSections([
    { key: 'aktuellt', heading: 'Aktuellt', cues: [], instructions: '' },
    { key: 'status', heading: 'Status', cues: [], instructions: '' },
    { key: 'atgard', heading: 'Åtgärd', cues: [], instructions: '' },
  ] as never);

  it("keeps a patient's words out of the clinician's headings", () => {
    expect(routeBySpeaker([2, 0], sections, [1, 0, 2], 'patient', 0)).toEqual([0]);
    expect(routeBySpeaker([2], sections, [0, 0, 2], 'relative', 0)).toEqual([0]);
  });

  it("keeps a patient's uncued statement as history and a clinician's as a finding, for the budget to weigh", () => {
    expect(routeBySpeaker([], sections, [0, 0, 0], 'relative', 0)).toEqual([0]);
    expect(routeBySpeaker([], sections, [0, 0, 0], 'clinician', 0)).toEqual([1]);
  });
});

describe('the patient in a subordinate clause, and doses without a frequency', () => {
  it('writes "hen" after om/när, as notes do', () => {
    expect(cleanSentence('Hör av dig om du inte är bättre om tre dagar.', { language: 'sv', role: 'clinician', minWords: 2 })).toBe('Hör av sig om hen inte är bättre om tre dagar.');
    expect(cleanSentence('Det gör ont när jag sväljer.', { language: 'sv', role: 'patient', minWords: 2 })).toBe('Det gör ont när hen sväljer.');
  });

  it('keeps "en inhalation morgon och kväll" in words; "en tablett tre gånger om dagen" is "1 tablett × 3"', () => {
    expect(noteStyleSv('Byter till Symbicort, en inhalation morgon och kväll.')).toBe('Byter till Symbicort, en inhalation morgon och kväll.');
    expect(noteStyleSv('Får penicillin, en tablett tre gånger om dagen.')).toBe('Får penicillin, 1 tablett × 3.');
  });
});
