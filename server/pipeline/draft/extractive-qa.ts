import { toThirdPerson } from './extractive-clean';
import { FILLERS, QUESTION_LEAD, TOPIC_VERBS, type DraftLanguage } from './extractive-lexicon';

/**
 * Questions are not facts, but a short answer only makes sense with its
 * question: "Har du några allergier?" – "Nej." becomes "Allergier: nej.",
 * built only from words that were said.
 */

const WH_WORDS: Record<DraftLanguage, RegExp> = {
  sv: /^(?:(?:och|men|så)\s+)?(hur|vad|vart|var|när|vilken|vilket|vilka|varför|vem|hurdan|sen när|sedan när)\b/i,
  en: /^(?:(?:and|so|but|okay|now)\s+)?(how|what|whats|what's|when|where|which|why|who|whose)\b/i,
};

/** Words that carry no topic: "Anything like that?" – "No." says nothing on its own. */
const EMPTY_TOPIC_WORDS: Record<DraftLanguage, ReadonlySet<string>> = {
  sv: new Set(['det', 'den', 'detta', 'sånt', 'sådant', 'något', 'nåt', 'annat', 'mer', 'mera', 'så', 'här', 'där', 'bra', 'okej', 'ok', 'då', 'nu', 'alltså', 'liksom', 'eller', 'och', 'också', 'med', 'dig', 'förstår', 'hänger', 'klart', 'rätt', 'ju', 'berätta', 'berättar', 'lite', 'vill']),
  en: new Set(['anything', 'something', 'that', 'this', 'it', 'like', 'else', 'other', 'okay', 'ok', 'right', 'so', 'then', 'now', 'there', 'here', 'good', 'well', 'sense', 'make', 'makes', 'sound', 'sounds', 'fine', 'plan', 'a', 'the', 'of', 'or', 'and', 'to', 'with', 'me', 'understand', 'questions', 'question', 'kind', 'sort', 'yeah', 'too', 'also']),
};

/** The person asked is not part of the topic: "Slog du i huvudet?" → "Slog i huvudet". */
const ADDRESSEE = new Set(['du', 'ni', 'you']);

const ASKER: Record<DraftLanguage, ReadonlySet<string>> = { sv: new Set(['jag', 'mig', 'mej']), en: new Set(['i', 'me']) };

/** Possessives and articles at the start of a topic ("your medications" → "medications"). */
const TOPIC_DETERMINERS: Record<DraftLanguage, RegExp> = {
  sv: /^(?:(?:din|ditt|dina|er|ert|era|någon|några|något|en|ett)\s+)+/i,
  en: /^(?:(?:your|the|any|some|a|an)\s+)+/i,
};

/** Unpunctuated ASR output: a sentence starting like a closed question is one. */
const UNPUNCTUATED_QUESTION: Record<DraftLanguage, RegExp> = {
  sv: /^(har|hade|är|tar|känner|brukar|kan|får|märker|hur|vad|när|vilken|vilka)\s+(du|ni)\b/i,
  en: /^(do|did|have|are|can|how|what|when|where)\s+you\b/i,
};

export function isQuestion(sentence: string, language: DraftLanguage): boolean {
  const text = sentence.trim();
  if (/\?$/.test(text)) return true;
  return !/[.!…]$/.test(text) && UNPUNCTUATED_QUESTION[language].test(text);
}

const MAX_TOPIC_WORDS = 6;
/** A bare yes or no still needs the whole question, however long: "Tankar på att skada dig själv eller på att inte vilja leva?" – "Nej." */
export const MAX_BARE_ANSWER_TOPIC_WORDS = 14;

/** "Nej.", "Nä, hä har ja int.", "Ja, det har jag.": an answer that says yes or no and nothing else. */
export function isBareAnswer(answer: string): boolean {
  const text = answer.trim().replace(/[.!]+$/, '');
  const lead = NO.exec(text) ?? YES.exec(text);
  if (!lead) return false;
  const rest = text.slice(lead[0].length).split(/\s+/).filter((w) => w !== '' && !EMPTY_ANSWER.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')) && !DIALECT_EMPTY.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')));
  return rest.length === 0;
}
/** Dialect forms of the same empty words ("hä har ja int"). */
const DIALECT_EMPTY = new Set(['hä', 'ja', 'je', 'nå', 'int']);
/** Answers up to this long always need their question ("Nej, inget sånt."). */
const MAX_SHORT_ANSWER_WORDS = 4;
/** Longer answers need it only when they do not repeat the topic ("Ungefär tio cigaretter om dagen."). */
const MAX_TOPICLESS_ANSWER_WORDS = 12;

/** Greetings before a question ("Hej, vad gäller det?") say nothing about its kind. */
const LEADING_GREETING = /^(?:(?:hej|hejsan|hallå|tjena|välkommen|god|morgon|dag|okej|ok|bra|tack|hi|hello|hey|good|morning|afternoon|okay|alright|so|and|um|uh)\s+)+/i;

