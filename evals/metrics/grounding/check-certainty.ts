/**
 * Certainty and qualifiers of diagnoses: a diagnosis the consultation only
 * suspected ("det kan vara en öroninflammation") written as definite
 * ("Otit." or "konstaterad otit"), and a qualifier that changes meaning
 * ("svår" when "måttlig" was said; "kronisk" when "akut" was). "Talar för"
 * and "tyder på" are weak hedges: clinicians write such an assessment
 * plainly, so only an explicit "konstaterad" contradicts them.
 */
import { raise, type Context } from './context';
import type { Sentence } from './document';
import { findTerms, type TermIndex } from './terms';

const STRONG = /(?<![\p{L}])(?:kan vara|kan det vara|misstänk\p{L}*|misstanke|trolig\p{L}*|möjlig\p{L}*|kanske|låter som|verkar|sannolik\p{L}*|eventuell\p{L}*|osäker\p{L}*|inte utesluta|kan inte utesluta|tror|might|may be|could be|possibl\p{L}*|probabl\p{L}*|likely|suspect\p{L}*|query|rule out)(?![\p{L}])/iu;
const WEAK = /(?<![\p{L}])(?:talar för|tyder på|förenlig\p{L}*|stämmer med|ser ut som|bild av|consistent with|suggestive of)(?![\p{L}])/iu;
const NOTE_HEDGE = /(?<![\p{L}])(?:misstänkt|misstanke om|trolig|troligen|troligt|sannolik|sannolikt|möjlig|möjligen|ev|eventuell|eventuellt|susp|dd|differentialdiagnos|obs|kan vara|talar för|tyder på|förenligt med|bild av|probable|possible|suspected|likely|query|r\/o)(?![\p{L}])|\?/iu;
const NOTE_DEFINITE = /(?<![\p{L}])(?:konstaterad|konstaterat|konstaterade|verifierad|verifierat|bekräftad|bekräftat|fastställd|fastställt|säkerställd|säker|confirmed|definite|established)(?![\p{L}])/iu;

/** Qualifier scales: a word of one scale said for a diagnosis excludes the others of that scale. */
const SCALES: readonly (readonly string[])[] = [
  ['lindrig', 'lätt', 'måttlig', 'medelsvår', 'svår', 'allvarlig', 'uttalad', 'mild', 'moderate', 'severe'],
  ['akut', 'subakut', 'kronisk', 'recidiverande', 'acute', 'chronic', 'recurrent'],
  ['okomplicerad', 'komplicerad', 'uncomplicated', 'complicated'],
];

/** Headings under which a diagnosis is the note's own assessment (as in check-terms). */
const ASSESSMENT = /^(?:bedömning|analys|diagnos|omvårdnadsdiagnos|assessment|impression|diagnosis)/iu;

const scaleOf = (word: string): number => SCALES.findIndex((s) => s.includes(word));

type Level = 'definite' | 'weak' | 'strong';

/** The transcript's certainty about a diagnosis mention: the hedges of its clause ("din KOL, sannolikt av en infektion" hedges the cause, not KOL). */
function levelOf(text: string, s: Sentence, start: number, end: number): Level {
  // A hedge before the term anywhere in its sentence ("talar för ischias, ett diskbråck"), or after it in its clause ("otit?").
  const clause = text.slice(s.start, start) + clauseText(text, s, start, end).slice(start - Math.max(s.start, text.lastIndexOf(',', start) + 1));
  return STRONG.test(clause) ? 'strong' : WEAK.test(clause) ? 'weak' : 'definite';
}

function qualifiersBefore(s: Sentence, first: number): string[] {
  return s.tokens.slice(Math.max(0, first - 2), first).map((t) => t.lower).filter((w) => scaleOf(w) >= 0);
}

export function checkCertainty(ctx: Context, diagnoses: TermIndex): void {
  const inNote = new Set(ctx.noteSentences.flatMap((s) => findTerms(s.tokens, diagnoses).map((m) => m.group)));
  if (inNote.size === 0) return;
  const said = new Map<number, { level: Level; sentence: Sentence; qualifiers: string[] }[]>();
  for (const s of ctx.transcript) {
    for (const m of findTerms(s.tokens, diagnoses)) {
      if (!inNote.has(m.group)) continue;
      const list = said.get(m.group) ?? [];
      list.push({ level: levelOf(ctx.transcriptText, s, m.start, m.end), sentence: s, qualifiers: qualifiersBefore(s, m.firstToken) });
      said.set(m.group, list);
    }
  }
  for (const s of ctx.noteSentences) {
    // Certainty is the note's own assessment; a diagnosis in the history ("Tidigare gikt") reports the past.
    if (s.section !== null && !ASSESSMENT.test(s.section)) continue;
    for (const m of findTerms(s.tokens, diagnoses)) {
      const mentions = said.get(m.group);
      if (!mentions) continue;
      const polar = s.polar.find((p) => p.token.start === m.start)?.polarity ?? 'affirmed';
      if (polar !== 'affirmed') continue;
      const term = ctx.note.slice(m.start, m.end);
      const clause = clauseText(ctx.note, s, m.start, m.end);
      // A note may hedge in the consultation's own words ("Det låter som en blåskatarr").
      const hedged = NOTE_HEDGE.test(clause) || STRONG.test(clause);
      // A diagnosis written under "Diagnos:" is stated as made (it is what gets coded), as "konstaterad" is.
      const definite = NOTE_DEFINITE.test(clause) || /^diagnos(?:is)?$/iu.test(s.heading ?? '');
      const firmest = mentions.some((x) => x.level === 'definite') ? 'definite' : mentions.some((x) => x.level === 'weak') ? 'weak' : 'strong';
      const compared = mentions.find((x) => x.level === firmest)!.sentence;
      if (!hedged && firmest !== 'definite' && (definite || firmest === 'strong')) {
        raise(ctx, {
          kind: 'certainty', start: m.start, end: m.end, severity: 'critical', compared, said: compared.text,
          reason: 'definite in the note, uncertain in the consultation',
          message: `Säkerhet: anteckningen anger ${term} som säker, i samtalet var den osäker: ”${compared.text}”.`,
        });
        continue;
      }
      for (const q of qualifiersBefore(s, m.firstToken)) {
        const scale = scaleOf(q);
        const saidQ = mentions.flatMap((x) => x.qualifiers).filter((w) => scaleOf(w) === scale);
        // Only a qualifier that contradicts one said: clinicians add "akut" or "okomplicerad" from what they saw.
        if (saidQ.length === 0 || saidQ.includes(q)) continue;
        const start = s.tokens[m.firstToken - qualifiersBefore(s, m.firstToken).length]!.start;
        raise(ctx, {
          kind: 'certainty', start, end: m.end, severity: 'critical', compared, said: compared.text,
          reason: 'another qualifier was said',
          message: `Anteckningen: ”${q} ${term}”, samtalet: ”${saidQ[0]} ${term}”.`,
        });
      }
    }
  }
}

/** The text of the clause holding a term (hedges such as "misstänkt" stand before it, "?" after it). */
function clauseText(text: string, s: Sentence, start: number, end: number): string {
  const from = Math.max(s.start, text.lastIndexOf(',', start) + 1);
  const comma = text.indexOf(',', end);
  const to = comma < 0 || comma > s.end ? s.end : comma;
  return text.slice(from, to);
}
