import { swedishNumberToValue } from '../../../evals/text/swedish-numbers';
import type { SectionRole } from './extractive-score';

/**
 * What a Swedish sentence does in the conversation, read from how it
 * starts, so the extractive drafter can leave talk out and file the rest
 * where a note has it: the clinician's judgement under the assessment
 * heading, what will be done and the advice given under the plan heading,
 * and greetings, courtesies, empathy and thinking aloud nowhere. Patterns
 * are short and conservative: a sentence that matches none is scored on
 * the workflow's cues as before.
 */

/** Courtesies and empathy with no fact in them, whoever says them. */
const TALK = [
  /^(?:det|den) (?:gör|ska|kan) (?:jag|vi)(?![\p{L}\p{N}]).{0,12}$/iu,
  /^(?:tack|tackar)(?![\p{L}\p{N}])/iu,
  /^(?:vad|så) (?:bra|skönt|fint|tråkigt)(?![\p{L}\p{N}])/iu,
  /^(?:det|den) (?:låter|var|är) (?:bra|jättebra|skönt|fint|tråkigt|jobbigt|tungt|tufft|förståeligt|klokt|en bra idé|ett bra mål)(?![\p{L}\p{N}]).{0,20}$/iu,
  /^(?:det|den) förstår jag(?![\p{L}\p{N}])/iu,
  /^jag förstår(?![\p{L}\p{N}])/iu,
  /^(?:ha det bra|sköt om dig|ta hand om dig|hej ?då|vi hörs)(?![\p{L}\p{N}])/iu,
  /^(?:okej|ok|bra|precis|absolut|javisst|ja|nej),? (?:då|så|tack)(?![\p{L}\p{N}]).{0,10}$/iu,
  /^(?:förlåt|ursäkta)(?![\p{L}\p{N}])/iu,
  /^(?:slå (?:dig|er) ner|sätt (?:dig|er)|kom in|stig in)(?![\p{L}\p{N}])/iu,
  // Prompts to tell: what follows is the patient's answer, not this.
  /^(?:berätta|beskriv)(?:\s+(?:först|gärna|lite|mer|nu))*(?:\s+(?:om|hur|vad|för mig)|$)/iu,
  /^(?:skönt|fint|toppen|härligt|underbart|utmärkt|det är det|det är så|då gör (?:jag|vi) det)$/iu,
  // A telephone service's opening: "1177 Vårdguiden, du talar med en sjuksköterska", "1177, sjuksköterska".
  /^(?:en\s+)?(?:sjuksköterska|sköterska|läkare|rådgivare|sjuksköterskan)$/iu,
  /^(?:så,?\s+)?då (?:är vi igång|sätter vi igång|kör vi|börjar vi)(?![\p{L}\p{N}])/iu,
  // Who is speaking: "Jag är fysioterapeut och ska hjälpa dig upp", "Det är distriktssköterskan", "Du pratar med en sjuksköterska".
  /^(?:jag är|det är|det är jag som är|du pratar med|du talar med|här är|jag heter|mitt namn är)\s+(?:\p{L}+\s+){0,2}?(?:läkare|läkaren|doktor|doktorn|sjuksköterska|sjuksköterskan|sköterska|sköterskan|distriktssköterska|distriktssköterskan|fysioterapeut|fysioterapeuten|arbetsterapeut|arbetsterapeuten|kurator|kuratorn|psykolog|psykologen|rådgivare)(?![\p{L}\p{N}])/iu,
];

/** Words of address before a courtesy or an introduction, or all of it: "Hej, ja, förlåt, …", "Sjukvårdsrådgivningen, du pratar med …", "Sjukvårdsrådgivningen, hej." */
const OPENING = /^(?:(?:hej|hejsan|hallå|goddag|god (?:morgon|dag|kväll|middag)|välkommen|ja|jo|okej|ok|sjukvårdsrådgivningen|vårdcentralen|1177|vårdguiden|hemsjukvården)(?:[,!.]?\s+|[,!.]?$))+/iu;

