import type { ApiError } from '../../api/problem';

/**
 * Where the server's personal-data gate found something. The refusal names
 * the field path and the offsets but never the matched text (it must not
 * travel back or be logged), so the editor cuts the span out of the text the
 * designer still has in the form.
 */
export interface PiiSpan {
  /** path inside the case, e.g. "turns.1.text" */
  path: string;
  kind: string;
  start: number;
  end: number;
  message: string;
}

export function piiSpans(error: ApiError | null): PiiSpan[] {
  if (!error || error.code !== 'personal_data') return [];
  return error.errors.flatMap((e) => {
    if (!e.span || !e.field.startsWith('body.data.')) return [];
    return [{ path: e.field.slice('body.data.'.length), kind: e.span.kind, start: e.span.start, end: e.span.end, message: e.message }];
  });
}

/** The text at a path like "turns.1.text" or "title", or null when the form no longer has it. */
export function textAt(data: unknown, path: string): string | null {
  let node: unknown = data;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : null;
}

/** "turns.1.text" → "Replik 2, text": where a designer finds the field in the form (`data` is the case as sent). */
export function fieldLabel(path: string, data: unknown): string {
  const [list, index, field] = path.split('.');
  const n = Number(index) + 1;
  switch (list) {
    case 'title':
      return 'Titel';
    case 'tags':
      return `Tagg ${n}`;
    case 'turns':
      return field === 'speaker' ? `Replik ${n}, talare` : `Replik ${n}, text`;
    case 'referenceNote':
      return `Referensanteckning, ${textAt(data, `referenceNote.${index}.heading`) ?? `rubrik ${n}`}`;
    case 'keyFacts':
      return `Nyckelfakta ${n}`;
    default:
      return path;
  }
}
