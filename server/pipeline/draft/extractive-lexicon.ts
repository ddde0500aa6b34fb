/**
 * Word lists the extractive drafter uses to tell talk from content, per note
 * language. They are deliberately short and conservative: a word missing here
 * leaves a little noise in a draft, a word wrongly listed here can delete a
 * fact (which is why "nej"/"no" are never treated as fillers).
 */

export type DraftLanguage = 'sv' | 'en';
export type SpeakerRole = 'clinician' | 'patient' | 'relative' | 'unknown';

/** Relatives first: ACI-Bench writes a relative as "patient_guest". A partner is one too ("Hustru", "Sambo"). */
const RELATIVE = /^(anhörig|närstående|relative|family|patient_guest|guest|förälder|make|maka|dotter|son|mamma|pappa|hustru|fru|sambo|partner|syster|bror)/i;
/**
 * The caller to a telephone service ("Inringare", "Uppringare") is the patient unless labelled as a
 * relative: left unknown, their "jag har ont i magen" stayed first person in the note. A child who
 * speaks ("Barn") is the patient too: a relative comes with their own label.
 */
const PATIENT = /^(patient|pat\b|brukare|klient|client|inringare|uppringare|den som ringer|barn\b|barnet\b)/i;
const CLINICIAN =
  /^(läkare|doktor|doctor|dr\b|physician|clinician|sjuksköterska|distriktssköterska|nurse|undersköterska|fysioterapeut|sjukgymnast|arbetsterapeut|psykolog|kurator|behandlare|terapeut|rådgivare|telefonrådgivare|dietist|barnmorska|doctor_guest)/i;

export function speakerRole(speaker: string | null): SpeakerRole {
  if (speaker === null) return 'unknown';
  const s = speaker.trim();
  if (RELATIVE.test(s)) return 'relative';
  if (PATIENT.test(s)) return 'patient';
  if (CLINICIAN.test(s)) return 'clinician';
  return 'unknown';
}

/** Hesitation sounds, removed wherever they occur. */
export const FILLERS: Record<DraftLanguage, ReadonlySet<string>> = {
  sv: new Set(['eh', 'eeh', 'ehm', 'öh', 'öhm', 'äh', 'ähm', 'hm', 'hmm', 'mm', 'mmm', 'mhm', 'asså']),
  en: new Set(['uh', 'uhm', 'um', 'umm', 'er', 'erm', 'hmm', 'hm', 'mm', 'mmm', 'mhm', 'uh-huh', 'ah']),
};

/** Discourse markers dropped at the start of a sentence ("Ja, jag har…" → "Jag har…"). */
export const LEADING_MARKERS: Record<DraftLanguage, ReadonlySet<string>> = {
  sv: new Set(['ja', 'jaa', 'jo', 'joo', 'japp', 'okej', 'ok', 'okey', 'precis', 'absolut', 'javisst', 'alltså', 'nå', 'nåväl', 'och', 'men', 'så']),
  en: new Set(['yeah', 'yes', 'yep', 'okay', 'ok', 'alright', 'so', 'well', 'and', 'but', 'now', 'right', 'sure', 'oh']),
};
/**
 * Markers that are content words in other positions ("så ont", "men inte")
 * are only dropped when a comma follows them; these may go without one.
 */
export const BARE_MARKERS: Record<DraftLanguage, ReadonlySet<string>> = {
  sv: new Set(['ja', 'jaa', 'jo', 'joo', 'japp', 'okej', 'ok', 'okey', 'alltså', 'nå', 'nåväl']),
  en: new Set(['yeah', 'yep', 'okay', 'ok', 'alright', 'um', 'uh']),
};

