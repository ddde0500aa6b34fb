import type { Candidate, Rule } from './types';
import { closestTurn, keepCase, sentenceAround } from './types';

/**
 * Negation flips: what was denied becomes present and the reverse.
 * "Inga utslag" → "Utslag", "har inte feber" → "har feber", "negativ" →
 * "positiv", "utan" → "med", "förnekar" → "uppger", "saknas" → "finns",
 * "opåverkad" → "påverkad". The planted span is the changed words.
 */
const FLIPS: { pattern: RegExp; flip(match: RegExpMatchArray): string }[] = [
  // "ingen/inget/inga X" and "inte/ej X": drop the negator, keep the word (capitalised at sentence start).
  { pattern: /(?<![\p{L}])(ingen|inget|inga|inte|ej)\s+(\p{L}+)/giu, flip: (m) => keepCase(m[1]!, m[2]!) },
  { pattern: /(?<![\p{L}])negativ(t|a)?(?![\p{L}])/giu, flip: (m) => keepCase(m[0], `positiv${m[1] ?? ''}`) },
  { pattern: /(?<![\p{L}])positiv(t|a)?(?![\p{L}])/giu, flip: (m) => keepCase(m[0], `negativ${m[1] ?? ''}`) },
  { pattern: /(?<![\p{L}])utan(?![\p{L}])/giu, flip: (m) => keepCase(m[0], 'med') },
  { pattern: /(?<![\p{L}])förnekar(?![\p{L}])/giu, flip: (m) => keepCase(m[0], 'uppger') },
  { pattern: /(?<![\p{L}])saknas(?![\p{L}])/giu, flip: (m) => keepCase(m[0], 'finns') },
  { pattern: /(?<![\p{L}])o(påverkad|påverkat|regelbunden|regelbundet|öm|ömt)(?![\p{L}])/giu, flip: (m) => keepCase(m[0], m[1]!) },
];

/** "inte" before these is part of a phrase, not the negation of a finding. */
const NOT_A_FINDING = /^(så|heller|längre|alls|helt|riktigt|direkt|är|har|kan|vill|ska|att|någon|något|några|sig|det|den|de|för|till|med|i|på)$/iu;

export const negationFlips: Rule = ({ data, free }) =>
  data.draft.flatMap((section, s) => {
    const out: Candidate[] = [];
    const taken: [number, number][] = [];
    for (const { pattern, flip } of FLIPS) {
      for (const m of section.text.matchAll(pattern)) {
        const start = m.index;
        const end = start + m[0].length;
        if (m[2] && NOT_A_FINDING.test(m[2])) continue;
        if (!free(s, start, end) || taken.some(([a, b]) => start < b && a < end)) continue;
        taken.push([start, end]);
        const sentence = sentenceAround(section.text, start);
        const said = section.text.slice(sentence.start, sentence.end).trim();
        out.push({ key: `negation-${s}-${start}`, rule: 'negation-flip', kind: 'negation', section: s, start, end, original: m[0], replacement: flip(m), said, turn: closestTurn(data.turns, said) });
      }
    }
    return out;
  });
