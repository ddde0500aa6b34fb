import { checkSection } from '../../../evals/metrics/grounding';
import type { TrainingFlag } from '../../contracts/api/training';
import type { TrainingCaseData } from '../../contracts/training';

/**
 * The grounding checker's flags on a training draft, section by section,
 * exactly as the review screen would show them for real work. Offsets are
 * into the section's text; `turn` is the consultation turn the checker
 * found closest (its evidence), when it found one.
 */
export function flagsFor(data: TrainingCaseData): TrainingFlag[] {
  const transcript = data.turns.map((t, i) => ({ id: `t${i}`, text: t.text }));
  return data.draft.flatMap((section, s) =>
    section.text.trim() === ''
      ? []
      : checkSection({ transcript, note: section.text, language: 'sv' }, section.heading).flags.map((f) => ({
          section: s,
          start: f.start,
          end: f.end,
          kind: f.kind,
          severity: f.severity,
          turn: f.evidence?.startsWith('t') ? Number(f.evidence.slice(1)) : null,
        })),
  );
}