/** The topic of a closed question, or null for open questions ("Hur mår du?") and long ones. */
export function questionTopic(question: string, language: DraftLanguage, maxWords = MAX_TOPIC_WORDS): string | null {
  const words = question
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s-]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !FILLERS[language].has(w));
  const text = words.join(' ').replace(LEADING_GREETING, '');
  // "Sjukvårdsrådgivningen, vad gäller saken?": an open question after a few words of address.
  const opening = words.slice(0, 3);
  if (opening.some((_, i) => WH_WORDS[language].test(opening.slice(i).join(' ')))) return null;
  const topicVerb = TOPIC_VERBS[language].exec(text);
  const topic = topicVerb
    ? `${topicVerb[1] ?? ''}${text.slice(topicVerb[0].length)}`
    : text.replace(QUESTION_LEAD[language], '');
  const topicWords = dedupe(
    // Only the person asked goes ("Har du ramlat sedan du kom hem?" → "ramlat sedan du kom hem"); a later "du" is the patient.
    topic.trim().replace(TOPIC_DETERMINERS[language], '').split(/\s+/).filter((w, i, all) => w !== '' && !(ADDRESSEE.has(w) && i < 2 && all.findIndex((x) => ADDRESSEE.has(x)) === i)),
  );
  if (topicWords.length === 0 || topicWords.length > maxWords) return null;
  if (WH_WORDS[language].test(topicWords.join(' '))) return null;
  if (topicWords.every((w) => EMPTY_TOPIC_WORDS[language].has(w))) return null;
  // "Får jag komma in?" is about the asker, not the patient.
  if (topicWords.some((w) => ASKER[language].has(w))) return null;
  const joined = topicWords.join(' ');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** "your your medications" → "your medications": spoken repeats. */
function dedupe(words: string[]): string[] {
  return words.filter((w, i) => w !== words[i - 1]);
}

function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function answerNeedsTopic(answer: string, topic: string): boolean {
  const words = wordCount(answer);
  if (words <= MAX_SHORT_ANSWER_WORDS) return true;
  if (words > MAX_TOPICLESS_ANSWER_WORDS) return false;
  const lower = answer.toLowerCase();
  // Compare stems: "feber" is named by "febern", "hostat" by "hosta".
  const stems = topic.toLowerCase().split(/\s+/).filter((w) => w.length >= 4).map((w) => w.slice(0, 4));
  return stems.length > 0 && !stems.some((stem) => lower.includes(stem));
}

const NO = /^(?:nej|nä|näe|nää|nix|int|inte|aldrig)(?![\p{L}\p{N}])[,.!]?\s*/iu;
const YES = /^(?:ja|jaa|jo|japp|jadå|javisst|visst|absolut|jajamän|precis)(?![\p{L}\p{N}])[,.!]?\s*/iu;
const NEGATION = /(?<![\p{L}\p{N}])(?:ingen|inget|inga|inte|int|aldrig|ej|ingenting|nå|utan)(?![\p{L}\p{N}])/iu;
/**
 * Words that say nothing beyond yes or no: "Nej, inte alls", "Nä, int nå sånt". The speaker after
 * person conversion is one of them too, whoever answers: a parent's "Nej, det tror jag inte" is
 * "det tror anhörig inte", and about a child "det gör han inte" (kept as said, it was no denial).
 */
const EMPTY_ANSWER = new Set(['inte', 'int', 'alls', 'inget', 'ingenting', 'sånt', 'sådant', 'något', 'nåt', 'nå', 'aldrig', 'det', 'har', 'jag', 'patienten', 'anhörig', 'hen', 'han', 'hon', 'så', 'ju', 'direkt', 'då', 'heller', 'någonsin', 'va', 'vad', 'vet', 'tror', 'märker', 'märkt', 'sett', 'kan', 'säga', 'som', 'gör', 'gjort']);
/** Topics that are verbs ("Röker du?") keep the answer after them: "Röker: nej." ("Ej röker" reads wrong). */
const VERB_TOPIC = /^(?:hostar|röker|snusar|dricker|sover|äter|motionerar|tränar|kräks)$/i;

/**
 * A Swedish question and its short answer as one note statement, made only
 * of words that were said: "Har du haft feber?" – "Ja." → "Feber.";
 * "Röker du?" – "Nej." → "Röker: nej."; "Har du hostat?" – "Nej, ingen
 * hosta." → "Ingen hosta."; "Några bröstsmärtor?" – "Nej, inte alls." →
 * "Ej bröstsmärtor."; anything else → "Feber: i går kväll 38,5."
 */
