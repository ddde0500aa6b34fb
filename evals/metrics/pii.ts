/**
 * Personal-data detector for Swedish text: personnummer/samordningsnummer,
 * phone numbers, e-mail addresses and names. Used when test cases are
 * imported and before any text can reach a log, so it errs on the side of
 * masking: a false hit costs a "[NAMN]" in a test case, a miss leaks data.
 * Pure functions, no I/O.
 */
import { FIRST_NAMES_SV, SURNAMES_SV, SURNAME_ENDINGS } from '../lexicon/names-sv';

export type PiiKind = 'personnummer' | 'samordningsnummer' | 'phone' | 'email' | 'name' | 'address' | 'identifier';

export interface PiiHit {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

export interface PiiOptions {
  /** Names known for this case (speakers, patient, relatives): full names and their parts are matched. */
  names?: readonly string[];
  /**
   * Also a lone capitalised first name from the lexicon ("samtal med Karin"):
   * for free text leaving the workbench in reports and exports, where a false
   * hit costs one word and a miss leaks a name.
   */
  firstNamesAlone?: boolean;
  /**
   * Also a personnummer whose check digit is wrong, when its form leaves no
   * doubt (a valid date with "-"/"+" before the last four, or the century):
   * for the personal-data gates and exports, where a mistyped or made-up
   * number must still be stopped. The metric keeps the check digit.
   */
  anyCheckDigit?: boolean;
}

const MASKS: Record<PiiKind, string> = {
  personnummer: '[PERSONNUMMER]',
  samordningsnummer: '[PERSONNUMMER]',
  phone: '[TELEFON]',
  email: '[E-POST]',
  name: '[NAMN]',
  address: '[ADRESS]',
  identifier: '[ID]',
};

/**
 * 12 or 10 digits, optional -/+ before the last four; not part of a longer
 * digit run. Spaces between the date parts and before the last four are
 * allowed ("19121212 1212", "121212 - 1212"): people write them so.
 */
const ID_NUMBER = /(?<![\d-])(\d{2})?(\d{2}) ?(\d{2}) ?(\d{2})(?: ?([-+]) ?| )?(\d{4})(?![\d])/g;

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

function findIdNumbers(text: string, anyCheckDigit = false): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const m of text.matchAll(ID_NUMBER)) {
    const [whole, century, yy, mm, dd, separator = '', tail] = m;
    // "+" marks a person of 100 years or more and only belongs in the 10-digit form.
    if (century && separator === '+') continue;
    if (century && !/^(18|19|20)$/.test(century)) continue;
    const kind = idNumberKind(century, yy!, mm!, dd!);
    if (!kind) continue;
    const unmistakable = anyCheckDigit && (separator !== '' || century !== undefined);
    if (!unmistakable && !luhnValid(`${yy}${mm}${dd}${tail}`)) continue;
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

/**
 * A number after a label that says it identifies someone ("Patient-ID
 * 1912121212", "journalnr: 4711-22", "reservnummer 990101-X123"): caught
 * whatever its checksum, since it is an identifier because of its label.
 */
const LABELLED_ID =
  /(?<![\p{L}])(?:patient[-\s]?id|pat[-.\s]?id|id[-\s]?(?:nr|nummer)|journal[-\s]?(?:nr|nummer)|person[-\s]?(?:nr|nummer)|pnr|reserv[-\s]?(?:nr|nummer)|samordnings[-\s]?(?:nr|nummer))\.?\s*[:#]?\s*((?:[A-Za-z]{1,3}-?)?\d(?:[\d-]|\s(?=\d)|-[A-Za-z](?=\d))*\d)(?![\p{L}\p{N}])/giu;

function findLabelledIds(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const m of text.matchAll(LABELLED_ID)) {
    const value = m[1]!;
    if ((value.match(/\d/g) ?? []).length < 5) continue;
    const start = m.index + m[0].length - value.length;
    hits.push({ kind: 'identifier', start, end: start + value.length, text: value });
  }
  return hits;
}

/**
 * Swedish street addresses ("Storgatan 14", "Kungsvägen 3 B"). Postcodes are
 * left out on purpose: "140 90 Puls" reads like one in clinical text.
 */
const STREET = /(?<![\p{L}])\p{L}*(?:gatan|gata|vägen|väg|gränd|gränden|stigen|backen|torget|allén|platsen)\s+\d{1,4}(?:\s?[A-Za-z](?![\p{L}]))?(?![\p{N}])/giu;
/** Capitalised words just before an address: whose address it is ("Karin Lind, Storgatan 14"). */
const NAME_BEFORE = /(\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}\p{Ll}+){0,2}),?\s*$/u;

function findAddresses(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  for (const m of text.matchAll(STREET)) {
    hits.push({ kind: 'address', start: m.index, end: m.index + m[0].length, text: m[0] });
    const before = NAME_BEFORE.exec(text.slice(Math.max(0, m.index - 60), m.index));
    if (before) {
      const start = m.index - before[0].length;
      hits.push({ kind: 'name', start, end: start + before[1]!.length, text: before[1]! });
    }
  }
  return hits;
}

const CAPITALISED_WORD = /(?<![\p{L}])\p{Lu}\p{Ll}+(?![\p{L}])/gu;

function findLoneFirstNames(text: string): PiiHit[] {
  return [...text.matchAll(CAPITALISED_WORD)]
    .filter((m) => FIRST_NAMES_SV.has(m[0].toLowerCase()))
    .map((m) => ({ kind: 'name' as const, start: m.index, end: m.index + m[0].length, text: m[0] }));
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
    ...findIdNumbers(text, options.anyCheckDigit),
    ...findLabelledIds(text),
    ...findEmails(text),
    ...findAddresses(text),
    ...findPhones(text),
    ...findListedNames(text, options.names ?? []),
    ...findFullNames(text),
    ...(options.firstNamesAlone ? findLoneFirstNames(text) : []),
  ]);
}

/** Free text that leaves the workbench (reports, exports): every detector, lone first names too, masked. */
export function scrubFreeText(text: string): string {
  return maskPii(text, detectPii(text, { firstNamesAlone: true, anyCheckDigit: true }));
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
