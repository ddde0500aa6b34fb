import { describe, expect, it } from 'vitest';
// The rules' own severities: how loud each class of claim is shown is the policy's (grounding-policy.test.ts).
import { checkRules } from '../../evals/metrics/grounding/checker';

/**
 * The general ways Swedish writes the same fact that issue #14's second round
 * taught the checker (clock dials, rating scales, digit groups, inverted
 * clauses, noun-phrase heads, comparisons, body-part wholes, drug
 * indications, plan words). Each rule is shown quiet on a correct paraphrase
 * and loud on a wrong one, with sentences written for this test.
 */
const kinds = (transcript: string, note: string) =>
  checkRules({ transcript, note, language: 'sv' }).flags.map((f) => [f.kind, f.span, f.severity]);

describe('number forms', () => {
  it('reads a spoken clock time on a 12-hour dial', () => {
    const t = 'Patient: Jag tog tabletten klockan tre.';
    expect(kinds(t, 'Tog tabletten kl 15.')).toEqual([]);
    expect(kinds(t, 'Tog tabletten kl 3.')).toEqual([]);
    expect(kinds(t, 'Tog tabletten kl 17.')).toEqual([['number', '17', 'critical']]);
  });

  it('reads spoken clock phrases ("halv nio") and one-letter vitals ("P 92")', () => {
    expect(kinds('Patient: Jag vaknade vid halv nio.', 'Vaknade kl 08.30.')).toEqual([]);
    expect(kinds('Patient: Jag vaknade vid halv nio.', 'Vaknade kl 9.30.').map((k) => k[0])).toEqual(['number']);
    expect(kinds('Läkare: Pulsen är nittiotvå.', 'Status: P 92.')).toEqual([]);
    expect(kinds('Läkare: Pulsen är nittiotvå.', 'Status: P 29.').map((k) => [k[0], k[2]])).toEqual([['number', 'critical']]);
  });

  it('does not read the ends of a rating scale as ratings; a number noun ("en sexa") is a rating', () => {
    const t = 'Läkare: Hur ont har du på en skala från noll till tio?\nPatient: En sexa, ungefär.';
    expect(kinds(t, 'Smärta VAS 6/10.')).toEqual([]);
    expect(kinds(t, 'Smärta VAS 9/10.').map((k) => k[0])).toEqual(['number']);
  });

  it('reads thousands grouped with a space, "kvart" and "halvtid"', () => {
    const t = 'Hon tjänar tolvtusen i månaden och jobbar halvtid. Anfallet varade en kvart.';
    expect(kinds(t, 'Inkomst 12 000 kr/mån, arbetar 50 %. Anfall ca 15 min.')).toEqual([]);
    expect(kinds(t, 'Inkomst 12 000 kr/mån, arbetar 50 %. Anfall ca 45 min.')).toEqual([['number', '45 min', 'critical']]);
  });

  it('compares a count of episodes with "N gånger" of the same diagnosis', () => {
    const t = 'Läkare: Har han haft lunginflammation förut?\nMamma: Tre gånger.';
    expect(kinds(t, 'Tre tidigare pneumonier.')).toEqual([]);
    expect(kinds(t, 'Fem tidigare pneumonier.').map((k) => [k[0], k[2]])).toEqual([['number', 'critical']]);
  });
});

describe('negation in Swedish word order', () => {
  it('negates a fronted object, not a fronted time ("strumporna klarar jag inte", "i somras har jag inte …")', () => {
    const t = 'Patient: Skjortan går bra, men strumporna klarar jag inte. I somras har jag inte haft ont i ryggen.';
    expect(kinds(t, 'Klarar skjorta, ej strumpor. Ingen ryggsmärta i somras.')).toEqual([]);
    expect(kinds(t, 'Klarar skjorta och strumpor själv.').map((k) => k[0])).toEqual(['negation']);
  });

  it('lets a negation take the head of its noun phrase ("inga stora sår" does not deny "stor" elsewhere)', () => {
    const t = 'Sjuksköterska: Det finns inga stora sår på fötterna. Hälen är stor och svullen.';
    expect(kinds(t, 'Inga sår. Svullen häl.')).toEqual([]);
  });

  it('lets a "nej" deny the question, not its subordinate clause ("… när du går?")', () => {
    const t = 'Läkare: Får du ont i bröstet när du går i trappor?\nPatient: Nej.';
    expect(kinds(t, 'Går i trappor utan bröstsmärta.')).toEqual([]);
    expect(kinds(t, 'Bröstsmärta vid trappgång.').map((k) => [k[0], k[2]])).toEqual([['negation', 'critical']]);
  });

  it('reads a reduced amount as neither yes nor no ("dricker dåligt" after "vill inte dricka")', () => {
    expect(kinds('Mamma: Hon vill inte dricka.', 'Dricker dåligt.')).toEqual([]);
  });

  it('reads "undviks" and "väntar med" as not given now', () => {
    const t = 'Läkare: Penicillin vill jag inte ge nu, vi väntar med antibiotika några dagar.';
    expect(kinds(t, 'Antibiotika undviks tills vidare. Exspektans.')).toEqual([]);
  });
});

describe('terms and sides', () => {
  it('takes the side after "jmf" as the reference side', () => {
    const t = 'Fysioterapeut: Kraften i vänster knä är nedsatt jämfört med höger.';
    expect(kinds(t, 'Nedsatt kraft vä knä jmf hö.')).toEqual([]);
    expect(kinds(t, 'Nedsatt kraft hö knä jmf vä.').map((k) => k[0])).toEqual(['laterality']);
  });

  it('knows that a toe is on the foot', () => {
    const t = 'Patient: Det var i höger fot, i stortån.';
    expect(kinds(t, 'Smärta vä stortå.').map((k) => k[0])).toEqual(['laterality']);
  });

  it('accepts a diagnosis implied by a single-indication drug and a definite loanword ("diabetesen")', () => {
    expect(kinds('Sköterska: Du tar Levaxin varje morgon?', 'Anamnes: Hypotyreos.')).toEqual([]);
    expect(kinds('Sköterska: Hur går det med diabetesen?', 'Anamnes: Diabetes.')).toEqual([]);
  });

  it('accepts an injury named in Latin when it was said in Swedish ("skafoideumfraktur" = "båtbensfraktur")', () => {
    const t = 'Läkare: Det kan vara en båtbensfraktur, vi röntgar.';
    expect(kinds(t, 'Bedömning: Misstänkt skafoideumfraktur.')).toEqual([]);
    expect(kinds(t, 'Bedömning: Misstänkt radiusfraktur.').map((k) => [k[0], k[2]])).toEqual([['diagnosis', 'critical']]);
  });

  it('matches a lay phrase with a filler word inside it, and catches the flip', () => {
    const t = 'Läkare: Har det runnit något ur örat?\nPappa: Nej.';
    expect(kinds(t, 'Öronflytning sedan igår.').map((k) => [k[0], k[2]])).toEqual([['negation', 'critical']]);
    expect(kinds(t, 'Ingen öronflytning.')).toEqual([]);
  });

  it('supports a plan said in everyday words ("du läggs in" → inläggning, "drick ordentligt" → rikligt med vätska)', () => {
    const t = 'Läkare: Du läggs in på medicinavdelningen. Drick ordentligt.';
    expect(kinds(t, 'Planering: Inläggning medicinavdelning. Rikligt med vätska.')).toEqual([]);
  });
});