/**
 * Small talk: the weather, the way here, the Christmas market, a glass of
 * water. A question with these words is not asked for the note, and a short
 * remark with them records nothing ("Hä e kallt ute", "Ja, det är vinter nu").
 */
export const SMALL_TALK = /(?<![\p{L}\p{N}])(?:väder|vädret|kallt ute|varmt ute|kallt i dag|snö|snön|snöar|regn|regnar|regnet|vinter nu|vägen hit|hitta hit|hittade hit|parkera|parkering|julmarknad\p{L}*|förresten|glas vatten|kopp kaffe|minusgrader|halt ute)(?![\p{L}\p{N}])/iu;
const MAX_SMALL_TALK_WORDS = 8;
export function isSmallTalk(sentence: string): boolean {
  return SMALL_TALK.test(sentence) && sentence.split(/\s+/).length <= MAX_SMALL_TALK_WORDS;
}

/** The clinician thinking aloud or announcing what comes next: nothing to record. */
const THINKING = [
  /^(?:låt (?:mig|oss) se|ska vi se|då ska vi se|vänta (?:lite|nu)|hur var det nu|då så|nu så)(?![\p{L}\p{N}])/iu,
  /^(?:(?:nu|då|så|okej|först)\s+)*(?:ska|tänkte|får|vill)\s+(?:jag|vi)\s+(?:bara\s+)?(?:titta|känna|lyssna|undersöka|mäta|kolla|väga|klämma|ta\s+en\s+titt|prata|fråga|gå\s+igenom)(?![\p{L}\p{N}])/iu,
  /^(?:(?:nu|då|så|okej|först)\s+)*(?:jag|vi)\s+(?:bara\s+)?(?:tittar|känner|lyssnar|undersöker|mäter|kollar|väger|klämmer|tar (?:blodtrycket|pulsen|temperaturen|tempen))(?![\p{L}\p{N}])/iu,
  /^(?:(?:nu|då|så|okej|först)\s+)+(?:tittar|känner|lyssnar|undersöker|mäter|kollar|väger|klämmer)\s+(?:jag|vi)(?![\p{L}\p{N}])/iu,
];
/** The clinician normalising in general terms ("När man mår så här dåligt kan man ibland ha tankar …"): said to the patient, not about them. */
const GENERAL = /^(?:när|om|det är vanligt att|många)\s(?:.*\s)?man(?![\p{L}\p{N}])/iu;

/** The clinician's agenda or an instruction during the examination ("Nu får du böja dig framåt"), however long. */
const INSTRUCTIONS = [
  /^(?:(?:hej|välkommen),?\s+)*(?:nu|i dag|idag)\s+ska\s+(?:vi|jag)\s+(?:planera|prata|gå igenom|titta på)(?![\p{L}\p{N}])/iu,
  /^(?:(?:hej|välkommen),?\s+)*(?:vi|du)\s+(?:sa|sade|pratade om)\s+att\s+vi\s+skulle(?![\p{L}\p{N}])/iu,
  /^(?:(?:hej|välkommen|god morgon|nu|då),?\s+)*(?:nu\s+|då\s+)?är\s+det\s+dags\s+att(?![\p{L}\p{N}])/iu,
  /^(?:(?:nu|då|så),?\s+)*(?:det\s+är\s+)?dags\s+för(?![\p{L}\p{N}])/iu,
  // "Nu utökar vi programmet", "Nu B12-sprutan": what comes next, said in a few words.
  /^(?:nu|så)\s+(?:[\p{L}\p{N}-]+\s*){1,3}$/iu,
  /^(?:nu|då)\s+(?:får|ska|kan)\s+du\s+(?:visa|böja|lyfta|vrida|sträcka|gå|sätta|ställa|resa|lägga|luta|knipa|trycka|andas|hosta|säga)(?![\p{L}\p{N}])/iu,
];
/**
 * A clinician's instruction that trails off ("Lyfter vänster ben rakt …", "Följ mitt finger …") is
 * said during the examination: what they then find is said after it. Only instructions: Whisper
 * writes "…" at any pause, so a finding ("Trumhinnan är röd och buktar …") or a judgement that
 * trails off is still the note's. Kept when it holds a value ("Efter tre minuter …"), which may be
 * the only place the value is named; number words are read by the shared reader, not a word list.
 */
