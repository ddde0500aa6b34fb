/**
 * Negation, hedging and answer words for the polarity of findings. Written
 * from general clinical language (NegEx-style trigger lists), in lower case,
 * one token each (the tokenizer splits "doesn't" into "doesn" + "t"). Spoken and dialect forms
 * count as cues: "int" (and "aldri" for "aldrig") is the northern (Jämtland, Norrland) and colloquial form of "inte"
 * (SAOL lists "int" as vardagligt; Svenska dialektmysterier / Isof on Norrland negation).
 */
import type { Language } from '../metrics/grounding/types';

export interface PolarityLexicon {
  /** Negate what follows: "ingen feber", "denies fever". */
  pre: ReadonlySet<string>;
  /** Negate what precedes: "feber saknas", "strep A negativ". */
  post: ReadonlySet<string>;
  /** Make what follows hypothetical: "åter vid feber", "if the rash spreads". */
  conditional: ReadonlySet<string>;
  /** End a negation or condition scope. */
  terminators: ReadonlySet<string>;
  /** Continue a list after which polarity is uncertain ("ingen feber och hosta"). */
  listJoiners: ReadonlySet<string>;
  /** First word of an answer to a yes/no question. */
  yes: ReadonlySet<string>;
  no: ReadonlySet<string>;
  /** "Inte än", "Inte alls", "Not really": a negator plus one of these is an answer, not a negated phrase. */
  answerAdverbs: ReadonlySet<string>;
  /** First words of a hedged yes ("Ibland på kvällen", "Lite då"). */
  hedgedYes: ReadonlySet<string>;
  /** Negators that, after a verb, negate that verb too ("släpper inte"). */
  postVerb: ReadonlySet<string>;
  /** Make the next word history ("ex-rökare", "slutat röka"). */
  past: ReadonlySet<string>;
  /** Subject pronouns: "knapparna klarar jag inte" puts one between the verb and "inte" (inverted clause). */
  subjects: ReadonlySet<string>;
  /** Words opening an adverbial, not an object ("i november har jag inte …"). */
  prepositions: ReadonlySet<string>;
  /**
   * Verbs of safety-net advice ("hör av sig", "söka akut", "ring 1177"): a condition after one of
   * them lists what to watch for ("hör av sig vid feber, ryggsmärta eller sveda"), so every item of
   * the list stays hypothetical, across commas.
   */
  safetyNet: ReadonlySet<string>;
}

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

export const POLARITY: Record<Language, PolarityLexicon> = {
  sv: {
    pre: set('ingen inget inga inte int aldri ej icke utan förnekar förnekas förnekat negerar aldrig saknar avsaknad frånvaro fri fritt fria varken undvika undvik avstå avstår'),
    post: set('saknas negativ negativt negativa avsaknad uteslutet utesluten uteslutas undviks avstås avråds'),
    // "väntar vi med antibiotika": what is waited with is deferred, neither given nor refused.
    conditional: set('om ifall vid såvida eventuellt ev vänta väntar avvakta avvaktar avvaktas'),
    // Subordinators open a new clause: "inte rusat sedan jag började med Eliquis".
    terminators: set('men utom förutom dock fast däremot trots medan eftersom sedan när efter innan därför'),
    listJoiners: set('och samt'),
    yes: set('ja jo japp jaa jajamän mm mhm absolut precis visst jovisst stämmer'),
    no: set('nej nä näe nix nope aldrig aldri inte int'),
    answerAdverbs: set('än ännu alls direkt riktigt vad som så särskilt något'),
    hedgedYes: set('ibland ofta lite kanske någon några emellanåt periodvis'),
    postVerb: set('inte int ej aldrig aldri varken'),
    past: set('ex f.d slutat slutade slutar upphört avslutat'),
    subjects: set('jag du han hon vi ni de dom den det man hen'),
    prepositions: set('i på under sedan sen efter före innan för vid om med till från hos mot kring enligt genom när medan eftersom trots då igår idag nu ibland alltid'),
    safetyNet: set('hör höra hörs åter återkommer återkomma återkom sök söka söker söks uppsök uppsöka uppsöker kontakta kontaktar kontakt ring ringa ringer'),
  },
  en: {
    pre: set('no not denies denied deny denying without never none nor negative absent free doesn don didn hasn haven isn wasn aren weren cannot neither'),
    post: set('negative absent denied excluded'),
    conditional: set('if unless should whether'),
    terminators: set('but except however although though apart aside whereas while which who since when after before because'),
    listJoiners: set('and'),
    yes: set('yes yeah yep yup sure correct right absolutely definitely mhm uh-huh'),
    no: set('no nope nah never not'),
    answerAdverbs: set('really yet at that much particularly'),
    hedgedYes: set('sometimes occasionally somewhat'),
    postVerb: set(''),
    past: set('former ex quit stopped'),
    subjects: set(''),
    prepositions: set(''),
    safetyNet: set('return call contact seek come'),
  },
};
