/**
 * Key-fact recall: which of a consultation's key facts a note covers. A fact
 * is covered when its numbers occur in the note (digits or number words) and
 * at least `threshold` of its content words do, compared on light stems so
 * Swedish inflection and word order do not matter ("smärtan i knät" ~ "knäsmärta"
 * through compound parts). A negated fact ("ingen feber") needs a negated
 * mention in the note. Critical facts are reported separately. Pure function.
 */
import { z } from 'zod';
import { hasStem, isContentWord } from './grounding/content';
import { prepareNote } from './grounding/document';
import { extractNumbers } from './grounding/numbers';
import { stemTokens } from './grounding/terms';
import { POLARITY } from '../lexicon/negation';
import { LanguageSchema, type Language } from './grounding/types';

export const KeyFactSchema = z.object({ text: z.string().min(1), critical: z.boolean() });
export type KeyFact = z.infer<typeof KeyFactSchema>;

export interface KeyFactResult extends KeyFact {
  covered: boolean;
  /** Content words (stems) of the fact found in the note / all of them. */
  matched: number;
  of: number;
}

export interface KeyFactRecall {
  facts: KeyFactResult[];
  /** Covered / evaluable facts; facts without any content word or number are not evaluable. */
  recall: number;
  criticalRecall: number;
  nonCriticalRecall: number;
  evaluable: number;
}

export interface KeyFactOptions {
  /** Share of a fact's content words that must occur in the note (default 0.5). */
  threshold?: number;
}

const ratio = (covered: number, total: number): number => (total === 0 ? Number.NaN : covered / total);

export function keyFactRecall(note: string, facts: readonly KeyFact[], language: Language, { threshold = 0.5 }: KeyFactOptions = {}): KeyFactRecall {
  LanguageSchema.parse(language);
  z.array(KeyFactSchema).parse(facts);
  const sentences = prepareNote(note, language);
  const noteStems = new Set(sentences.flatMap((s) => [...s.stems]));
  const negatedStems = new Set(sentences.flatMap((s) => s.polar.filter((p) => p.polarity === 'negated').map((p) => p.token.stem)));
  const noteNumbers = extractNumbers(note, language).flatMap((n) => n.values);
  const cues = POLARITY[language].pre;

  const scored = facts.map((fact) => {
    const tokens = stemTokens(fact.text, language);
    const stems = [...new Set(tokens.filter((t) => isContentWord(t, language)).map((t) => t.stem))];
    const numbers = extractNumbers(fact.text, language).flatMap((n) => n.values);
    const matched = stems.filter((s) => hasStem(noteStems, s)).length;
    const numbersOk = numbers.every((v) => noteNumbers.some((n) => Math.abs(n - v) < 1e-9));
    const negated = tokens.some((t) => cues.has(t.lower));
    const polarityOk = !negated || stems.some((s) => negatedStems.has(s));
    const evaluable = stems.length > 0 || numbers.length > 0;
    const wordsOk = stems.length === 0 || matched >= Math.max(1, Math.ceil(threshold * stems.length));
    return { result: { ...fact, covered: evaluable && numbersOk && wordsOk && polarityOk, matched, of: stems.length }, evaluable };
  });
  const results = scored.map((s) => s.result);
  const evaluable = scored.filter((s) => s.evaluable).map((s) => s.result);
  const count = (xs: KeyFactResult[]) => xs.filter((x) => x.covered).length;
  const critical = evaluable.filter((r) => r.critical);
  const nonCritical = evaluable.filter((r) => !r.critical);
  return {
    facts: results,
    recall: ratio(count(evaluable), evaluable.length),
    criticalRecall: ratio(count(critical), critical.length),
    nonCriticalRecall: ratio(count(nonCritical), nonCritical.length),
    evaluable: evaluable.length,
  };
}
