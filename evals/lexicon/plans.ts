/**
 * Plan statements: referrals, starting/stopping/changing treatment, follow-up,
 * tests ordered, sick leave, advice. A clause matching one of these patterns
 * is a plan, and the words of the plan besides the cue must have been said.
 * Patterns are matched against lower-cased text; `\p{L}*` takes inflections.
 * Written for this project from general Swedish and English clinical wording.
 */
import type { Language } from '../metrics/grounding/types';

const sv = [
  String.raw`remiss\p{L}*`, String.raw`remitter\p{L}*`, String.raw`skicka[rs]? till`,
  String.raw`börja[rs]? med`, String.raw`påbörja\p{L}*`, String.raw`insätt\p{L}*`, String.raw`sätt(?:s|er|a) in`,
  String.raw`ökas`, String.raw`ökar`, String.raw`höj(?:s|a|er)`, String.raw`minska(?:s|r)`, String.raw`sänk(?:s|a|er)`,
  String.raw`trappas (?:ner|ut)`, String.raw`sätt(?:s|er|a) ut`, String.raw`utsätt\p{L}*`, String.raw`seponer\p{L}*`,
  String.raw`byt(?:s|er|a)? till`, String.raw`ordiner\p{L}*`, String.raw`förskriv\p{L}*`, String.raw`skriv(?:er|s)? ut`,
  String.raw`e-recept`, String.raw`recept\p{L}*`, String.raw`återbesök\p{L}*`, String.raw`uppföljning\p{L}*`, String.raw`följ(?:s|a)? upp`,
  String.raw`nytt besök`, String.raw`ny tid`, String.raw`kallas`, String.raw`bokas`, String.raw`planer(?:as|ar)`,
  String.raw`provtagning\p{L}*`, String.raw`blodprov\p{L}*`, String.raw`beställ\p{L}*`, String.raw`sjukskriv\p{L}*`,
  String.raw`åter vid`, String.raw`hör av sig`, String.raw`rekommender\p{L}*`, String.raw`hänvisa\p{L}*`,
  String.raw`behandling med`, String.raw`fortsätt(?:er|a)? med`, String.raw`ordination\p{L}*`,
];

const en = [
  String.raw`prescrib\p{L}*`, String.raw`refer(?:s|red|ral)?`, String.raw`start(?:s|ed)? (?:on|with)`, String.raw`begin\p{L}*`,
  String.raw`increas(?:e|ed|es) (?:to|the)`, String.raw`decreas(?:e|ed|es) (?:to|the)`, String.raw`reduc(?:e|ed) (?:to|the)`,
  String.raw`discontinu\p{L}*`, String.raw`stop(?:ped)? (?:taking|the)`, String.raw`switch(?:ed)? to`,
  String.raw`follow(?:-| )?up`, String.raw`return (?:if|in)`, String.raw`come back`, String.raw`schedul\p{L}*`,
  String.raw`order(?:ed)?`, String.raw`recommend\p{L}*`, String.raw`advis\p{L}*`, String.raw`continu(?:e|ed) (?:on|with|the)`,
  String.raw`admi(?:t|tted)`, String.raw`sick (?:note|leave)`,
];

export const PLAN_CUES: Record<Language, RegExp> = {
  sv: new RegExp(`(?<![\\p{L}])(?:${sv.join('|')})(?![\\p{L}])`, 'gu'),
  en: new RegExp(`(?<![\\p{L}])(?:${en.join('|')})(?![\\p{L}])`, 'gu'),
};

/** Note headings whose every line is a plan, whatever its wording. */
export const PLAN_HEADINGS: Record<Language, RegExp> = {
  sv: /^(?:åtgärd(?:er)?|planering|plan|åtgärd\/planering|råd(?:\/åtgärd)?|omvårdnadsåtgärder|behandling)\s*:?/iu,
  en: /^(?:plan|management|disposition|treatment)\s*:?/iu,
};

/**
 * Words that only say "this is a plan" (verbs, "återbesök"); the plan's
 * object is in the other words. Nouns that are themselves the decision —
 * "remiss", "sjukskrivning", "referral" — are not listed: they must have
 * been said too.
 */
export const PLAN_VOCABULARY: Record<Language, ReadonlySet<string>> = {
  sv: new Set(('remitteras remitterar skickas skickar börjar påbörjas insätts sätts sätter ökas ökar höjs sänks minskas trappas ut ' +
    'byts byter ordineras förskrivs skriver recept återbesök uppföljning följs följa nytt besök ny tid kallas bokas planeras ' +
    'beställs åter vid hör sig rekommenderas hänvisas behandling fortsätter fortsatt ' +
    'plan planering åtgärd åtgärder råd ges tas dosen dos besök samtal kontakt tid söka söker sök oförändrad oförändrat samma').split(' ')),
  en: new Set(('prescribe prescribed refer referred start started begin increase increased decrease decreased reduce ' +
    'reduced discontinue discontinued stop stopped switch switched follow up return come back schedule scheduled order ' +
    'ordered recommend recommended advise advised continue continued admit admitted plan dose').split(' ')),
};

/**
 * Stems of things that are ordered or decided (referrals, imaging, sick leave,
 * procedures). A plan naming one is unsupported unless that very thing was
 * said, however many other words match; compounds count by their ending
 * ("kortisoninjektion" ends in "injektion").
 */
export const DECISION_NOUNS: Record<Language, readonly string[]> = {
  sv: ['remiss', 'sjukskriv', 'sjukskrivning', 'röntg', 'röntgen', 'ultraljud', 'mr', 'dt', 'datortomografi', 'magnetkamera',
    'ekg', 'operation', 'injektion', 'intyg', 'odling', 'biopsi', 'gastroskopi', 'koloskopi', 'spirometri', 'larm', 'ortos',
    'syrgas', 'inläggning'],
  en: ['referral', 'refer', 'x-ray', 'xray', 'ultrasound', 'mri', 'ct', 'ecg', 'ekg', 'surgery', 'injection', 'biopsy',
    'colonoscopy', 'endoscopy', 'culture', 'admission', 'oxygen'],
};
