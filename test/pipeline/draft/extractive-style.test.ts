import { describe, expect, it } from 'vitest';
import { announcedObject, judgementItself, resolveAnnounced, sentenceAct } from '../../../server/pipeline/draft/extractive-acts';
import { answerStatement } from '../../../server/pipeline/draft/extractive-qa';
import { noteStyleSv } from '../../../server/pipeline/draft/extractive-style';

// Synthetic Swedish sentences written for these tests.
describe('noteStyleSv: numbers, units and telegraphic third person', () => {
  it.each([
    ['Det är hundrafyrtiofem över nittiotvå.', 'Det är 145/92 mmHg.'],
    ['Temperaturen var trettioåtta komma fem grader.', 'Temperaturen 38,5 grader.'],
    ['Patienten tar Alvedon femhundra milligram tre gånger om dagen.', 'Tar Alvedon 500 mg × 3.'],
    ['Patienten får penicillin, en tablett tre gånger om dagen i tio dagar.', 'Får penicillin, 1 tablett × 3 i tio dagar.'],
    ['Pulsen är sjuttiotvå och regelbunden.', 'Pulsen 72 och regelbunden.'],
    ['Smärtan är fyra av tio.', 'Smärtan 4 av 10.'],
    ['Saturationen är nittiosju procent.', 'Saturationen 97 %.'],
    ['Patienten har haft ont i halsen i tre dagar.', 'Ont i halsen i tre dagar.'],
    ['Nej, patienten har inte ramlat.', 'Har inte ramlat.'],
    ['Kom tillbaka om två veckor.', 'Kom tillbaka om två veckor.'],
    ['Klockan fem över tre.', 'Klockan fem över tre.'],
    ['Feber trettioåtta och fem som högst.', 'Feber trettioåtta och fem som högst.'],
  ])('%s → %s', (said, written) => {
    expect(noteStyleSv(said)).toBe(written);
  });
});

describe('answerStatement: a question and its answer as one statement', () => {
  it.each([
    ['Feber', 'ja.', 'Feber.'],
    ['Feber', 'ja, igår kväll 38,5.', 'Feber 38,5 igår kväll.'],
    ['Bröstsmärtor eller andfåddhet', 'nej, inte alls.', 'Ej bröstsmärtor eller andfåddhet.'],
    ['Hostat', 'nej, ingen hosta alls.', 'Ingen hosta alls.'],
    ['Känningar av lågt socker', 'nä, int nå sånt.', 'Ej känningar av lågt socker.'],
    ['Röker', 'nej, patienten slutade för tio år sedan.', 'Röker: nej, patienten slutade för tio år sedan.'],
    ['Yr när sätter dig upp', 'nej.', 'Ej yr när sätter sig upp.'],
  ])('%s – %s → %s', (topic, answer, statement) => {
    expect(answerStatement(topic, answer)).toBe(statement);
  });
});

describe('sentenceAct: talk, announcements, judgement and plans', () => {
  it.each([
    ['Det gör jag.', 'patient', 'talk'],
    ['Tack så mycket.', 'clinician', 'talk'],
    ['Nu mäter jag blodtrycket här.', 'clinician', 'announcement'],
    ['Jag lyssnar på hjärtat.', 'clinician', 'announcement'],
    ['Jag bedömer att det är en halsfluss.', 'clinician', 'assessment'],
    ['Det låter som magsjuka.', 'clinician', 'assessment'],
    ['Vi ökar Enalapril till tjugo milligram.', 'clinician', 'plan'],
    ['Drick ordentligt och vila.', 'clinician', 'plan'],
    ['Om det blir värre, ring 1177.', 'clinician', 'plan'],
    ['Halsen är röd.', 'clinician', null],
    ['Jag har ont i magen.', 'patient', null],
  ] as const)('%s (%s) → %s', (sentence, speaker, act) => {
    expect(sentenceAct(sentence, speaker === 'clinician' ? 'clinician' : 'other')).toBe(act);
  });

  it('gives an announced examination to the value read out after it', () => {
    const object = announcedObject('Nu mäter jag blodtrycket här.');
    expect(object).toBe('blodtrycket');
    expect(resolveAnnounced('Det är hundrafyrtiofem över nittiotvå.', object!)).toBe('Blodtrycket hundrafyrtiofem över nittiotvå.');
  });

  it('keeps the judgement and its doubt, not the words around it', () => {
    expect(judgementItself('Bedömer att det är en halsfluss orsakad av streptokocker.')).toBe('Halsfluss orsakad av streptokocker.');
    expect(judgementItself('Misstänker att det kan vara kärlkramp.')).toBe('Misstänker att det kan vara kärlkramp.');
    // Without "att", the clause's subordinate order would read "Det troligen är en …".
    expect(judgementItself('Min bedömning är att det troligen är en överbelastning.')).toBe('Troligen överbelastning.');
  });
});
