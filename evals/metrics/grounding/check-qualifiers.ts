/**
 * Qualifiers that change what a diagnosis means, added in the note though
 * nobody said them: "permanent förmaksflimmer" (a treatment decision),
 * "kronisk", "svår", "NYHA IV", and a range said ("måttligt till svårt")
 * written as one of its ends. Not contradicted, only not said, so the flag
 * is "Kontrollera". Qualifiers a clinician adds from what they saw ("akut",
 * "okomplicerad", "lindrig") are left alone, as in check-certainty.
 */
import { raise, type Context } from './context';
import { findTerms, type TermIndex } from './terms';

/** Base forms; "svårt", "kroniska", "permanenta" are read as their base. Written for this project (ICD-10-SE wording). */
const MEANINGFUL = ['permanent', 'persisterande', 'paroxysmal', 'kronisk', 'svår', 'allvarlig', 'uttalad', 'recidiverande',
  'sekundär', 'terminal', 'progressiv', 'generaliserad', 'behandlingsresistent', 'komplicerad'];
const SEVERITY = ['lindrig', 'lätt', 'mild', 'måttlig', 'medelsvår', 'svår', 'allvarlig'];

const base = (w: string): string => {
  for (const b of [...MEANINGFUL, ...SEVERITY]) if (w === b || w === `${b}t` || w === `${b}a` || w === `${b}e`) return b;
  return w;
};

/** "NYHA IV", "NYHA klass 3", "funktionsklass II": a heart-failure class. */
const NYHA = /(?<![\p{L}])(?:nyha|funktionsklass)(?:\s+klass)?\s+(i{1,3}|iv|[1-4])(?![\p{L}\d])/giu;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const classOf = (s: string): number => ROMAN[s.toLowerCase()] ?? Number(s);

/** "måttligt till svårt": the ends of severity ranges said in the consultation. */
function saidRanges(text: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of text.matchAll(/(?<![\p{L}])(\p{L}+)\s+(?:till|–|-)\s+(\p{L}+)(?![\p{L}])/gu)) {
    const a = base(m[1]!.toLowerCase());
    const b = base(m[2]!.toLowerCase());
    if (SEVERITY.includes(a) && SEVERITY.includes(b)) out.push([a, b]);
  }
  return out;
}

export function checkQualifiers(ctx: Context, diagnoses: TermIndex): void {
  if (ctx.language !== 'sv') return;
  const said = ctx.transcriptText.toLowerCase();
  const saidWords = new Set((said.match(/\p{L}+/gu) ?? []).map(base));
  const ranges = saidRanges(said);
  const saidClasses = [...said.matchAll(NYHA)].map((m) => classOf(m[1]!));
  for (const s of ctx.noteSentences) {
    const terms = findTerms(s.tokens, diagnoses);
    for (const m of terms) {
      const term = ctx.note.slice(m.start, m.end);
      for (const t of s.tokens.slice(Math.max(0, m.firstToken - 2), m.firstToken)) {
        const q = base(t.lower);
        const range = ranges.find(([a, b]) => a === q || b === q);
        const other = range ? (range[0] === q ? range[1] : range[0]) : null;
        const missing = other !== null ? !s.tokens.some((x) => base(x.lower) === other) : MEANINGFUL.includes(q) && !saidWords.has(q);
        if (!missing) continue;
        raise(ctx, {
          kind: 'diagnosis', start: t.start, end: m.end, severity: 'warning', reason: 'qualifier not said in the consultation',
          message: range
            ? `Kontrollera: ”${t.text} ${term}” – i samtalet ”${range[0]} till ${range[1]}”.`
            : `Kontrollera: ”${t.text}” sades inte om ${term} i samtalet.`,
        });
      }
    }
    if (terms.length === 0) continue;
    for (const c of s.text.matchAll(NYHA)) {
      if (saidClasses.includes(classOf(c[1]!))) continue;
      const start = s.start + c.index;
      raise(ctx, {
        kind: 'diagnosis', start, end: start + c[0].length, severity: saidClasses.length > 0 ? 'critical' : 'warning',
        reason: saidClasses.length > 0 ? 'another class was said' : 'class not said in the consultation',
        message: saidClasses.length > 0 ? `Funktionsklassen: anteckningen ${c[0]}, samtalet NYHA ${saidClasses[0]}.` : `Kontrollera: ${c[0]} nämns inte i samtalet.`,
      });
    }
  }
}