/** "Bröstsmärtor" → "bröstsmärtor" after "Ej"; an acronym ("EKG") keeps its capitals. */
const lowerFirst = (s: string) => (/^\p{Lu}{2,}/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

export function answerStatement(topic: string, answer: string): string {
  const subject = toThirdPerson(topic.split(/\s+/), 'sv', 'clinician').join(' ').replace(/\s+(?:något|nåt|några|någon|nån)$/i, '');
  const Subject = subject.charAt(0).toUpperCase() + subject.slice(1);
  const text = answer.trim().replace(/[.!]+$/, '');
  const lead = NO.exec(text);
  const yes = lead ? null : YES.exec(text);
  const rest = text.slice((lead ?? yes)?.[0].length ?? 0).trim();
  const content = rest.split(/\s+/).filter((w) => w !== '' && !EMPTY_ANSWER.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')) && !DIALECT_EMPTY.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')));
  // "Inte lika mycket som i förrgår" qualifies, it does not deny: only a bare "inte (alls)" is a no.
  // "Inte på tre dagar" to "Har du fått avföring?" denies for a time: "Ej avföring på tre dagar".
  const denialFor = lead !== null && /^int/i.test(lead[0]) && SPAN.test(rest);
  const no = lead && (!/^int/i.test(lead[0]) || content.length === 0 || denialFor) ? lead : null;
  const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  if (no) {
    if (denialFor) return sentence(`Ej ${lowerFirst(subject)} ${rest}`);
    if (content.length > 0 && NEGATION.test(rest)) return sentence(rest);
    // The negation goes first, where the grounding checker and a reader look for it.
    // "Ej" would reach into a clause of its own ("sedan patienten kom hem"): the answer goes last there.
    const clause = /\s(?:sedan|sen|efter)\s/i.test(subject);
    // Alternatives after a clause of their own ("ont när hen kissar eller blod i urinen") are denied one by one:
    // one "Ej" in front does not reach past "när …", and "blod i urinen" read as affirmed.
    const alternatives = subject.split(/,?\s+eller\s+/i);
    const denied = alternatives.length > 1 && SUBCLAUSE.test(alternatives[0] ?? '') ? alternatives.map((a) => `ej ${lowerFirst(a)}`).join(', ') : null;
    if (denied !== null) return content.length > 0 ? sentence(`${denied}, ${rest}`) : sentence(denied);
    const negated = clause || VERB_TOPIC.test(subject.split(' ')[0] ?? '') ? `${Subject}: nej` : `Ej ${lowerFirst(subject)}`;
    return content.length > 0 ? sentence(`${negated}, ${rest}`) : sentence(negated);
  }
  if (yes && content.length === 0) return sentence(Subject);
  return sentence(yesStatement(Subject, yes ? rest : lowerFirst(text)));
}

/** A subordinate clause inside a question's topic: "när hen kissar", "om patienten ligger". */
const SUBCLAUSE = /\s(?:när|om|sedan|sen|efter|då|medan)\s/i;
/** A span of time after a denial: "på tre dagar", "sedan i måndags", "sen i helgen". */
const SPAN = /^(?:på|sedan|sen|under|i)\s+\S/iu;
/** The speaker and a verb that only carry the answer: "igår kväll hade jag 38,5" → "igår kväll 38,5". */
const CARRIER = /(?<![\p{L}\p{N}])(?:(?:hade|har|var|fick|mätte)\s+(?:jag|patienten|hon|han|vi|det)|(?:jag|patienten|hon|han|vi|det)\s+(?:hade|har|var|fick|mätte))(?![\p{L}\p{N}])\s*/giu;
/** A measured value as said: digits, or number words ending in a decimal ("trettioåtta komma fem"). */
const MEASURE = /(?<![\p{L}\p{N}])(\d+(?:[,.]\d+)?(?:\/\d+)?(?:\s*(?:grader|mmHg|%|procent|kilo|kg|milligram|mg|gram|mikrogram|ml|milliliter|enheter))?|\p{L}+\s+komma\s+\p{L}+(?:\s+grader)?)(?![\p{L}\p{N}])/iu;
/** What may stand before a value that moves up to its topic: a time or a place ("igår kväll", "hemma i morse"), never a word of its own ("paracetamol 500"). */
const WHEN_OR_WHERE = /^(?:(?:igår|i går|idag|i dag|i morse|i natt|i kväll|kväll|kvällen|morse|morgon|morgonen|natten|hemma|på|i|vid|senast|förra|veckan|på morgonen|på kvällen|ungefär|runt|cirka|typ)\s*)*$/iu;

/**
 * A yes with more said: the value right after the topic, as notes write it
 * ("Har du haft feber?" – "Ja, igår kväll hade jag trettioåtta komma fem."
 * → "Feber trettioåtta komma fem igår kväll", digits later); otherwise
 * "Topic: what was said".
 */
function yesStatement(Subject: string, rest: string): string {
  const carried = rest.replace(CARRIER, '').replace(/\s{2,}/g, ' ').trim();
  const value = MEASURE.exec(carried);
  // Only a value after a time or a place moves up; anything else keeps the spoken order, so a dose stays with its drug.
  if (value && carried !== '' && WHEN_OR_WHERE.test(carried.slice(0, value.index).replace(/,/g, ' ').trim())) {
    const others = (carried.slice(0, value.index) + carried.slice(value.index + value[0].length)).replace(/\s{2,}/g, ' ').replace(/^[\s,]+|[\s,]+$/g, '');
    return others === '' ? `${Subject} ${value[0]}` : `${Subject} ${value[0]} ${others}`;
  }
  return `${Subject}: ${rest}`;
}
