import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { unprocessable, type FieldProblem } from '../../errors';

/**
 * Baseline minutes from a time-and-motion study: CSV (comma, semicolon or tab
 * separated, as Excel in Swedish exports it, decimal comma allowed) or JSON
 * rows of profession, note type and minutes per observed note. Every row is
 * checked before anything is stored; a file with any bad row is refused with
 * one problem per row and column ("row.3.minutes"). Importing the same
 * source again replaces its rows, so a corrected file can be re-sent.
 */
export const BaselineRowSchema = z.object({
  profession: z.string().trim().min(1, 'Saknas').max(80, 'För långt (högst 80 tecken)'),
  noteType: z.string().trim().min(1, 'Saknas').max(80, 'För långt (högst 80 tecken)'),
});
export const BaselineJsonSchema = z.object({
  source: z.string().trim().min(1).max(80).optional(),
  rows: z.array(z.record(z.string(), z.unknown())).min(1).max(20_000),
});

const HEADER_ALIASES: Record<string, 'profession' | 'noteType' | 'minutes'> = {
  profession: 'profession',
  yrkesgrupp: 'profession',
  yrke: 'profession',
  notetype: 'noteType',
  anteckningstyp: 'noteType',
  minutes: 'minutes',
  minuter: 'minutes',
  min: 'minutes',
};

export interface ParsedRow {
  /** 1-based; for CSV the line in the file (the header is line 1) */
  row: number;
  values: Record<string, unknown>;
}

/** A small RFC 4180 reader with a chosen delimiter (the evals one reads commas only). */
function splitCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export function parseBaselineCsv(text: string): ParsedRow[] {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) => (firstLine.split(d).length > firstLine.split(best).length ? d : best), ',');
  const [header = [], ...lines] = splitCsv(text, delimiter);
  const columns = header.map((h) => HEADER_ALIASES[h.trim().toLowerCase().replace(/[\s_-]/g, '')] ?? null);
  const missing = (['profession', 'noteType', 'minutes'] as const).filter((c) => !columns.includes(c));
  if (missing.length) {
    throw unprocessable(
      'Rubrikraden saknar kolumner.',
      missing.map((c) => ({ field: `row.1.${c}`, message: `Rad 1: kolumnen ${c} saknas (tillåtna namn: profession/yrkesgrupp, noteType/anteckningstyp, minutes/minuter)` })),
      'baseline_invalid',
    );
  }
  return lines
    .map((cells, i) => ({ row: i + 2, cells }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''))
    .map(({ row, cells }) => ({ row, values: Object.fromEntries(columns.flatMap((c, j) => (c ? [[c, cells[j] ?? '']] : []))) }));
}

export interface BaselineRecord {
  professionId: string;
  noteType: string;
  minutes: number;
}

export function validateBaselineRows(rows: ParsedRow[], professions: { id: string; code: string; name: string }[]): { records: BaselineRecord[]; errors: FieldProblem[] } {
  const byName = new Map<string, string>();
  for (const p of professions) {
    byName.set(p.code.toLowerCase(), p.id);
    byName.set(p.name.toLowerCase(), p.id);
  }
  const records: BaselineRecord[] = [];
  const errors: FieldProblem[] = [];
  const problem = (row: number, column: string, message: string) => errors.push({ field: `row.${row}.${column}`, message: `Rad ${row}, kolumn ${column}: ${message}` });
  for (const { row, values } of rows) {
    // Each column is checked on its own so one bad cell does not hide another.
    const text = (column: 'profession' | 'noteType') => {
      const parsed = BaselineRowSchema.shape[column].safeParse(values[column] ?? '');
      if (!parsed.success) problem(row, column, parsed.error.issues[0]?.code === 'invalid_type' ? 'Saknas eller fel typ' : parsed.error.issues[0]!.message);
      return parsed.success ? parsed.data : null;
    };
    const profession = text('profession');
    const noteType = text('noteType');
    const professionId = profession === null ? undefined : byName.get(profession.toLowerCase());
    if (profession !== null && !professionId) problem(row, 'profession', `okänd yrkesgrupp (ange kod eller namn: ${professions.map((p) => p.code).join(', ')})`);
    const raw = values.minutes;
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim().replace(/\s/g, '').replace(',', '.')) : Number.NaN;
    const minutesOk = (typeof raw === 'number' || (typeof raw === 'string' && raw.trim() !== '')) && Number.isFinite(value) && value > 0 && value <= 600;
    if (raw === undefined || (typeof raw === 'string' && raw.trim() === '')) problem(row, 'minutes', 'Saknas');
    else if (!minutesOk) problem(row, 'minutes', 'måste vara ett tal större än 0 och högst 600 (minuter per anteckning)');
    if (professionId && noteType !== null && minutesOk) records.push({ professionId, noteType, minutes: value });
  }
  return { records, errors };
}

export async function storeBaseline(deps: AppDeps, source: string, records: BaselineRecord[], importedById: string): Promise<number> {
  const db = deps.db.prisma;
  await db.$transaction([
    db.baselineTime.deleteMany({ where: { source } }),
    db.baselineTime.createMany({ data: records.map((r) => ({ ...r, source, importedById })) }),
  ]);
  return records.length;
}

export async function baselineSources(deps: AppDeps) {
  const rows = await deps.db.prisma.baselineTime.groupBy({
    by: ['source', 'professionId', 'noteType'],
    _count: { _all: true },
    _avg: { minutes: true },
    _max: { createdAt: true },
    orderBy: [{ source: 'asc' }, { professionId: 'asc' }, { noteType: 'asc' }],
  });
  return rows.map((r) => ({ source: r.source, professionId: r.professionId, noteType: r.noteType, n: r._count._all, meanMinutes: r._avg.minutes, importedAt: r._max.createdAt }));
}
