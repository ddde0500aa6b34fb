/**
 * Laterality: a side in the note (hö/vä, höger/vänster, bilat) checked
 * against what was said for that body part. A side said only the other way
 * for that part is a contradiction; when both sides were spoken of, the
 * note's findings must belong to the side it names ("Hö trumhinna rodnad"
 * when the red eardrum was the left one). Ellipsis ("Höger ser normal ut")
 * takes its body part from the side mentioned before it.
 */
import { conceptByToken, findBodyParts, partWithWhole } from './concepts';
import { hasStem, isContentWord } from './content';
import { raise, type Context } from './context';
import { clauseOf, type Sentence } from './document';
import { SIDE_WORDS } from './quantity-words';
import type { Language } from './types';

type Side = 'right' | 'left' | 'both';

interface SideMention {
  side: Side;
  parts: Set<string>;
  /** Content stems and concept ids of the clause, besides sides and body parts. */
  findings: Set<string>;
  start: number;
  end: number;
  sentence: Sentence;
}

const SIDE_SV: Record<Side, string> = { right: 'höger', left: 'vänster', both: 'båda sidor' };

/** Transcripts spread one statement over clauses ("det sticker i tårna, i båda fötterna"): every part of the sentence counts. */
function mentions(sentences: readonly Sentence[], language: Language, spoken: boolean): SideMention[] {
  const out: SideMention[] = [];
  let lastParts = new Set<string>();
  sentences.forEach((s) => {
    const parts = findBodyParts(s.tokens, language);
    const concepts = conceptByToken(s.tokens, language);
    const partTokens = new Set(parts.flatMap((p) => [p.firstToken, p.lastToken]));
    s.tokens.forEach((t, k) => {
      const side = SIDE_WORDS[t.lower];
      if (!side || isComparedWith(s, k)) return;
      // The choice still names what the answer is about ("Vänster. Bara vänster.").
      if (spoken && offersChoice(s)) { if (parts.length > 0) lastParts = partWithWhole(new Set(parts.map((p) => p.id))); return; }
      const [a, b] = clauseOf(s, k);
      const own = new Set(parts.filter((p) => p.firstToken >= a && p.lastToken <= b).map((p) => p.id));
      const inSentence = new Set(parts.map((p) => p.id));
      const partsHere = partWithWhole(spoken && inSentence.size > 0 ? inSentence : own.size > 0 ? own : inSentence.size > 0 ? inSentence : lastParts);
      const findings = new Set<string>();
      for (let i = a; i <= b; i++) {
        const w = s.tokens[i]!;
        if (i === k || SIDE_WORDS[w.lower] || partTokens.has(i)) continue;
        const c = concepts.get(i);
        if (c) findings.add(`#${c}`);
        else if (isContentWord(w, language)) findings.add(w.stem);
      }
      out.push({ side, parts: partsHere, findings, start: t.start, end: t.end, sentence: s });
      lastParts = partsHere;
    });
  });
  return out;
}

/** "Från ena eller båda näsborrarna?": a question offering sides states none of them. */
const offersChoice = (s: Sentence): boolean => s.text.trimEnd().endsWith('?') && s.tokens.some((t) => t.lower === 'eller');

/** "hö jmf vä", "höger jämfört med vänster": the side after a comparison is the reference, not where the finding is. */
const COMPARISON = new Set(['jmf', 'jfr', 'jämfört', 'jämförelse', 'än', 'relativt']);
function isComparedWith(s: Sentence, k: number): boolean {
  return s.tokens.slice(Math.max(0, k - 3), k).some((t) => COMPARISON.has(t.lower));
}

function shared(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x) || (x.length >= 4 && !x.startsWith('#') && hasStem(b, x))) n++;
  return n;
}

const intersects = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => [...a].some((x) => b.has(x));

export function checkLaterality(ctx: Context): void {
  // The body-part lexicon is Swedish; English "right" is mostly "correct", so English notes are not side-checked.
  if (ctx.language !== 'sv') return;
  const said = mentions(ctx.transcript, ctx.language, true);
  if (said.length === 0) return;
  for (const n of mentions(ctx.noteSentences, ctx.language, false)) {
    const relevant = said.filter((t) =>
      n.parts.size > 0 && t.parts.size > 0 ? intersects(n.parts, t.parts) : shared(n.findings, t.findings) > 0);
    const same = relevant.filter((t) => t.side === n.side);
    const other = relevant.filter((t) => t.side !== n.side);
    if (other.length === 0) continue;
    const best = (list: SideMention[]) => Math.max(0, ...list.map((t) => shared(n.findings, t.findings)));
    const contradicted = same.length === 0 || (n.findings.size > 0 && best(same) === 0 && best(other) > 0);
    if (!contradicted) continue;
    const compared = [...other].sort((x, y) => shared(n.findings, y.findings) - shared(n.findings, x.findings))[0]!;
    const part = [...n.parts][0];
    raise(ctx, {
      kind: 'laterality', start: n.start, end: n.end, severity: 'critical', compared: compared.sentence, said: compared.sentence.text,
      reason: 'another side was said for this body part or finding',
      message: `Sida: anteckningen ${SIDE_SV[n.side]}${part ? ` (${part})` : ''}, samtalet ${SIDE_SV[compared.side]}: ”${compared.sentence.text}”.`,
    });
  }
}