function trailsOff(sentence: string): boolean {
  const text = sentence.trim();
  if (!/(?:\.\.\.|…)$/u.test(text) || /\d/.test(text) || FINDING_SHAPE.test(text)) return false;
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return !words.some((_, i) => swedishNumberToValue(words, i) !== null);
}
/** A finding's or judgement's verb: what is seen, heard or felt, not what the patient is told to do. */
const FINDING_SHAPE =
  /(?<![\p{L}\p{N}])(?:är|var|ser|syns|verkar|känns|låter|hörs|finns|har|tyder|buktar|rodnar|svullen|öm|ömmar)(?![\p{L}\p{N}])/iu;

/** An announcement longer than this is more than an announcement ("Jag lyssnar på lungorna, det piper") and is kept. */
const MAX_ANNOUNCEMENT_WORDS = 7;

const ASSESSMENT = [
  /^(?:jag\s+)?(?:bedömer|bedömningen är|min bedömning är|tolkar|misstänker|tror|tänker|tycker)(?![\p{L}\p{N}])/iu,
  /^(?:det|detta|det här)\s+(?:var|blir)\s+(?:troligen|troligtvis|sannolikt|förmodligen|nog|en|ett)(?![\p{L}\p{N}])/iu,
  // An explanation is a judgement wherever it stands: "Blodtrycket sjunker när du ställer dig upp, det förklarar yrseln".
  /(?<![\p{L}\p{N}])(?:det|detta|vilket|som)\s+(?:förklarar|kan förklara|kan hänga ihop med|hänger (?:nog |troligen )?ihop med|beror (?:nog |troligen )?på)(?![\p{L}\p{N}])/iu,
  /^(?:det|detta)\s+(?:låter|verkar|ser ut|rör sig|tyder)(?![\p{L}\p{N}])/iu,
  /^(?:det|detta|det här)\s+är\s+(?:troligen|troligtvis|sannolikt|förmodligen|nog|inte akut|akut|en|ett)(?![\p{L}\p{N}])/iu,
  /^sammanfattningsvis(?![\p{L}\p{N}])/iu,
  /^(?:det|detta|det här)\s+ser\s+(?:bra|fint|normalt|lugnt|ok|okej)\s+ut(?![\p{L}\p{N}])/iu,
  /^(?:det|detta|det här)\s+är\s+(?:normalt|förväntat|väntat|vanligt|helt normalt|inget farligt|ofarligt)(?![\p{L}\p{N}])/iu,
  /^(?:det du beskriver|det ni beskriver|det här|detta)\s+(?:låter|verkar|tyder)(?![\p{L}\p{N}])/iu,
  // The clinician's answer to "Vad betyder det?": "Att det är ett riskbruk: …".
  /^att\s+(?:det|detta)\s+(?:är|rör sig om)\s+(?:en|ett)\s/iu,
  // A possible cause named: "Det du beskriver kan vara en blindtarmsinflammation", "Det kan röra sig om …".
  /^(?:det du beskriver|det ni beskriver|det här|detta|det)\s+(?:kan|skulle kunna)\s+(?:vara|röra sig om|bero på)\s+(?:en|ett)\s/iu,
  /^\p{L}+\s+är\s+inte\s+(?:tillräckligt|under kontroll|välbehandlad|välinställd)(?![\p{L}\p{N}])/iu,
];

