/**
 * Splits a note into sections by its headings (sökord) and scores sections
 * pairwise by heading, so a working group can see which part of a draft was
 * rewritten. Pure functions.
 *
 * A line is a heading when, after trimming, it is
 * - a known heading (case-insensitive, optionally with a trailing ':' and
 *   markdown decoration), or a known heading followed by ':' and text on the
 *   same line ("Bedömning: trolig virusinfektion") — the text starts the body;
 * - a markdown heading ("## Status") or a bold line ("**Status**");
 * - a short line ending with ':' and nothing after it ("Aktuellt:").
 */
import { editDistance } from './edit-distance';
import { rouge, type RougeOptions, type RougeScores } from './rouge';

export interface Section {
  /** The heading as written, null for text before the first heading. */
  heading: string | null;
  /** Pairing key: lowercased heading without decoration; '' for the preamble. */
  key: string;
  body: string;
}

/** Longer lines ending in ':' are sentences introducing a list, not headings. */
const MAX_COLON_HEADING = 60;

const clean = (s: string): string => s.trim().replace(/^#{1,6}\s+/, '').replace(/^\*\*(.+)\*\*$/, '$1').replace(/:$/, '').trim();
const headingKey = (s: string): string => clean(s).toLowerCase();

function detect(line: string, known: ReadonlySet<string>): { heading: string; rest: string } | null {
  const t = line.trim();
  if (t.length === 0) return null;
  if (known.has(headingKey(t))) return { heading: clean(t), rest: '' };
  const colon = t.indexOf(':');
  if (colon > 0) {
    const head = t.slice(0, colon);
    if (known.has(headingKey(head))) return { heading: clean(head), rest: t.slice(colon + 1).trim() };
  }
  const md = /^#{1,6}\s+(.+)$/.exec(t);
  if (md) return { heading: clean(md[1]!), rest: '' };
  const bold = /^\*\*([^*]+)\*\*:?$/.exec(t);
  if (bold) return { heading: clean(bold[1]!), rest: '' };
  if (t.endsWith(':') && t.length <= MAX_COLON_HEADING && t.indexOf(':') === t.length - 1) {
    return { heading: clean(t), rest: '' };
  }
  return null;
}

export function splitSections(note: string, knownHeadings: readonly string[] = []): Section[] {
  const known = new Set(knownHeadings.map(headingKey));
  const sections: Section[] = [];
  let current: { heading: string | null; lines: string[] } = { heading: null, lines: [] };
  const flush = () => {
    const body = current.lines.join('\n').trim();
    if (current.heading !== null || body.length > 0) {
      sections.push({ heading: current.heading, key: current.heading === null ? '' : headingKey(current.heading), body });
    }
  };
  for (const line of note.split(/\r?\n/)) {
    const found = detect(line, known);
    if (found) {
      flush();
      current = { heading: found.heading, lines: found.rest ? [found.rest] : [] };
    } else {
      current.lines.push(line);
    }
  }
  flush();
  return sections;
}

/** Sections of both notes paired by key, in reference order then the prediction's extra ones. Repeated headings are joined. */
export function pairSections(
  reference: string,
  prediction: string,
  knownHeadings: readonly string[] = [],
): { key: string; heading: string | null; reference: string | null; prediction: string | null }[] {
  const group = (sections: Section[]) => {
    const map = new Map<string, { heading: string | null; body: string }>();
    for (const s of sections) {
      const prev = map.get(s.key);
      map.set(s.key, prev ? { heading: prev.heading, body: `${prev.body}\n${s.body}` } : { heading: s.heading, body: s.body });
    }
    return map;
  };
  const ref = group(splitSections(reference, knownHeadings));
  const pred = group(splitSections(prediction, knownHeadings));
  const keys = [...ref.keys(), ...[...pred.keys()].filter((k) => !ref.has(k))];
  return keys.map((key) => ({
    key,
    heading: ref.get(key)?.heading ?? pred.get(key)?.heading ?? null,
    reference: ref.get(key)?.body ?? null,
    prediction: pred.get(key)?.body ?? null,
  }));
}

export interface SectionScore {
  key: string;
  heading: string | null;
  /** Which note lacks the section, if either does. */
  missing: 'reference' | 'prediction' | null;
  rouge: RougeScores;
  /** Normalised character edit distance (1 when one side is missing). */
  editDistance: number;
}

export function sectionScores(
  reference: string,
  prediction: string,
  knownHeadings: readonly string[] = [],
  options: RougeOptions = {},
): SectionScore[] {
  return pairSections(reference, prediction, knownHeadings).map((p) => ({
    key: p.key,
    heading: p.heading,
    missing: p.reference === null ? 'reference' : p.prediction === null ? 'prediction' : null,
    rouge: rouge(p.reference ?? '', p.prediction ?? '', options),
    editDistance: editDistance(p.reference ?? '', p.prediction ?? '').normalized,
  }));
}

export interface SectionEdit {
  key: string;
  heading: string | null;
  /** Levenshtein distance in characters between draft and signed section text. */
  distance: number;
  normalized: number;
  draftChars: number;
  signedChars: number;
}

/** How much the clinician changed each section between the AI draft and the signed note. */
export function sectionEditDistances(draft: string, signed: string, knownHeadings: readonly string[] = []): SectionEdit[] {
  return pairSections(draft, signed, knownHeadings).map((p) => {
    const d = editDistance(p.reference ?? '', p.prediction ?? '');
    return { key: p.key, heading: p.heading, distance: d.distance, normalized: d.normalized, draftChars: d.lengthA, signedChars: d.lengthB };
  });
}
