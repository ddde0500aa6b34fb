/** Term indexes of the drug and diagnosis lexicons, built once per language (with workflow drug names, per call). */
import { DIAGNOSIS_GROUPS } from '../../lexicon/diagnoses';
import { DRUG_GROUPS } from '../../lexicon/drugs';
import { buildTermIndex, type TermIndex } from './terms';
import type { Language } from './types';

const defaults = new Map<string, TermIndex>();

export function indexFor(kind: 'drug' | 'diagnosis', language: Language, extra: readonly string[] = []): TermIndex {
  const groups = kind === 'drug' ? DRUG_GROUPS : DIAGNOSIS_GROUPS;
  if (extra.length > 0) return buildTermIndex([...groups, ...extra.map((name) => [name])], language);
  const key = `${kind}:${language}`;
  let index = defaults.get(key);
  if (!index) defaults.set(key, (index = buildTermIndex(groups, language)));
  return index;
}

/** Name of a lexicon group for messages (its first term). */
export const groupName = (kind: 'drug' | 'diagnosis', group: number): string =>
  (kind === 'drug' ? DRUG_GROUPS : DIAGNOSIS_GROUPS)[group]?.[0] ?? '';
