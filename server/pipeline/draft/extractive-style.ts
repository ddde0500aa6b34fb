import { swedishNumberToValue } from '../../../evals/text/swedish-numbers';

/**
 * Swedish note style for a sentence the extractive drafter copied: numbers
 * as digits with units ("hundrafyrtiofem över nittiotvå" → "145/92 mmHg",
 * "trettioåtta komma fem" → "38,5", "femhundra milligram tre gånger om
 * dagen" → "500 mg × 3"), and telegraphic third person ("Patienten har
 * ont" → "Har ont", "Pulsen är 72" → "Pulsen 72"). Only words that were
 * said are kept or shortened: numbers keep their value, units their
 * meaning, and nothing is added except a unit's abbreviation, the
 * multiplication sign of a dose and "mmHg" after a blood-pressure pair.
 */

/** Spoken units and how notes write them; a unit keeps a small number in digits ("fem milligram" → "5 mg"). */
const UNITS: Record<string, string> = {
  milligram: 'mg', mg: 'mg', mikrogram: 'mikrog', gram: 'g', kilo: 'kg', kilogram: 'kg', kg: 'kg',
  procent: '%', millimol: 'mmol', mmol: 'mmol', milliliter: 'ml', ml: 'ml', deciliter: 'dl', dl: 'dl', liter: 'liter',
  centimeter: 'cm', cm: 'cm', millimeter: 'mm', mm: 'mm', meter: 'meter', grader: 'grader', grad: 'grad',
  enheter: 'E', enhet: 'E', slag: 'slag',
};
/** Counts of these stay digits too: a dose is written "1 tablett × 3". */
const DOSE_FORMS = new Set(['tablett', 'tabletter', 'kapsel', 'kapslar', 'påse', 'påsar', 'dos', 'doser', 'droppar', 'puffar', 'inhalationer', 'inhalation', 'spruta', 'sprutor']);
/** Small whole numbers read better as words in running text ("tre dagar"), as notes write them. */
const SMALL_WORDS = ['noll', 'en', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];

interface Token {
  word: string;
  /** punctuation and spaces after the word */
  tail: string;
}

function tokens(text: string): Token[] {
  return [...text.matchAll(/([^\s,.;:!?()]+)([\s,.;:!?()]*)/gu)].map((m) => ({ word: m[1] ?? '', tail: m[2] ?? '' }));
}

const bare = (w: string | undefined) => (w ?? '').toLowerCase();

/** The words from token i on that only spaces separate: one number phrase never crosses punctuation ("fem, sex"). */
function runFrom(ts: Token[], i: number): string[] {
  const run = [ts[i]!.word];
  for (let k = i; k + 1 < ts.length && ts[k]!.tail.trim() === ''; k++) run.push(ts[k + 1]!.word);
  return run;
}

/** Digits for number phrases: always for decimals, pairs, numbers above twelve, scales ("4 av 10") and before a unit or dose form. */
function numbersToDigits(text: string): string {
  const ts = tokens(text);
  let out = /^\s*/.exec(text)?.[0] ?? '';
  // The second number of a scale is written like the first: "fyra av tio" → "4 av 10".
  let scaleEnd = false;
  for (let i = 0; i < ts.length; ) {
    const run = runFrom(ts, i);
    const parsed = swedishNumberToValue(run, 0);
    if (!parsed) {
      out += ts[i]!.word + ts[i]!.tail;
      if (bare(ts[i]!.word) !== 'av') scaleEnd = false;
      i++;
      continue;
    }
    let length = parsed.length;
    let digits = formatNumber(parsed.value);
    const second = bare(run[length]) === 'över' ? swedishNumberToValue(run, length + 1) : null;
    const pair = second !== null && parsed.value >= 40 && parsed.value <= 300 && second.value >= 20 && second.value <= 200;
    if (pair) {
      digits += `/${formatNumber(second.value)}`;
      length += 1 + second.length;
    }
    const next = bare(run[length]);
    // "trettioåtta och fem" is a spoken decimal the parser does not read: both stay words, never "38 och fem".
    if (next === 'och' && swedishNumberToValue(run, length + 1) !== null) {
      out += run.slice(0, length).join(' ') + ts[i + length - 1]!.tail;
      i += length;
      continue;
    }
    const scale = next === 'av' && swedishNumberToValue(run, length + 1) !== null;
    const keepDigits = pair || !Number.isInteger(parsed.value) || parsed.value > 12 || next in UNITS || DOSE_FORMS.has(next) || scale || scaleEnd;
    scaleEnd = scale;
    const spoken = run[0]!;
    const word = length === 1 && /^\d+$/.test(spoken) ? spoken : SMALL_WORDS[parsed.value];
    const written = keepDigits || word === undefined ? digits : /^\p{Lu}/u.test(spoken) ? capitalise(word) : word;
    out += written + (pair && !/^(mmhg|mm)$/.test(next) ? ' mmHg' : '') + ts[i + length - 1]!.tail;
    i += length;
  }
  return out;
}

