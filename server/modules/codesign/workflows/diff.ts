import type { WorkflowSection, WorkflowSpec } from '../../../contracts/workflow';
import { wordDiff, type DiffRun } from '../evalruns/word-diff';

/**
 * What changed between two workflow versions, computed on the server so the
 * side-by-side view and any report show the same answer. Sections are
 * matched by their stable key; a renamed heading is a field change, not a
 * removal plus an addition.
 */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  /** for text fields: the word-level difference, so a one-word change is shown as one word */
  runs?: DiffRun[];
}

function fieldChange(field: string, before: unknown, after: unknown): FieldChange {
  return typeof before === 'string' && typeof after === 'string' ? { field, before, after, runs: wordDiff(before, after) } : { field, before, after };
}

export interface ListChange {
  added: string[];
  removed: string[];
}

export interface SectionChange {
  key: string;
  heading: string;
  fields: FieldChange[];
  /** styleHints and cues: which entries came and went */
  lists: Record<'styleHints' | 'cues', ListChange>;
}

export interface WorkflowDiff {
  fields: FieldChange[];
  sections: {
    added: { key: string; heading: string }[];
    removed: { key: string; heading: string }[];
    changed: SectionChange[];
    /** keys in order, when the order of the kept sections changed */
    reordered: { before: string[]; after: string[] } | null;
  };
  instructions: { before: string; after: string; runs: DiffRun[] } | null;
  vocabulary: Record<'terms' | 'places' | 'drugs', ListChange>;
  model: FieldChange[];
  identical: boolean;
}

const SCALAR_SECTION_FIELDS = ['heading', 'instruction', 'required', 'maxChars'] as const;

export function listChange(before: readonly string[], after: readonly string[]): ListChange {
  const b = new Set(before);
  const a = new Set(after);
  return { added: after.filter((x) => !b.has(x)), removed: before.filter((x) => !a.has(x)) };
}

const listChanged = (c: ListChange) => c.added.length > 0 || c.removed.length > 0;

function sectionChange(before: WorkflowSection, after: WorkflowSection): SectionChange | null {
  const fields: FieldChange[] = [];
  for (const field of SCALAR_SECTION_FIELDS) {
    if (before[field] !== after[field]) fields.push(fieldChange(field, before[field] ?? null, after[field] ?? null));
  }
  const lists = { styleHints: listChange(before.styleHints, after.styleHints), cues: listChange(before.cues, after.cues) };
  if (fields.length === 0 && !listChanged(lists.styleHints) && !listChanged(lists.cues)) return null;
  return { key: after.key, heading: after.heading, fields, lists };
}

export function diffWorkflowSpecs(before: WorkflowSpec, after: WorkflowSpec): WorkflowDiff {
  const fields: FieldChange[] = [];
  for (const field of ['name', 'noteType', 'language', 'profession'] as const) {
    if (before[field] !== after[field]) fields.push(fieldChange(field, before[field], after[field]));
  }
  const beforeByKey = new Map(before.sections.map((s) => [s.key, s]));
  const afterByKey = new Map(after.sections.map((s) => [s.key, s]));
  const added = after.sections.filter((s) => !beforeByKey.has(s.key)).map((s) => ({ key: s.key, heading: s.heading }));
  const removed = before.sections.filter((s) => !afterByKey.has(s.key)).map((s) => ({ key: s.key, heading: s.heading }));
  const changed = after.sections.flatMap((s) => {
    const old = beforeByKey.get(s.key);
    const change = old ? sectionChange(old, s) : null;
    return change ? [change] : [];
  });
  const keptBefore = before.sections.map((s) => s.key).filter((k) => afterByKey.has(k));
  const keptAfter = after.sections.map((s) => s.key).filter((k) => beforeByKey.has(k));
  const reordered = keptBefore.join('\n') === keptAfter.join('\n') ? null : { before: keptBefore, after: keptAfter };
  const vocabulary = {
    terms: listChange(before.vocabulary.terms, after.vocabulary.terms),
    places: listChange(before.vocabulary.places, after.vocabulary.places),
    drugs: listChange(before.vocabulary.drugs, after.vocabulary.drugs),
  };
  const model: FieldChange[] = [];
  for (const field of ['provider', 'model', 'temperature', 'maxTokens'] as const) {
    if (before.model[field] !== after.model[field]) model.push({ field, before: before.model[field], after: after.model[field] });
  }
  const instructions = before.instructions === after.instructions ? null : { before: before.instructions, after: after.instructions, runs: wordDiff(before.instructions, after.instructions) };
  const identical =
    fields.length === 0 &&
    added.length === 0 &&
    removed.length === 0 &&
    changed.length === 0 &&
    reordered === null &&
    instructions === null &&
    !Object.values(vocabulary).some(listChanged) &&
    model.length === 0;
  return { fields, sections: { added, removed, changed, reordered }, instructions, vocabulary, model, identical };
}
