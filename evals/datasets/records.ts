/**
 * Loads (id, text) records from a CSV or JSONL file — references or
 * predictions for note metrics — and pairs them by id.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { z } from 'zod';
import { parseCsvRecords } from './csv';
import { EvalError } from './errors';
import { parseJsonl } from './jsonl';

export interface TextRecord {
  id: string;
  text: string;
}

export interface ColumnOptions {
  idColumn: string;
  textColumn: string;
}

/** Ids may be numbers in JSONL; they are compared as strings. */
const IdSchema = z.union([z.string().min(1), z.number()]).transform(String);

export function toTextRecords(rows: unknown[], { idColumn, textColumn }: ColumnOptions, source: string): TextRecord[] {
  const schema = z.object({ [idColumn]: IdSchema, [textColumn]: z.string() });
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      throw new EvalError(`${source}: record ${index + 1} lacks a "${idColumn}" id or a "${textColumn}" text`);
    }
    const id = parsed.data[idColumn] as string;
    if (seen.has(id)) throw new EvalError(`${source}: id "${id}" occurs more than once`);
    seen.add(id);
    return { id, text: parsed.data[textColumn] as string };
  });
}

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new EvalError(code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path} (${code ?? 'error'})`);
  }
}

export async function loadTextRecords(path: string, columns: ColumnOptions): Promise<TextRecord[]> {
  const ext = extname(path).toLowerCase();
  if (ext !== '.csv' && ext !== '.jsonl' && ext !== '.ndjson') {
    throw new EvalError(`${path}: expected a .csv or .jsonl file`);
  }
  const text = await readText(path);
  const rows = ext === '.csv' ? parseCsvRecords(text) : parseJsonl(text);
  return toTextRecords(rows, columns, path);
}

export interface RecordPair {
  id: string;
  reference: string;
  prediction: string;
}

/**
 * Pairs references and predictions by id, in reference order. Every id must
 * be on both sides: a silently dropped note would flatter the mean.
 */
export function pairRecords(references: TextRecord[], predictions: TextRecord[]): RecordPair[] {
  const byId = new Map(predictions.map((p) => [p.id, p.text]));
  const refIds = new Set(references.map((r) => r.id));
  const missing = references.filter((r) => !byId.has(r.id)).map((r) => r.id);
  const extra = predictions.filter((p) => !refIds.has(p.id)).map((p) => p.id);
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `no prediction for id ${listIds(missing)}` : '',
      extra.length > 0 ? `no reference for id ${listIds(extra)}` : '',
    ].filter(Boolean);
    throw new EvalError(`unpaired ids: ${parts.join('; ')}`);
  }
  return references.map((r) => ({ id: r.id, reference: r.text, prediction: byId.get(r.id)! }));
}

export function listIds(ids: string[]): string {
  const shown = ids.slice(0, 5).map((id) => `"${id}"`).join(', ');
  return ids.length > 5 ? `${shown} and ${ids.length - 5} more` : shown;
}
