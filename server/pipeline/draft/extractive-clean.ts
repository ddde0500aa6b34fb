import {
  ANNOUNCEMENT,
  BARE_MARKERS,
  FILLERS,
  LEADING_MARKERS,
  SOCIAL_WORDS,
  type DraftLanguage,
  type SpeakerRole,
} from './extractive-lexicon';

/**
 * Light cleaning of one spoken sentence into note text. Every word of the
 * result was said, except the person conversion ("jag har" → "patienten
 * har"), so cleaning can lose a word but never invent one.
 */

const WORD_CHARS = /[^\p{L}\p{N}'-]/gu;

function bare(token: string): string {
  return token.toLowerCase().replace(WORD_CHARS, '');
}

/** Removes hesitations, false starts ("we- we're") and stutters ("jag jag", "i feel, i feel"). */
function dropDisfluencies(tokens: string[], language: DraftLanguage): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const word = bare(token);
    if (word === '' && /^[,;:]$/.test(token)) {
      if (out.length > 0 && !/[,;:]$/.test(out[out.length - 1] ?? '')) out[out.length - 1] += token;
      continue;
    }
    if (FILLERS[language].has(word)) continue;
    const next = bare(tokens[i + 1] ?? '');
    if (token.endsWith('-') && word.length > 1 && next.startsWith(word.replace(/-$/, ''))) continue;
    const repeated = repetitionLength(out, tokens, i);
    if (repeated > 0) {
      out.splice(out.length - repeated, repeated);
    }
    out.push(token);
  }
  return out;
}

/**
 * How many words at the end of `out` the words starting at tokens[i] repeat
 * (up to three: "i feel, i feel"). The earlier copy is removed, keeping the
 * speaker's final wording. Numbers are never merged: "fem fem" can be two readings.
 */
function repetitionLength(out: string[], tokens: string[], i: number): number {
  for (let n = 3; n >= 1; n--) {
    if (out.length < n || i + n > tokens.length) continue;
    const before = out.slice(out.length - n).map(bare);
    const after = tokens.slice(i, i + n).map(bare);
    if (before.some((w) => w === '' || /\d/.test(w))) continue;
    if (before.every((w, k) => w === after[k])) return n;
  }
  return 0;
}

function dropLeadingMarkers(tokens: string[], language: DraftLanguage): string[] {
  let start = 0;
  while (start < tokens.length - 1) {
    const token = tokens[start] ?? '';
    const word = bare(token);
    const withComma = /,$/.test(token);
    if (BARE_MARKERS[language].has(word) || (withComma && LEADING_MARKERS[language].has(word))) start++;
    else break;
  }
  return tokens.slice(start);
}

const EN_THIRD_PERSON: Record<string, string> = {
  am: 'is', "'m": 'is', have: 'has', "'ve": 'has', do: 'does', "don't": "doesn't", go: 'goes', try: 'tries',
  feel: 'feels', think: 'thinks', get: 'gets', take: 'takes', need: 'needs', want: 'wants', know: 'knows',
  use: 'uses', see: 'sees', work: 'works', eat: 'eats', drink: 'drinks', smoke: 'smokes', sleep: 'sleeps',
  like: 'likes', notice: 'notices', walk: 'walks', wake: 'wakes', hurt: 'hurts', live: 'lives', check: 'checks',
};

const EN_ADVERBS = new Set(['just', 'really', 'also', 'still', 'usually', 'always', 'never', 'actually', 'only', 'sometimes', 'often', 'definitely', 'kinda']);

/**
 * Notes speak of the patient in the third person. Patients say "jag",
 * clinicians address the patient as "du":
 * "jag har ont i min rygg" → "patienten har ont i sin rygg",
 * "du hör av dig" → "patienten hör av sig", "i have" → "the patient has".
 */