const formatNumber = (value: number) => (Number.isInteger(value) ? String(value) : String(value).replace('.', ','));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "500 milligram" → "500 mg"; "tre gånger om dagen" after a dose → "× 3". */
function unitsAndDoses(text: string): string {
  // "en tablett tre gånger om dagen" → "1 tablett × 3"; without a frequency the article stays ("en inhalation morgon och kväll").
  let out = text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(en|ett)\\s+(${[...DOSE_FORMS].join('|')})(?=\\s+(?:\\p{L}+\\s+)?(?:en|ett|två|tre|fyra|fem|sex|\\d)\\s+gång)`, 'giu'), '1 $2');
  out = out.replace(/(\d)\s+(\p{L}+)/gu, (all, digit: string, unit: string) => {
    const short = UNITS[unit.toLowerCase()];
    return short && short !== unit ? `${digit} ${short}` : all;
  });
  out = out.replace(/(\d)\s*procent(?![\p{L}\p{N}])/giu, '$1 %');
  const DOSE = `(?:\\d[\\d,]*\\s*(?:mg|g|mikrog|ml|E|${[...DOSE_FORMS].join('|')}))`;
  const times = new RegExp(`(${DOSE}(?:\\s+\\p{L}+)?)\\s+(en|ett|två|tre|fyra|fem|sex|\\d)\\s+gång(?:er)?\\s+(?:om|per|i)\\s+(?:dagen|dygnet|dag)(?![\\p{L}\\p{N}])`, 'giu');
  const numbers: Record<string, string> = { en: '1', ett: '1', två: '2', tre: '3', fyra: '4', fem: '5', sex: '6' };
  return out.replace(times, (_all, dose: string, n: string) => `${dose} × ${numbers[n.toLowerCase()] ?? n}`);
}

/** Words that carry nothing in a note: "ju", "liksom", "typ", "faktiskt", "ärligt talat", "egentligen", "förresten". */
const PARTICLES = /\s+(?:ju|liksom|typ|faktiskt|egentligen|förresten|ärligt talat|om (?:jag|patienten) ska vara ärlig)(?=[\s,.;:!?])/giu;

/**
 * Telegraphic third person: the patient is the note's subject, so a
 * sentence-initial "Patienten" goes ("Patienten har ont" → "Har ont",
 * "Patienten är lite rädd" → "Lite rädd"); "X är <number>" loses its
 * copula ("Pulsen är 72" → "Pulsen 72").
 */
function telegraphic(text: string): string {
  // A greeting in front goes first, so the subject after it is seen ("Hej, patienten har ont" → "Ont").
  let out = text.replace(/^(?:(?:hej|hejsan|hallå),\s+)+(?=\p{L})/iu, '').replace(PARTICLES, '');
  // A clinician's explanation for the patient ("kärlkramp, alltså att hjärtat får för lite blod") is not note text.
  out = out.replace(/,\s*alltså\s.*?(?=[.?!…]?$)/u, '');
  out = out.replace(/\s+(?:här|tycker (?:jag|patienten)|tror (?:jag|patienten))(?=[.?!…]?$)/u, '');
  // Sentences that start like speech: "Och Levaxin …", "Men det går över …".
  out = out.replace(/^(?:och|men|så|sen|sedan)\s+(?=[\p{L}\p{N}])/iu, '');
  // "Nej, patienten har inte ramlat" says its no again in the rest.
  out = out.replace(/^(?:nej|nä),\s+(?=.*(?<![\p{L}\p{N}])(?:inte|int|ingen|inget|inga|aldrig|ej|varken)(?![\p{L}\p{N}]))/iu, '');
  // The patient is the subject throughout: "…, och patienten har …" → "…, och har …"; "Det gör ont i …" → "Ont i …".
  out = out.replace(/(,?\s+(?:och|men))\s+patienten\s+(?=\p{Ll})/gu, '$1 ');
  out = out.replace(/^Det gör ont\s+/u, 'Ont ').replace(/^Det är\s+(?=(?:inte|en|ett)\s)/u, '');
  out = out.replace(/^Det finns\s+(?=\p{Ll})/u, '').replace(/^Patienten\s+är\s+(?=\S)/iu, '').replace(/^(?:Patienten|Vi)\s+(?=\p{Ll})/iu, '');
  if (!/^(?:det|den|detta|han|hon|hen|de|som)\s/i.test(out)) out = out.replace(/^(\p{L}+)\s+är\s+(?=\d)/u, '$1 ');
  out = spokenOrder(out);
  return capitalise(out.replace(/\s{2,}/g, ' ').trim());
}

/**
 * Speech left in the written sentence: a greeting or "ärligt talat" in
 * front ("Hej, dä gäller …", "Ärligt talat sämre"), a comma left dangling
 * where a particle went ("Bra, tycker jag" → "Bra"), the dialect's fronted
 * negation ("Int har patienten slagit sig" → "Har inte slagit sig").
 */
function spokenOrder(text: string): string {
  let out = text.replace(/^(?:(?:hej|hejsan|hallå|ja|jo),\s+)+(?=\p{L})/iu, '').replace(/^ärligt talat,?\s+/iu, '');
  out = out.replace(/^(?:int|inte)\s+(har|hade|är|var|kan|vill|behöver)\s+patienten\s+/iu, (_all, verb: string) => `${verb} inte `);
  out = out.replace(/[\s,;:]+([.?!…])$/u, '$1').replace(/[\s,;:]+$/u, '');
  // Telegraphic: "Har haft ont i halsen" → "Ont i halsen", "Har mått dåligt" → "Mått dåligt", "Det har blivit värre" → "Värre",
  // "Magen är lite spänd" → "Magen lite spänd"; "och så ringer" → "och ringer".
  out = out.replace(/^har\s+(?:haft\s+)?(?!inte\s|int\s|aldrig\s)(?=\p{Ll})/iu, '');
  out = out.replace(/^Det har blivit\s+(?=\p{Ll})/u, '');
  out = out.replace(/^(?!(?:Hon|Han|Hen|Den|Man|Hem)\s)(\p{Lu}\p{Ll}+(?:en|et|na|n))\s+är\s+(?=\p{Ll})(?!en\s|ett\s|att\s|det\s|som\s)/u, '$1 ');
  out = out.replace(/(?<=\soch)\s+så(?=\s)/gu, '');
  // "Nystagmus ser jag inte" → "Ej nystagmus"; "Sammanfattningsvis är astman inte under kontroll" → "Astman är inte under kontroll".
  out = out.replace(/^(\p{L}+)\s+(?:ser|hör|känner|hittar)\s+jag\s+inte(?=[\s,.])/u, (_all, what: string) => `Ej ${what.toLowerCase()}`);
  out = out.replace(/^Sammanfattningsvis,?\s+(är|har)\s+(\p{L}+)\s+/u, (_all, verb: string, subject: string) => `${capitalise(subject)} ${verb} `);
  return withoutDummySubject(withoutCopulaBeforeValue(out));
}

/** Who can follow a fronted object's verb ("Det tror jag inte"): then "det" is no dummy subject and stays. */
const SUBJECT_AFTER_VERB = '(?:jag|patienten|anhörig|hen|han|hon|vi|du|ni|de|man|läkaren|doktorn)(?![\\p{L}\\p{N}])';
/** After "Det är …" these do not describe: "Det är så att …", "Det är därför …", "Det är dags …". */
const NOT_DESCRIBING = '(?:så|när|då|därför|dags|den|det|detta|vad|hur|klart|jag|patienten|anhörig|hen|han|hon|vi|du|som|att|bra|skönt|fint)(?![\\p{L}\\p{N}])';

/**
 * Telegraphic: the empty "det" a spoken sentence needs goes ("Det kliar" → "Kliar", "Det gör ondare
 * när hen går" → "Gör ondare när hen går", "Det låter som krupp" → "Låter som krupp", "Det är svullet
 * och rött" → "Svullet och rött", "Det var i går vid lunch" → "I går vid lunch"), as a note writes
 * it; a "det" that is the object ("Det tror jag inte", "Det har patienten inte tänkt på") stays.
 */
function withoutDummySubject(text: string): string {
  const dummy = /^(?:Det (?:du|ni|patienten|anhörig|hen) beskriver|Det här|Detta|Det)\s+/u;
  const lead = dummy.exec(text);
  if (!lead) return text;
  const rest = text.slice(lead[0].length);
  if (/^(?:är|var)\s/u.test(rest)) {
    const after = rest.replace(/^(?:är|var)\s+/u, '');
    return /^\p{Ll}/u.test(after) && !new RegExp(`^${NOT_DESCRIBING}`, 'iu').test(after) ? capitalise(after) : text;
  }
  // A finite verb (present "-r", past "-de"/"-te"), not the copula, which the value rules handle, and not before its own subject.
  const verb = /^(\p{Ll}+(?:r|de|te|dde))(?:\s+|(?=[,.!?…]|$))/u.exec(rest);
  if (!verb || /^(?:har|hade|finns|fanns)$/u.test(verb[1] ?? '') || new RegExp(`^${SUBJECT_AFTER_VERB}`, 'iu').test(rest.slice(verb[0].length))) return text;
  return capitalise(rest);
}

/** "Blodtrycket i morse var 160/95 mmHg" → "Blodtrycket i morse 160/95 mmHg": a measurement's copula carries nothing. */
function withoutCopulaBeforeValue(text: string): string {
  return text.replace(/^(?!(?:Det|Den|Detta|Han|Hon|Hen|De|Som|Vi|Jag|Du|Man)\s)(\p{Lu}\p{Ll}+(?:\s+(?!(?:att|som|när|om|och|men)\s)\p{Ll}+){0,3})\s+(?:är|var|blev|ligger på|låg på)\s+(?=\d)/u, '$1 ');
}

export function noteStyleSv(sentence: string): string {
  return telegraphic(unitsAndDoses(numbersToDigits(sentence)));
}

