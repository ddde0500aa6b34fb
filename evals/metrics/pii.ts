/**
 * Personal-data detector for Swedish text: personnummer/samordningsnummer,
 * phone numbers, e-mail addresses and names. Used when test cases are
 * imported and before any text can reach a log, so it errs on the side of
 * masking: a false hit costs a "[NAMN]" in a test case, a miss leaks data.
 * Pure functions, no I/O.
 */
import { FIRST_NAMES_SV, SURNAMES_SV, SURNAME_ENDINGS } from '../lexicon/names-sv';

export type PiiKind = 'personnummer' | 'samordningsnummer' | 'phone' | 'email' | 'name';

export interface PiiHit {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

export interface PiiOptions {
  /** Names known for this case (speakers, patient, relatives): full names and their parts are matched. */
  names?: readonly string[];
}

const MASKS: Record<PiiKind, string> = {
  personnummer: '[PERSONNUMMER]',
  samordningsnummer: '[PERSONNUMMER]',
  phone: '[TELEFON]',
  email: '[E-POST]',
  name: '[NAMN]',
};

/** 12 or 10 digits, optional -/+ before the last four; not part of a longer digit run. */
const ID_NUMBER = /(?<![\d-])(\d{2})?(\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\d])/g;

/** Luhn over the 10-digit form (YYMMDDNNNC). */
function luhnValid(tenDigits: string): boolean {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function idNumberKind(century: string | undefined, yy: string, mm: string, dd: string): PiiKind | null {
  const rawDay = Number(dd);
  const coordination = rawDay > 60;
  const day = coordination ? rawDay - 60 : rawDay;
  const month = Number(mm);
  // Without a century either 19YY or 20YY may be meant (leap days differ).
  const years = century ? [Number(century + yy)] : [1900 + Number(yy), 2000 + Number(yy)];
  if (!years.some((y) => validDate(y, month, day))) return null;
  return coordination ? 'samordningsnummer' : 'personnummer';
}

function findIdNumbers(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const m of text.matchAll(ID_NUMBER)) {
    const [whole, century, yy, mm, dd, separator, tail] = m;
    // "+" marks a person of 100 years or more and only belongs in the 10-digit form.
    if (century && separator === '+') continue;
    if (century && !/^(18|19|20)$/.test(century)) continue;
    const kind = idNumberKind(century, yy!, mm!, dd!);
    if (!kind || !luhnValid(`${yy}${mm}${dd}${tail}`)) continue;
    hits.push({ kind, start: m.index, end: m.index + whole.length, text: whole });
  }
  return hits;
}

/**
 * Swedish numbers: 0 + area code (1–3 digits) or +46/0046 without the 0, an
 * optional separator, then the subscriber number in groups of 2–4 digits.
 * 7–9 digits after the leading 0 is the national length.
 */
const PHONE = /(?<![\d+])(?:(?:\+46|0046)[\s-]?(?:\(0\))?[\s-]?|0)[1-9]\d{0,2}(?:[\s-]?\d{1,4}){1,4}(?![\d])/g;

function findPhones(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const m of text.matchAll(PHONE)) {
    const digits = m[0].replace(/^(?:\+46|0046)/, '0').replace(/\D/g, '').replace(/^00/, '0');
    if (digits.length < 8 || digits.length > 10) continue;
    hits.push({ kind: 'phone', start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return hits;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

function findEmails(text: string): PiiHit[] {
  return [...text.matchAll(EMAIL)].map((m) => ({ kind: 'email' as const, start: m.index, end: m.index + m[0].length, text: m[0] }));
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function findListedNames(text: string, names: readonly string[]): PiiHit[] {
  const parts = new Set<string>();
  for (const name of names) {
    const trimmed = name.trim();
    if (trimmed.length < 2) continue;
    parts.add(trimmed);
    for (const part of trimmed.split(/\s+/)) if (part.length >= 2) parts.add(part);
  }
  if (parts.size === 0) return [];
  // Longest first so "Anna Johansson" wins over "Anna".
  const alternatives = [...parts].sort((a, b) => b.length - a.length).map(escape).join('|');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(re)].map((m) => ({ kind: 'name' as const, start: m.index, end: m.index + m[0].length, text: m[0] }));
}

const CAPITALISED_PAIR = /(?<![\p{L}])(\p{Lu}\p{Ll}+)(?:-\p{Lu}\p{Ll}+)?\s+(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}])/gu;

const looksLikeSurname = (word: string): boolean => {
  const w = word.toLowerCase();
  return SURNAMES_SV.has(w) || SURNAME_ENDINGS.some((e) => w.endsWith(e) && w.length > e.length + 1);
};

function findFullNames(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const m of text.matchAll(CAPITALISED_PAIR)) {
    if (!FIRST_NAMES_SV.has(m[1]!.toLowerCase()) || !looksLikeSurname(m[2]!)) continue;
    hits.push({ kind: 'name', start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return hits;
}

/** Keeps the earliest, then longest hit where hits overlap. */
function withoutOverlaps(hits: PiiHit[]): PiiHit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PiiHit[] = [];
  for (const hit of sorted) {
    const last = kept[kept.length - 1];
    if (last && hit.start < last.end) continue;
    kept.push(hit);
  }
  return kept;
}

/** All personal-data spans in `text`, in order, without overlaps. */
export function detectPii(text: string, options: PiiOptions = {}): PiiHit[] {
  // Identity numbers first: a 10-digit personnummer starting with 0 would also read as a phone number.
  return withoutOverlaps([
    ...findIdNumbers(text),
    ...findEmails(text),
    ...findPhones(text),
    ...findListedNames(text, options.names ?? []),
    ...findFullNames(text),
  ]);
}

/** Replaces each hit with its placeholder ([PERSONNUMMER], [TELEFON], [E-POST], [NAMN]). */
export function maskPii(text: string, hits: readonly PiiHit[]): string {
  let out = '';
  let cursor = 0;
  for (const hit of withoutOverlaps([...hits])) {
    out += text.slice(cursor, hit.start) + MASKS[hit.kind];
    cursor = hit.end;
  }
  return out + text.slice(cursor);
}
