/**
 * What a number measures, from the words around it: unit words (written
 * or spoken: "mg"/"milligram", "v"/"veckor"), the vital sign or test named
 * before it ("puls", "SpO2", "HbA1c"), and spoken amounts the number parser
 * does not read ("en kvart", "halvtid", "i förrgår"). Swedish and English.
 */

export type QuantityType =
  | 'pulse' | 'spo2' | 'temp' | 'bp' | 'rr' | 'weight' | 'hba1c' | 'inr' | 'glucose' | 'pain' | 'score'
  | 'dose:mg' | 'dose:ml' | 'dose:E' | 'dose:tabl' | 'dose:puff' | 'dose:drop'
  | 'duration' | 'times' | 'freq:day' | 'freq:week' | 'length' | 'angle' | 'percent' | 'clock' | 'count' | 'fraction' | 'other';

/** Types whose name alone says which quantity it is: no topic needed to pair them. */
export const SPECIFIC: ReadonlySet<QuantityType> = new Set(['pulse', 'spo2', 'temp', 'bp', 'rr', 'weight', 'hba1c', 'inr', 'glucose', 'pain']);

/** Unit word → type and factor to a common unit (durations in seconds, lengths in cm, doses in the unit named). */
export const UNITS: Record<string, { type: QuantityType; factor: number }> = {};
const unit = (words: string, type: QuantityType, factor = 1) => { for (const w of words.split(' ')) UNITS[w] = { type, factor }; };
unit('mg milligram', 'dose:mg');
unit('g gram', 'dose:mg', 1000);
unit('mikrogram µg mcg ug', 'dose:mg', 0.001);
unit('ml milliliter', 'dose:ml');
unit('e ie enhet enheter units unit', 'dose:E');
unit('tabl tablett tabletter tabletten kapsel kapslar tabs tablet tablets', 'dose:tabl');
unit('puff puffar puffs doser dos inhalationer', 'dose:puff');
unit('droppe droppar drops', 'dose:drop');
unit('kg kilo kilogram', 'weight');
unit('mmhg', 'bp');
unit('procent percent', 'percent');
unit('grader degrees', 'angle');
unit('s sek sekund sekunder seconds second', 'duration');
unit('min minut minuter minuten minutes minute', 'duration', 60);
unit('h tim timme timmar timmen hours hour', 'duration', 3600);
unit('d dag dagar dagen dygn dygnet dgr days day', 'duration', 86400);
unit('v vecka veckor veckan veckorna weeks week', 'duration', 604800);
unit('mån månad månader månaden months month', 'duration', 2592000);
unit('år året åren years year', 'duration', 31536000);
unit('ggr gånger gång times', 'times');
unit('cm centimeter', 'length');
unit('mm millimeter', 'length', 0.1);
unit('m meter', 'length', 100);
unit('km kilometer', 'length', 100000);
unit('mil', 'length', 1000000);
unit('p poäng points', 'score');

/** Concept ids of the synonym lexicon (and English words) that name a measured quantity. */
export const KEYWORD_TYPES: Record<string, QuantityType> = {
  puls: 'pulse', saturation: 'spo2', temperatur: 'temp', feber: 'temp', blodtryck: 'bp', andningsfrekvens: 'rr',
  vikt: 'weight', hba1c: 'hba1c', inr: 'inr', glukos: 'glucose', smärtskattning: 'pain',
  pulse: 'pulse', hr: 'pulse', sats: 'spo2', temperature: 'temp', bp: 'bp', weight: 'weight', rr: 'rr',
  // One-letter vitals in Swedish status lines: "P 88", "T 37,8".
  p: 'pulse', t: 'temp',
};

/** Words after "N ggr" that make it a frequency. */
export const PER_DAY = /^\s*(?:\/\s*(?:dag|dygn|d)\b|(?:om|per|i) (?:dagen|dygnet|dag|dygn)\b|dagligen\b|a day\b|per day\b)/iu;
export const PER_WEEK = /^\s*(?:\/\s*(?:v|vecka|veckan)\b|(?:i|per|om) (?:veckan|vecka)\b|a week\b|per week\b)/iu;