export function toThirdPerson(tokens: string[], language: DraftLanguage, role: SpeakerRole): string[] {
  if (language === 'en') return role === 'patient' || role === 'relative' ? englishThirdPerson(tokens, role) : tokens;
  const pronouns = SV_PRONOUNS[role];
  if (pronouns === undefined) return tokens;
  const converted = swedishThirdPerson(tokens, pronouns);
  // Telegram style: a clinician's "Jag bedömer att…" becomes "Bedömer att…".
  if (role === 'clinician' && bare(converted[0] ?? '') === 'jag' && converted.length > 2) return converted.slice(1);
  return converted;
}

interface SwedishPronouns {
  /** a clinician's imperative ("Hör av dig") has no subject and is reflexive */
  imperative: boolean;
  subject: string;
  person: string;
  possessive: string;
  objects: ReadonlySet<string>;
  possessives: Readonly<Record<string, string>>;
}

const SV_PRONOUNS: Partial<Record<SpeakerRole, SwedishPronouns>> = {
  patient: { imperative: false, subject: 'jag', person: 'patienten', possessive: 'patientens', objects: new Set(['mig', 'mej']), possessives: { min: 'sin', mitt: 'sitt', mina: 'sina' } },
  relative: { imperative: false, subject: 'jag', person: 'anhörig', possessive: 'anhörigs', objects: new Set(['mig', 'mej']), possessives: { min: 'sin', mitt: 'sitt', mina: 'sina' } },
  clinician: { imperative: true, subject: 'du', person: 'patienten', possessive: 'patientens', objects: new Set(['dig', 'dej']), possessives: { din: 'sin', ditt: 'sitt', dina: 'sina' } },
};

/** Words that end a clause: a following "mig"/"min" no longer refers back to its subject. */
const SV_CLAUSE_BREAK = new Set(['och', 'men', 'att', 'när', 'som', 'eftersom', 'så', 'om']);
/** Words that open a subordinate clause: "om du inte är bättre", "när jag sväljer". */
const SUBORDINATORS = new Set(['om', 'när', 'innan', 'tills', 'eftersom', 'medan', 'ifall', 'fast']);
const SV_OTHER_SUBJECTS = new Set(['det', 'den', 'han', 'hon', 'hen', 'de', 'vi', 'du', 'jag', 'man', 'ni']);

function swedishThirdPerson(tokens: string[], p: SwedishPronouns): string[] {
  // "sig"/"sin" refer back to the subject of their own clause, so they are
  // right only while the converted pronoun is that subject (or, for an
  // imperative, while the clause has no subject at all).
  let subject: 'converted' | 'other' | null = null;
  let clauseStart = true;
  let previous = '';
  return tokens.map((token) => {
    const before = previous;
    const word = bare(token);
    previous = word;
    const tail = token.toLowerCase().startsWith(word) ? token.slice(word.length) : null;
    // A possessive that opens a clause belongs to its subject ("Hej, din son ringde" → "patientens son ringde").
    const reflexive = !clauseStart && (subject === 'converted' || (subject === null && p.imperative));
    clauseStart = /[,;:]$/.test(token);
    let result = token;
    const possessiveForm = p.possessives[word];
    // In a subordinate clause the patient is "hen", as notes write it ("hör av sig om hen inte är bättre"):
    // "patienten" there also reads to the grounding checker as a new subject outside the negation's clause.
    if (tail !== null && word === p.subject) result = (p.person === 'patienten' && SUBORDINATORS.has(before) ? 'hen' : p.person) + tail;
    else if (tail !== null && p.objects.has(word)) result = (reflexive ? 'sig' : p.person) + tail;
    else if (tail !== null && possessiveForm !== undefined) result = (reflexive ? possessiveForm : p.possessive) + tail;
    if (word === p.subject) subject = 'converted';
    else if (SV_OTHER_SUBJECTS.has(word)) subject = subject ?? 'other';
    if (SV_CLAUSE_BREAK.has(word) || /[,;:]$/.test(token)) subject = null;
    return result;
  });
}

