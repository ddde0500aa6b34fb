import type { Candidate, Rule } from './types';
import { closestTurn, stems } from './types';

/**
 * Deleted critical sentences: for each critical key fact of the test case,
 * the draft sentence that carries it (most shared content words, at least
 * two or half the fact's words) is taken out. The error is the gap; `said`
 * is the deleted sentence.
 */
const SENTENCES = /[^.!?]+[.!?]*\s*/gu;

export const criticalDeletes: Rule = ({ data, free }) => {
    const out: Candidate[] = [];
    const used = new Set<string>();
    for (const fact of data.keyFacts.filter((f) => f.critical)) {
      const want = stems(fact.text);
      let best: { s: number; start: number; end: number; text: string; score: number } | null = null;
      data.draft.forEach((section, s) => {
        for (const m of section.text.matchAll(SENTENCES)) {
          const have = stems(m[0]);
          const score = [...want].filter((w) => have.has(w)).length;
          if (score > (best?.score ?? 0)) best = { s, start: m.index, end: m.index + m[0].length, text: m[0], score };
        }
      });
      const b = best as { s: number; start: number; end: number; text: string; score: number } | null;
      if (!b || b.score < Math.min(2, Math.ceil(want.size / 2)) || used.has(`${b.s}:${b.start}`) || !free(b.s, b.start, b.end)) continue;
      used.add(`${b.s}:${b.start}`);
      const sentence = b.text.trim();
      out.push({ key: `omission-${b.s}-${b.start}`, rule: 'critical-delete', kind: 'omission', section: b.s, start: b.start, end: b.end, original: b.text, replacement: '', said: sentence, turn: closestTurn(data.turns, sentence) });
    }
    return out;
};
