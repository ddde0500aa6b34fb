import { DRUG_GROUPS } from '../../../evals/lexicon/drugs';

/**
 * A note is shorter than the talk it records (the project's Swedish
 * reference notes run at 0.41–0.62 of the transcript's words, about half).
 * When the copied sentences run past a budget, the ones that carry the
 * least are left out first: never one with a number, a negation, a drug,
 * the clinician's finding, judgement or plan, or the reason for the visit,
 * which are what reviewers check and key facts are made of.
 */
export const BUDGET_SHARE = 0.5;

const DRUGS = new Set(DRUG_GROUPS.flat().map((d) => d.toLowerCase()));
const NEGATION = /(?<!\p{L})(?:inte|int|ingen|inget|inga|ingenting|ej|aldrig|utan)(?!\p{L})/iu;

export interface Weighed {
  text: string;
  /** the sentence is the clinician's judgement or plan */
  act: boolean;
  /** best section cue score */
  cue: number;
  /** the answer to a question, or the reason for the visit: kept */
  keep: boolean;
  /** 3 for the clinician's finding (kept), 1 for another heading than the history (judgement, plan, goal), 0 for history: left out in that order */
  filed: number;
}

/** When something happened or will: "sedan i söndags", "på fredag", "i eftermiddag", "i augusti", "i somras". */
const WHEN = /(?<!\p{L})(?:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|i går|igår|i morgon|imorgon|eftermiddag|förmiddag|i natt|inatt|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|i våras|i somras|i höstas|i vintras|julas|påskas)/iu;
/** Number words ("tre veckor", "tio kilometer"); "en"/"ett" are mostly articles. */
const NUMBER_WORD = /(?<!\p{L})(?:två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|tretton|fjorton|femton|sexton|sjutton|arton|nitton|tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio|nittio|hundra|tusen|halv|halvtimme|halvår)/iu;

/**
 * What a patient feels and where: symptoms and sides are key facts as often
 * as numbers ("Jag fryser jämt", "I vänster underarm"); without this an
 * uncued answer sentence was the first thing the budget left out.
 */
export const SYMPTOM = /(?<!\p{L})(?:trött|fryser|frusen|yr|yrsel|snurrar|svimm|illamå|mår illa|kräk|diarr|förstopp|trög i magen|ont|smärt|värk|svull|rodnad|röd|kliar|klåda|utslag|domn|stickning|feber|hosta|hostar|andfådd|andnöd|andas|hjärtklappning|tryck över|blöd|sår|svag|kraftlös|ramla|ramlat|föll|tappa|viktnedgång|gått ner i vikt|gått upp|aptit|törstig|kissa|sover dåligt|vaknar|nedstämd|ångest|orolig|tankar|glömmer|glömt)/iu;
const SIDE = /(?<!\p{L})(?:vänster|vänstra|höger|högra|båda)(?!\p{L})/iu;

const words = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));

/** What a sentence carries: ≥ 3 means it must stay. */
export function carries(unit: Weighed): number {
  const ws = words(unit.text);
  const drug = ws.some((w, i) => DRUGS.has(w.toLowerCase().replace(/[^\p{L}]/gu, '')) || (i > 0 && /^\p{Lu}\p{Ll}{3,}/u.test(w)));
  return (unit.keep ? 3 : 0) + (/\d/.test(unit.text) || NUMBER_WORD.test(unit.text) || WHEN.test(unit.text) ? 3 : 0) + (NEGATION.test(unit.text) ? 3 : 0) + (drug ? 3 : 0) + (unit.act ? 3 : 0) + (SYMPTOM.test(unit.text) || SIDE.test(unit.text) ? 3 : 0) + unit.filed + Math.min(2, unit.cue);
}

/** Indices of the units to keep, in their order, so that the kept ones fit `BUDGET_SHARE` of the transcript where they can. */
export function withinBudget<T extends Weighed>(units: T[], transcriptWords: number): T[] {
  const budget = BUDGET_SHARE * transcriptWords;
  let total = units.reduce((n, u) => n + words(u.text).length, 0);
  const dropped = new Set<number>();
  const order = units
    .map((u, i) => ({ i, value: carries(u), length: words(u.text).length }))
    .filter((u) => u.value < 3)
    .sort((a, b) => a.value - b.value || b.length - a.length);
  for (const u of order) {
    if (total <= budget) break;
    dropped.add(u.i);
    total -= u.length;
  }
  return units.filter((_, i) => !dropped.has(i));
}