/** Spoken amounts without a number word; the value is in the type's common unit. */
export const PHRASES: { re: RegExp; type: QuantityType; value: number }[] = [
  { re: /(?<![\p{L}])(?:en )?halvtimme(?:n)?(?![\p{L}])/giu, type: 'duration', value: 1800 },
  { re: /(?<![\p{L}])(?:ett )?halvår(?:et)?(?![\p{L}])/giu, type: 'duration', value: 6 * 2592000 },
  { re: /(?<![\p{L}])(?:i )?förrgår(?![\p{L}])/giu, type: 'duration', value: 2 * 86400 },
  { re: /(?<![\p{L}])tre kvart(?![\p{L}])/giu, type: 'duration', value: 2700 },
  { re: /(?<![\p{L}])(?<!tre )(?:en )?kvart(?:en)?(?! (?:över|i) )(?![\p{L}])/giu, type: 'duration', value: 900 },
  // Twice a day said as the times of day: "morgon och kväll".
  { re: /(?<![\p{L}])morgon och kväll(?![\p{L}])/giu, type: 'times', value: 2 },
  // Sick leave and work are said as "halvtid"/"heltid" and written as a percentage.
  { re: /(?<![\p{L}])(?:på )?halvtid(?![\p{L}])/giu, type: 'percent', value: 50 },
  { re: /(?<![\p{L}])(?:på )?heltid(?![\p{L}])/giu, type: 'percent', value: 100 },
  { re: /(?<![\p{L}])(?:en|ett) (?=(?:vecka|månad|dag|dygn|timme|minut|år|gång|tablett|kapsel|puff|dos|droppe|enhet|kilo|kilometer|mil)(?![\p{L}]))/giu, type: 'other', value: 1 },
];

/** Spoken clock times: "halv nio" = 8.30, "kvart över åtta" = 8.15, "kvart i nio" = 8.45 (hours.minutes, as notes write them). */
const HOURS: Record<string, number> = { ett: 1, en: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12 };
const HOUR = `(${Object.keys(HOURS).join('|')})`;
export const CLOCK_PHRASES: { re: RegExp; value: (hour: number) => number }[] = [
  { re: new RegExp(`(?<![\\p{L}])halv ${HOUR}(?![\\p{L}])`, 'giu'), value: (h) => (h === 1 ? 12 : h - 1) + 0.3 },
  { re: new RegExp(`(?<![\\p{L}])kvart över ${HOUR}(?![\\p{L}])`, 'giu'), value: (h) => h + 0.15 },
  { re: new RegExp(`(?<![\\p{L}])kvart i ${HOUR}(?![\\p{L}])`, 'giu'), value: (h) => (h === 1 ? 12 : h - 1) + 0.45 },
];
export const hourOf = (word: string): number => HOURS[word.toLowerCase()] ?? 0;

/** Where a temperature was taken: at home (reported) or here (measured at the visit). */
export const HOME_WORDS = new Set(['hemma', 'mätte', 'mätt', 'morse', 'natt', 'natten', 'morron', 'morgonen', 'igår', 'hemmet', 'hemmätning', 'home']);
export const CLINIC_WORDS = new Set(['här', 'mottagningen', 'inkomst', 'ankomst', 'today', 'here']);
/** Note headings under which a value was measured at the visit. */
export const CLINIC_HEADINGS = /^(?:status|omvårdnadsstatus|undersökning|status\/undersökning|vitalparametrar|exam|physical exam)/iu;

export const SIDE_WORDS: Record<string, 'right' | 'left' | 'both'> = {
  hö: 'right', höger: 'right', högra: 'right', högersidig: 'right', högersidigt: 'right', dx: 'right', right: 'right',
  vä: 'left', vänster: 'left', vänstra: 'left', vänstersidig: 'left', vänstersidigt: 'left', left: 'left',
  bilat: 'both', bilateralt: 'both', bilaterala: 'both', bilateral: 'both', båda: 'both', bägge: 'both', bilaterally: 'both', both: 'both',
};

/** Swedish labels for messages ("Pulsen: …"). */
export const LABELS: Record<QuantityType, string> = {
  pulse: 'pulsen', spo2: 'saturationen', temp: 'temperaturen', bp: 'blodtrycket', rr: 'andningsfrekvensen', weight: 'vikten',
  hba1c: 'HbA1c', inr: 'PK/INR', glucose: 'glukosvärdet', pain: 'smärtskattningen', score: 'poängen',
  'dose:mg': 'dosen', 'dose:ml': 'dosen', 'dose:E': 'dosen', 'dose:tabl': 'dosen', 'dose:puff': 'dosen', 'dose:drop': 'dosen',
  duration: 'tiden', times: 'antalet gånger', 'freq:day': 'antalet gånger per dag', 'freq:week': 'antalet gånger per vecka',
  length: 'måttet', angle: 'vinkeln', percent: 'procentsatsen', clock: 'klockslaget', count: 'antalet', fraction: 'andelen', other: 'värdet',
};