/** A sentence made only of these words is social talk, not note content. */
export const SOCIAL_WORDS: Record<DraftLanguage, ReadonlySet<string>> = {
  sv: new Set([
    'hej', 'hejsan', 'hallå', 'tjena', 'hejdå', 'välkommen', 'välkomna', 'tack', 'tackar', 'varsågod', 'detsamma',
    'ursäkta', 'förlåt', 'okej', 'ok', 'ja', 'jaa', 'jo', 'japp', 'precis', 'absolut', 'javisst', 'visst', 'bra',
    'fint', 'toppen', 'perfekt', 'skönt', 'god', 'goddag', 'morgon', 'kväll', 'dag', 'då', 'så', 'mycket', 'vad',
    'det', 'är', 'ha', 'förstår', 'jag', 'kom', 'in', 'sätt', 'dig', 'slå', 'ner', 'här', 'du', 'ni', 'och',
    'detta', 'gärna', 'självklart', 'låter', 'ska', 'vi', 'se', 'nu', 'men', 'alltså',
  ]),
  en: new Set([
    'hi', 'hello', 'hey', 'good', 'morning', 'afternoon', 'evening', 'thanks', 'thank', 'you', 'okay', 'ok',
    'alright', 'all', 'right', 'yeah', 'yes', 'yep', 'sure', 'great', 'nice', 'to', 'see', 'meet', 'well', 'fine',
    'so', 'perfect', 'awesome', 'bye', 'welcome', 'doing', "i'm", 'im', 'and', 'wonderful', 'cool', 'too', "it's",
    "that's", 'that', 'it', 'is', 'sounds', 'got', 'oh', 'wow', 'excellent', 'very', 'much', 'a', 'lot', 'definitely', 'absolutely', 'of', 'course', 'how', 'are', 'me', 'let', "let's", 'now',
    'the', 'i', 'understand', 'gotcha', 'certainly', 'hmm', 'mm', 'uh', 'um', 'again', 'please',
  ]),
};

/**
 * The start of a closed question, removed to leave its topic:
 * "Har du haft feber?" → "feber", "do you have any chest pain?" → "chest pain".
 * Verbs that are themselves the topic ("Röker du?") are kept by TOPIC_VERBS.
 */
export const QUESTION_LEAD: Record<DraftLanguage, RegExp> = {
  sv: /^(?:(?:och|men|så|eller)\s+)?(?:har|hade|är|var|tar|tog|känner|kände|brukar|kan|får|fick|blir|blev|märker|märkte|ser|använder|behöver|vill|mår|finns|gör|fungerar|hostar|röker|snusar|dricker|sover|äter)\s+(?:du|ni|han|hon|hen|det)(?:\s+(?:haft|några|någon|något|nåt|nån|nånting|fått|varit|märkt|känt|tagit|sett|använt|någonsin|fortfarande|också|även|nu|idag|i dag))*\s*/i,
  en: /^(?:(?:and|so|or|but|okay|now)\s+)?(?:(?:do|did|does|have|has|had|are|were|is|was|can|could|any)\s+)?(?:you|he|she|they|there)?(?:\s+(?:have|had|having|got|get|been|noticed|notice|experienced|experiencing|felt|feel|feeling|taking|take|any|ever|still|also|had\s+any))*\s*/i,
};

export const TOPIC_VERBS: Record<DraftLanguage, RegExp> = {
  sv: /^(?:och\s+|men\s+)?(hostar|röker|snusar|dricker|sover|äter)\s+(?:du|ni|han|hon)\b/i,
  en: /^(?:and\s+)?(?:do|does)\s+(?:you|he|she)\s+(smoke|drink|sleep|exercise|snore)\b/i,
};

/** A clinician announcing what comes next ("Nu ska jag titta i halsen") records nothing. */
export const ANNOUNCEMENT: Record<DraftLanguage, RegExp> = {
  sv: /^(?:(?:nu|då|så|okej)\s+)*(?:ska|tänkte|får|vill)\s+(?:jag|vi)\s+(?:bara\s+)?(?:titta|känna|lyssna|undersöka|mäta|kolla|väga|klämma|ta\s+en\s+titt)\b/i,
  en: /^(?:(?:now|so|okay|alright|and)\s*,?\s+)*(?:let\s+me|let's|i'm\s+going\s+to|i\s+want\s+to|i'd\s+like\s+to)\s+(?:just\s+)?(?:take\s+a\s+(?:quick\s+)?look|examine|listen|check|feel|do\s+a\s+quick)\b/i,
};