/** Verbs a clinician uses for what will be done (first person, or "du får …"). */
const PLAN_VERBS =
  'ökar|höjer|sänker|sätter in|sätter ut|byter|lägger till|skriver ut|skickar|remitterar|bokar|beställer|ringer|kontaktar|ses|följer upp|avvaktar|fortsätter|ordinerar|tar (?:nya? |ett |en )?(?:prov|blodprov|odling|sårodling|snabbtest)|gör (?:en remiss|ett hembesök|ett nytt besök)|ger|lämnar|förskriver|hjälper (?:dig|er) (?:att|med)|kommer tillbaka|återkommer|pratar med|vill lägga till|vill att';
const PLAN = [
  new RegExp(`^(?:(?:då|så|nu|och|sen|sedan|först|i dag|idag)\\s+)*(?:jag|vi)\\s+(?:ska\\s+|kommer att\\s+|får\\s+)?(?:${PLAN_VERBS})(?![\\p{L}\\p{N}])`, 'iu'),
  /^(?:(?:då|så|och)\s+)*du\s+(?:får|ska|kan|bör|behöver)\s+(?!inte\s+ha(?![\p{L}\p{N}]))/iu,
  /^(?:(?:då|så|och)\s+)*(?:ta|drick|ring|hör av|kom|gå|res|sitt|håll|smörj|titta|ge|undvik|vila|fortsätt|sluta|mät|använd|lägg|sov|ät|sök|åk|försök|cykla|promenera|simma|träna|stretcha|kyl|boka|kontakta|var|gör|tänk på|fråga|spara|skriv|ha|håll koll|vänta|prova)(?![\p{L}\p{N}])/iu,
  /^(?:om|blir|får|skulle)(?![\p{L}\p{N}]).*(?<![\p{L}\p{N}])(?:ring|sök|hör av|kontakta|åk|kom tillbaka|ska (?:du|ni) ringa)(?![\p{L}\p{N}])/iu,
  /(?<![\p{L}\p{N}])(?:nytt besök|återbesök|ny kontroll|uppföljning|nytt samtal|ses igen|nästa besök|nästa spruta|nästa dos|nästa kontroll|remiss|hembesök)(?![\p{L}\p{N}])/iu,
  // Someone else on the team will do it: "Personalen hjälper dig att gå", "Astmasköterskan går igenom inhalationstekniken".
  /^(?:personalen|\p{L}*sköterskan|läkaren|doktorn|fysioterapeuten|arbetsterapeuten|dietisten|kuratorn|hemtjänsten|tandvården)\s+(?:hjälper|ringer|kommer|kontaktar|tar|ordnar|går igenom|följer upp|ska|besöker)(?![\p{L}\p{N}])/iu,
];

export type SentenceAct = 'talk' | 'announcement' | 'assessment' | 'plan' | null;

/** The act of a sentence as said (before person conversion), by speaker. */
export function sentenceAct(sentence: string, speaker: 'clinician' | 'other'): SentenceAct {
  const said = sentence.trim().replace(/[.!?…]+$/, '');
  const text = said.replace(OPENING, '');
  if (text === '' || TALK.some((p) => p.test(text) || p.test(said)) || isSmallTalk(text)) return 'talk';
  if (speaker !== 'clinician') return null;
  if (INSTRUCTIONS.some((p) => p.test(text))) return 'announcement';
  if (GENERAL.test(text) && !/\d/.test(text)) return 'talk';
  if (text.split(/\s+/).length <= MAX_ANNOUNCEMENT_WORDS && THINKING.some((p) => p.test(text))) return 'announcement';
  if (ASSESSMENT.some((p) => p.test(text))) return 'assessment';
  // After the judgement patterns, so "Det ser ut som en öroninflammation …" stays the assessment.
  if (trailsOff(sentence)) return 'announcement';
  if (PLAN.some((p) => p.test(text))) return 'plan';
  return null;
}