function englishThirdPerson(tokens: string[], role: SpeakerRole): string[] {
  const person = role === 'patient' ? ['the', 'patient'] : ['the', 'relative'];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const lower = token.toLowerCase();
    const contraction = /^i('m|'ve|'ll|'d)([,.;:]?)$/.exec(lower);
    if (contraction) {
      const verb = { "'m": 'is', "'ve": 'has', "'ll": 'will', "'d": 'would' }[contraction[1] ?? ''] ?? '';
      out.push(...person, verb + (contraction[2] ?? ''));
      continue;
    }
    const pronoun = /^i([,.;:]?)$/.exec(lower);
    if (pronoun) {
      // "i just feel" → "the patient just feels": look past one adverb.
      const skip = EN_ADVERBS.has((tokens[i + 1] ?? '').toLowerCase()) ? 1 : 0;
      const adverbs = tokens.slice(i + 1, i + 1 + skip);
      const verb = /^([a-z']+)([,.;:]?)$/.exec((tokens[i + 1 + skip] ?? '').toLowerCase());
      const conjugated = pronoun[1] === '' && verb ? EN_THIRD_PERSON[verb[1] ?? ''] : undefined;
      if (conjugated !== undefined) {
        out.push(...person, ...adverbs, conjugated + (verb?.[2] ?? ''));
        i += 1 + skip;
      } else {
        out.push(...person.slice(0, -1), `${person[person.length - 1]}${pronoun[1]}`);
      }
      continue;
    }
    out.push(token);
  }
  return out;
}

function finish(tokens: string[]): string {
  let text = tokens.join(' ').replace(/\s+([,.!?;:])/g, '$1').replace(/[,;:\s]+$/, '').trim();
  text = text.replace(/!+$/, '.');
  if (!/[.?…]$/.test(text)) text += '.';
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** ACI-style tokenised English ("does n't", "wan na") back to written form. */
function joinClitics(tokens: string[]): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const previous = out[out.length - 1];
    if (previous !== undefined && /^(n't|'s|'re|'ll|'ve|'m|'d|na)([,.;:?]?)$/i.test(token) && /^(wan|gon|got)$|[a-z]$/i.test(previous)) {
      if (/^na/i.test(token) && !/^(wan|gon|got)$/i.test(previous)) out.push(token);
      else out[out.length - 1] = previous + token;
    } else out.push(token);
  }
  return out;
}

function tokensOf(sentence: string, language: DraftLanguage): string[] {
  const tokens = sentence.split(/\s+/).filter((t) => t !== '');
  return language === 'en' ? joinClitics(tokens) : tokens;
}

export interface CleanOptions {
  language: DraftLanguage;
  role: SpeakerRole;
  /** sentences shorter than this (in words) are dropped as fragments */
  minWords: number;
}

/** Returns the cleaned sentence, or null when nothing worth a note remains. */
export function cleanSentence(sentence: string, options: CleanOptions): string | null {
  const { language, role, minWords } = options;
  const tokens = dropLeadingMarkers(dropDisfluencies(tokensOf(sentence, language), language), language);
  const words = tokens.map(bare).filter((w) => w !== '');
  if (words.length < minWords) return null;
  if (words.every((w) => SOCIAL_WORDS[language].has(w))) return null;
  if (role === 'clinician' && ANNOUNCEMENT[language].test(words.join(' '))) return null;
  return finish(toThirdPerson(tokens, language, role));
}

/** Cleaning for the short answer of a question–answer pair: keeps "nej"/"ja" as the fact itself. */
export function cleanAnswer(sentence: string, language: DraftLanguage, role: SpeakerRole): string {
  const tokens = dropDisfluencies(tokensOf(sentence, language), language);
  const text = finish(toThirdPerson(tokens, language, role));
  // "Feber: nej." reads as one phrase; proper nouns ("Levaxin") keep their capital.
  return /^(ja|jo|nej|nä|inte|int|aldrig|inga|ingen|inget|no|yes|not|never|none)\b/i.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
