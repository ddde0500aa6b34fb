/**
 * Drugs and diagnoses in the note that the consultation never named (any
 * name of the same group counts: Alvedon ↔ paracetamol, lunginflammation ↔
 * pneumoni). A drug nobody named is critical; so is a diagnosis nobody made
 * when the note asserts it in an assessment; in the history a diagnosis not
 * said (known from the record) is "Kontrollera".
 */
import { DIAGNOSIS_BY_DRUG, DIAGNOSIS_COOCCURRENCE } from '../../lexicon/diagnoses';
import { indexFor } from './indexes';
import { swedishNumberToValue } from '../../text/swedish-numbers';
import { englishNumberToValue } from './numbers-en';
import { raise, type Context } from './context';
import type { Sentence } from './document';
import { findTerms, stemTokens, type TermIndex } from './terms';

const isNumberWord = (w: string, language: 'sv' | 'en'): boolean =>
  (language === 'sv' ? swedishNumberToValue : englishNumberToValue)([w], 0) !== null;

/** Headings under which a diagnosis is the note's own assessment. */
const ASSESSMENT = /^(?:bedömning|analys|diagnos|omvårdnadsdiagnos|assessment|impression|diagnosis)/iu;

const isAssessment = (s: Sentence): boolean => s.section === null || ASSESSMENT.test(s.section);

/** Groups said in the transcript: by name, or (diagnoses) by words said together ("blodtrycket … för högt"). */
function saidGroups(ctx: Context, kind: 'drug' | 'diagnosis', index: TermIndex): Set<number> {
  const groups = new Set(ctx.transcript.flatMap((s) => findTerms(s.tokens, index).map((m) => m.group)));
  if (kind !== 'diagnosis' || ctx.language !== 'sv') return groups;
  for (const { term, stems } of DIAGNOSIS_COOCCURRENCE) {
    const group = findTerms(stemTokens(term, 'sv'), index)[0]?.group;
    if (group === undefined || groups.has(group)) continue;
    if (ctx.transcript.some((s) => stems.every((st) => s.tokens.some((t) => t.stem.startsWith(st))))) groups.add(group);
  }
  const drugIndex = indexFor('drug', 'sv');
  const drugsSaid = new Set(ctx.transcript.flatMap((s) => findTerms(s.tokens, drugIndex).map((m) => m.group)));
  for (const { term, drugs } of DIAGNOSIS_BY_DRUG) {
    const group = findTerms(stemTokens(term, 'sv'), index)[0]?.group;
    if (group === undefined || groups.has(group)) continue;
    if (drugs.some((d) => { const g = findTerms(stemTokens(d, 'sv'), drugIndex)[0]?.group; return g !== undefined && drugsSaid.has(g); })) groups.add(group);
  }
  return groups;
}

export function checkTerms(ctx: Context, kind: 'drug' | 'diagnosis', index: TermIndex, name: (group: number) => string): Set<number> {
  const said = saidGroups(ctx, kind, index);
  const checked = new Set<number>();
  for (const s of ctx.noteSentences) {
    for (const m of findTerms(s.tokens, index)) {
      // "Fem tidigare …": a number word is never a drug, though its stem may collide with one (fem / Femar).
      if (m.firstToken === m.lastToken && isNumberWord(s.tokens[m.firstToken]!.lower, ctx.language)) continue;
      for (let k = m.firstToken; k <= m.lastToken; k++) checked.add(s.tokens[k]!.start);
      if (said.has(m.group)) continue;
      const polarity = s.polar.find((p) => p.token.start === m.start)?.polarity ?? 'affirmed';
      const term = ctx.note.slice(m.start, m.end);
      if (kind === 'drug') {
        raise(ctx, {
          kind, start: m.start, end: m.end, severity: 'critical', reason: 'drug not named in the consultation',
          message: term.toLowerCase() === name(m.group)
            ? `Läkemedlet ${term} nämns inte i samtalet (inte heller under annat namn).`
            : `Läkemedlet ${term} nämns inte i samtalet (inte heller som ${name(m.group)} eller annat namn för samma substans).`,
        });
      } else {
        const critical = polarity === 'affirmed' && isAssessment(s);
        raise(ctx, {
          kind, start: m.start, end: m.end, severity: critical ? 'critical' : 'warning', reason: 'diagnosis not said in the consultation',
          message: critical
            ? `Diagnosen ${term} sades inte i samtalet (inte heller med annat ord för samma sak).`
            : `Kontrollera: ${term} nämns inte i samtalet.`,
        });
      }
    }
  }
  return checked;
}
