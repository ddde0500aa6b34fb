/**
 * RFC 4180 CSV parser: quoted fields may hold commas, doubled quotes and
 * newlines (ACI-Bench notes are multi-line quoted fields). CRLF and LF both end
 * records. Pure: text in, rows out.
 */
import { EvalError } from './errors';

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte order mark
  let quoted = false;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
        quoted = false;
        i++;
        continue;
      }
      // Copy a whole run of ordinary characters at once: notes are long.
      const next = text.indexOf('"', i);
      if (next === -1) throw new EvalError('CSV: a quoted field is not closed');
      field += text.slice(i, next);
      i = next;
      continue;
    }
    if (c === '"' && field.length === 0) { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' || c === '\n') {
      row.push(field); field = '';
      rows.push(row); row = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    i++;
  }
  if (field.length > 0 || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** Rows as objects keyed by the header row; rows of the wrong width are an error. */
export function parseCsvRecords(text: string): Record<string, string>[] {
  const [header, ...body] = parseCsv(text);
  if (!header) return [];
  return body
    .filter((r) => !(r.length === 1 && r[0] === ''))
    .map((r, index) => {
      if (r.length !== header.length) {
        throw new EvalError(`CSV: row ${index + 2} has ${r.length} fields, the header has ${header.length}`);
      }
      return Object.fromEntries(header.map((h, k) => [h, r[k]!]));
    });
}