/** The section role each act belongs to. */
export const ACT_ROLE: Partial<Record<NonNullable<SentenceAct>, SectionRole>> = { assessment: 'assessment', plan: 'plan' };

/**
 * What an announcement was about ("Nu mäter jag blodtrycket här" →
 * "blodtrycket"), so that "Det är 145/92" after it becomes "Blodtrycket 145/92".
 */
export function announcedObject(sentence: string): string | null {
  const match = /(?<![\p{L}\p{N}])(?:tittar|känner|lyssnar|undersöker|mäter|kollar|väger|titta|känna|lyssna|undersöka|mäta|kolla|väga)\s+(?:jag\s+|vi\s+)?(?:bara\s+)?(?:på\s+|i\s+)?(\p{L}+)/iu.exec(sentence);
  const word = match?.[1]?.toLowerCase();
  return word && !['jag', 'vi', 'här', 'nu', 'lite', 'din', 'ditt', 'dina', 'dig', 'efter'].includes(word) ? word : null;
}

/** "Det är 145/92" after an announcement of the blood pressure → "Blodtrycket 145/92". */
export function resolveAnnounced(sentence: string, object: string): string {
  const Object = `${object.charAt(0).toUpperCase()}${object.slice(1)}`;
  // A value said on its own ("Jag mäter blodsockret. Sjutton komma fyra.") is the announced thing's value too.
  if (VALUE_FIRST.test(sentence)) return `${Object} ${sentence.charAt(0).toLowerCase()}${sentence.slice(1)}`;
  return sentence.replace(/^(?:det|den)\s+(?:är|blir|blev|ligger på)\s+/i, `${Object} `);
}
/** A sentence that starts with a value: "17,4", "Sjutton komma fyra", "Tjugo enheter". */
export const VALUE_FIRST = /^(?:\d|(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton|tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra)\p{L}*\s*(?:komma|över|[.,!]|$|\p{L}+[.,!]?$))/iu;

const SUBORDINATE_DOUBT = /^(?:det|detta)\s+(troligen|troligtvis|sannolikt|förmodligen|antagligen|möjligen|nog|kanske|eventuellt|inte)\s+(?:är|rör sig om)\s+(?:en\s+|ett\s+)?/i;

/**
 * "Bedömer att det är en halsfluss …" → "Halsfluss …": the judgement itself,
 * as notes write it. Words of doubt ("misstänker", "tror") are kept: they
 * are part of the judgement.
 */
export function judgementItself(text: string): string {
  const stripped = text
    .replace(/^(?:(?:jag\s+)?(?:bedömer|min bedömning är|bedömningen är)\s+)?att\s+(?:det\s+(?:är|rör sig om)\s+)?(?:en\s+|ett\s+)?/i, '')
    .replace(/^(?:det|detta|det här)\s+är\s+(?:en|ett)\s+/i, '')
    // "Det patienten beskriver kan vara en blindtarmsinflammation" → "Kan vara blindtarmsinflammation": the doubt stays.
    .replace(/^(?:det (?:patienten|anhörig|ni) beskriver|det här|detta|det)\s+(kan|skulle kunna)\s+(vara|röra sig om|bero på)\s+(?:en\s+|ett\s+)?/i, '$1 $2 ')
    // The "att" clause keeps its subordinate order ("att det troligen är en …"): without "att" it would read
    // "Det troligen är en …", so the word of doubt leads instead ("Troligen en överbelastning").
    .replace(SUBORDINATE_DOUBT, '$1 ');
  return stripped === text ? text : stripped.charAt(0).toUpperCase() + stripped.slice(1);
}

/** An apology or greeting that opens an answer ("Hej, ja, förlåt, jag står på en perrong"): left out even there. */
export function isApology(sentence: string): boolean {
  return /^(?:förlåt|ursäkta)(?![\p{L}\p{N}])/iu.test(sentence.trim().replace(OPENING, ''));
}
