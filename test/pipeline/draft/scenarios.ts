import { loadSeedWorkflows } from '../../../prompts/index';
import type { TranscriptSegment } from '../../../server/contracts/transcript';
import type { WorkflowSpec } from '../../../server/contracts/workflow';

/**
 * Synthetic Swedish consultations and the exact answers a scripted chat model
 * gives for them, shared by the drafter tests and the API tests. Each
 * consultation contains one trigger word (the scripts' key) that selects the
 * model's answer; nothing here is real patient data. None of the
 * consultations mentions a diagnosis, a drug, a dose or a plan.
 */
export const lakare: WorkflowSpec = (() => {
  const workflow = loadSeedWorkflows().find((w) => w.profession === 'lakare');
  if (!workflow) throw new Error('seed workflow lakare missing');
  return workflow;
})();

export type Turn = { speaker: string; text: string };

export const segmentsOf = (turns: readonly Turn[]): TranscriptSegment[] =>
  turns.map((t, i) => ({ id: `s${i + 1}`, start: null, end: null, speaker: t.speaker, text: t.text }));

/** Pasted form: one "Talare: text" per line. */
export const pasted = (turns: readonly Turn[]) => turns.map((t) => `${t.speaker}: ${t.text}`).join('\n');

type Sentence = { text: string; evidence: string[] };
const note = (sections: Record<string, Sentence[]>) =>
  JSON.stringify({ sections: Object.entries(sections).map(([key, sentences]) => ({ key, sentences })) });

/** Sore throat, all findings said; the model answers with a grounded note. */
export const THROAT: Turn[] = [
  { speaker: 'Läkare', text: 'Hej, vad kan jag hjälpa dig med idag?' },
  { speaker: 'Patient', text: 'Jag har haft ont i halsen i fyra dagar och det gör ont att svälja.' },
  { speaker: 'Läkare', text: 'Har du haft feber?' },
  { speaker: 'Patient', text: 'Nej, ingen feber alls.' },
  { speaker: 'Läkare', text: 'Halsen är lite röd men mandlarna är inte svullna.' },
];
export const THROAT_NOTE = note({
  kontaktorsak: [{ text: 'Ont i halsen sedan fyra dagar.', evidence: ['s2'] }],
  // s5 is cited wrongly on purpose: it shares no word with the sentence, so it must be dropped.
  aktuellt: [
    { text: 'Ont att svälja.', evidence: ['s2'] },
    { text: 'Ingen feber.', evidence: ['s4', 's5'] },
  ],
  status: [{ text: 'Halsen lite röd, mandlarna inte svullna.', evidence: [] }],
  bedomning: [],
  atgard: [],
});

/** A twisted knee; the model invents a diagnosis, a drug with a dose, and a referral. */
export const KNEE: Turn[] = [
  { speaker: 'Läkare', text: 'Vad gäller besöket?' },
  { speaker: 'Patient', text: 'Jag vrickade knäet i trappan i förrgår och det är svullet.' },
  { speaker: 'Läkare', text: 'Kan du gå på benet?' },
  { speaker: 'Patient', text: 'Ja, men jag haltar lite.' },
  { speaker: 'Läkare', text: 'Knäet är svullet på insidan och ömt vid tryck.' },
];
export const INVENTED = {
  diagnosis: 'Meniskskada i knäet.',
  dose: 'Ipren 400 mg tre gånger dagligen.',
  plan: 'Remiss till ortoped för magnetkameraundersökning.',
};
export const KNEE_NOTE = note({
  kontaktorsak: [{ text: 'Vrickat knäet i trappan i förrgår.', evidence: ['s2'] }],
  aktuellt: [{ text: 'Kan gå på benet men haltar lite.', evidence: ['s4'] }],
  status: [{ text: 'Knäet svullet på insidan och ömt vid tryck.', evidence: ['s5'] }],
  bedomning: [{ text: INVENTED.diagnosis, evidence: ['s5'] }],
  atgard: [
    { text: INVENTED.dose, evidence: [] },
    { text: INVENTED.plan, evidence: [] },
  ],
});

/** Bad answers: broken JSON, an id the transcript lacks, a required section left out. */
export const BACK: Turn[] = [
  { speaker: 'Patient', text: 'Jag fick ryggskott när jag lyfte en låda i lördags.' },
  { speaker: 'Läkare', text: 'Strålar det ner i benet?' },
  { speaker: 'Patient', text: 'Nej, det sitter mest i ländryggen.' },
];
export const BROKEN_JSON = '{"sections": [{"key": "kontaktorsak", "sentences": [{"text": "Ryggskott';

export const SHOULDER: Turn[] = [
  { speaker: 'Patient', text: 'Axeln värker när jag lyfter armen över huvudet.' },
  { speaker: 'Läkare', text: 'Sedan hur länge då?' },
  { speaker: 'Patient', text: 'Sedan två veckor ungefär.' },
];
export const UNKNOWN_ID_NOTE = note({
  kontaktorsak: [{ text: 'Värk i axeln vid lyft över huvudet.', evidence: ['s42'] }],
  aktuellt: [{ text: 'Sedan två veckor.', evidence: ['s3'] }],
  status: [],
  bedomning: [],
  atgard: [],
});

export const FOOT: Turn[] = [
  { speaker: 'Patient', text: 'Foten har svullnat upp under veckan.' },
  { speaker: 'Läkare', text: 'Gör det ont?' },
  { speaker: 'Patient', text: 'Nej, den känns bara stram.' },
];
export const MISSING_SECTION_NOTE = note({
  kontaktorsak: [{ text: 'Svullen fot sedan en vecka.', evidence: ['s1'] }],
  aktuellt: [{ text: 'Ingen smärta, känns stram.', evidence: ['s3'] }],
  atgard: [],
});

/** A follow-up on a blood thinner; the model writes another dose than the one said. */
export const WARFARIN: Turn[] = [
  { speaker: 'Läkare', text: 'Hur går det med den blodförtunnande medicinen?' },
  { speaker: 'Patient', text: 'Bra. Jag tar Waran fem milligram varje kväll.' },
  { speaker: 'Läkare', text: 'Inga blödningar? Då fortsätter du med samma dos.' },
];
export const CHANGED_DOSE = 'Tar Waran 7,5 mg varje kväll.';
export const WARFARIN_NOTE = note({
  kontaktorsak: [{ text: 'Uppföljning av blodförtunnande behandling.', evidence: ['s1'] }],
  aktuellt: [{ text: CHANGED_DOSE, evidence: ['s2'] }],
  status: [],
  bedomning: [],
  atgard: [{ text: 'Fortsatt samma dos.', evidence: ['s3'] }],
});

/** Trigger word → answer, in priority order (the first trigger found in a prompt wins). */
export const SCRIPTS: Record<string, string> = {
  mandlarna: THROAT_NOTE,
  vrickade: KNEE_NOTE,
  ryggskott: BROKEN_JSON,
  Axeln: UNKNOWN_ID_NOTE,
  Foten: MISSING_SECTION_NOTE,
  blodförtunnande: WARFARIN_NOTE,
};
