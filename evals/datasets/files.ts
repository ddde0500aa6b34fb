/**
 * Pairs reference and hypothesis text files for WER by a key taken from each
 * file name: the first capture group of a pattern matched against the name
 * without ".txt". Default: the first two "_"-separated fields
 * ("day1_consultation01_pure_text.txt" → "day1_consultation01"; a name
 * without "_" is its own key). In a directory only *.txt files are
 * considered; names a custom pattern does not match are ignored.
 */
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { EvalError } from './errors';
import { listIds } from './records';

const DEFAULT_PAIR_REGEX = /^([^_]+(?:_[^_]+)?)/;

export interface FilePair {
  key: string;
  reference: string;
  hypothesis: string;
}

async function kind(path: string): Promise<'file' | 'dir'> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) return 'dir';
    if (s.isFile()) return 'file';
  } catch {
    // reported below
  }
  throw new EvalError(`no such file or directory: ${path}`);
}

/** key → path of the text files in a directory. */
async function keyedFiles(dir: string, pattern: RegExp): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) {
    if (!name.toLowerCase().endsWith('.txt')) continue;
    const key = pattern.exec(name.replace(/\.txt$/i, ''))?.[1];
    if (key === undefined) continue;
    const previous = out.get(key);
    if (previous) throw new EvalError(`${dir}: "${basename(previous)}" and "${name}" give the same key "${key}"`);
    out.set(key, join(dir, name));
  }
  return out;
}

export interface PairingResult {
  pairs: FilePair[];
  /** Keys found on one side only (left out when skipUnpaired). */
  unpairedReferences: string[];
  unpairedHypotheses: string[];
}

/**
 * Two files are one pair; two directories are paired by key. Unpaired keys are
 * an error unless `skipUnpaired` (public benchmarks publish figures over the
 * files that have both texts).
 */
export async function pairTextFiles(
  references: string,
  hypotheses: string,
  options: { pattern?: RegExp; skipUnpaired?: boolean } = {},
): Promise<PairingResult> {
  const [refKind, hypKind] = await Promise.all([kind(references), kind(hypotheses)]);
  if (refKind !== hypKind) throw new EvalError('--references and --hypotheses must both be files or both be directories');
  if (refKind === 'file') {
    return { pairs: [{ key: basename(hypotheses), reference: references, hypothesis: hypotheses }], unpairedReferences: [], unpairedHypotheses: [] };
  }
  const pattern = options.pattern ?? DEFAULT_PAIR_REGEX;
  const [refs, hyps] = await Promise.all([keyedFiles(references, pattern), keyedFiles(hypotheses, pattern)]);
  const unpairedReferences = [...refs.keys()].filter((k) => !hyps.has(k));
  const unpairedHypotheses = [...hyps.keys()].filter((k) => !refs.has(k));
  if (!options.skipUnpaired && (unpairedReferences.length > 0 || unpairedHypotheses.length > 0)) {
    const parts = [
      unpairedReferences.length > 0 ? `no hypothesis for ${listIds(unpairedReferences)}` : '',
      unpairedHypotheses.length > 0 ? `no reference for ${listIds(unpairedHypotheses)}` : '',
    ].filter(Boolean);
    throw new EvalError(`unpaired files: ${parts.join('; ')} (use --skip-unpaired to score only pairs)`);
  }
  const pairs = [...refs].filter(([k]) => hyps.has(k)).map(([key, reference]) => ({ key, reference, hypothesis: hyps.get(key)! }));
  if (pairs.length === 0) throw new EvalError('no file pairs found');
  return { pairs, unpairedReferences, unpairedHypotheses };
}
