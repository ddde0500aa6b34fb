import { DRUG_GROUPS } from '../../../../evals/lexicon/drugs';
import type { Candidate, Rule } from './types';
import { closestTurn, keepCase, sentenceAround } from './types';

/**
 * Drug swaps within a class: a drug the draft names (by substance or brand,
 * any name of its group in evals/lexicon/drugs.ts) becomes another substance
 * of the same therapeutic class, the mix-up a drafter or a tired reader
 * makes (Waran → Eliquis, Alvedon → ibuprofen). Classes are listed by their
 * substances' first names in the lexicon; a test checks they all exist.
 */
export const DRUG_CLASSES: readonly (readonly string[])[] = [
  ['paracetamol', 'ibuprofen', 'naproxen', 'diklofenak'],
  ['tramadol', 'kodein', 'morfin', 'oxikodon'],
  ['fenoximetylpenicillin', 'amoxicillin', 'flukloxacillin', 'cefadroxil', 'klindamycin', 'doxycyklin'],
  ['pivmecillinam', 'nitrofurantoin', 'trimetoprim'],
  ['warfarin', 'apixaban', 'rivaroxaban', 'dabigatran'],
  ['enalapril', 'ramipril', 'losartan', 'kandesartan'],
  ['amlodipin', 'felodipin'],
  ['metoprolol', 'bisoprolol'],
  ['furosemid', 'hydroklortiazid', 'spironolakton'],
  ['metformin', 'sitagliptin', 'empagliflozin'],
  ['sertralin', 'citalopram', 'escitalopram', 'fluoxetin', 'mirtazapin'],
  ['zopiklon', 'zolpidem', 'propiomazin', 'melatonin'],
  ['oxazepam', 'diazepam', 'alprazolam', 'hydroxizin'],
  ['salbutamol', 'terbutalin', 'formoterol'],
  ['omeprazol', 'esomeprazol', 'pantoprazol'],
  ['simvastatin', 'atorvastatin', 'rosuvastatin'],
  ['loratadin', 'cetirizin', 'desloratadin'],
];

const groupOf = new Map(DRUG_GROUPS.map((g) => [g[0]!, g]));
/** every name (substance or brand) → its class and the substance's place in it */
const NAMES: { name: string; cls: readonly string[]; index: number }[] = DRUG_CLASSES.flatMap((cls) =>
  cls.flatMap((substance, index) => (groupOf.get(substance) ?? []).filter((n) => /^[\p{L}]+$/u.test(n)).map((name) => ({ name, cls, index }))),
).sort((a, b) => b.name.length - a.name.length);

const PATTERN = new RegExp(String.raw`(?<![\p{L}])(${NAMES.map((n) => n.name).join('|')})(?![\p{L}])`, 'giu');

export const drugSwaps: Rule = ({ data, free }) =>
  data.draft.flatMap((section, s) =>
    [...section.text.matchAll(PATTERN)].flatMap((m): Candidate[] => {
      const found = NAMES.find((n) => n.name === m[0].toLocaleLowerCase('sv'))!;
      const start = m.index;
      if (!free(s, start, start + m[0].length)) return [];
      const other = found.cls[(found.index + 1) % found.cls.length]!;
      const sentence = sentenceAround(section.text, start);
      const said = section.text.slice(sentence.start, sentence.end).trim();
      return [{
        key: `drug-${s}-${start}`, rule: 'drug-swap', kind: 'drug', section: s, start, end: start + m[0].length,
        original: m[0], replacement: keepCase(m[0], other), said, turn: closestTurn(data.turns, m[0]) ?? closestTurn(data.turns, said),
      }];
    }),
  );
