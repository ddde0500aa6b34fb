/**
 * Plans (referrals, treatment changes, follow-up, advice) whose content was
 * not discussed. Half of a plan's object words must have been said —
 * directly, as a compound part, as an expanded abbreviation or as a concept
 * of the synonym lexicon — and what is ordered (remiss, MR, sjukskrivning)
 * must itself have been said. Not found is "Kontrollera", never critical.
 */
import { ABBREVIATIONS_SV } from '../../lexicon/abbreviations-sv';
import { conceptByToken } from './concepts';
import { hasStem } from './content';
import { raise, type Context } from './context';
import { findPlans, requiredSupport } from './plans';
import { stem } from './stem';

/** Sections that tell what happened, not what is planned: "Remitterad för …" there is history. */
const HISTORY = /^(?:kontaktorsak|aktuellt|anamnes|omvårdnadsanamnes|status|omvårdnadsstatus|sökorsak|chief complaint|history)/iu;

export function checkPlans(ctx: Context, alreadyChecked: ReadonlySet<number>): void {
  const said = new Set(ctx.transcript.flatMap((s) => [...s.stems]));
  // Short names of examinations ("MR", "DT") are not content words, so look them up among all tokens.
  const saidAll = new Set(ctx.transcript.flatMap((s) => s.tokens.map((t) => t.stem)));
  const saidConcepts = new Set(ctx.transcript.flatMap((s) => [...conceptByToken(s.tokens, ctx.language).values()]));
  const noteConcepts = new Map<string, string>();
  for (const s of ctx.noteSentences) {
    const byToken = conceptByToken(s.tokens, ctx.language);
    for (const [i, c] of byToken) noteConcepts.set(s.tokens[i]!.stem, c);
  }
  const supported = (st: string): boolean => {
    if (hasStem(said, st)) return true;
    const c = noteConcepts.get(st);
    if (c && saidConcepts.has(c)) return true;
    const expanded = ctx.language === 'sv' ? ABBREVIATIONS_SV[st] : undefined;
    return expanded !== undefined && expanded.some((w) => hasStem(said, stem(w, 'sv')) || saidAll.has(stem(w, 'sv')));
  };
  const sentences = ctx.noteSentences.filter((s) => s.section === null || !HISTORY.test(s.section));
  for (const plan of findPlans(sentences, ctx.language, alreadyChecked)) {
    // "Inläggning" is said "du läggs in": a decision named by a concept of the lexicon counts too.
    const missingDecision = plan.decisionStems.filter((d) => !(saidAll.has(d) || (d.length >= 5 && hasStem(said, d)) ||
      (noteConcepts.has(d) && saidConcepts.has(noteConcepts.get(d)!))));
    const missing = plan.objectStems.filter((st) => !supported(st));
    if (missingDecision.length === 0 && plan.objectStems.length - missing.length >= requiredSupport(plan.objectStems.length)) continue;
    const text = ctx.note.slice(plan.start, plan.end);
    raise(ctx, {
      kind: 'plan', start: plan.start, end: plan.end, severity: 'warning', reason: 'plan not discussed in the consultation',
      message: missingDecision.length > 0
        ? `Kontrollera planen: ”${text}” – det som ordineras nämns inte i samtalet.`
        : `Kontrollera planen: ”${text}” – det mesta av innehållet nämns inte i samtalet.`,
    });
  }
}
