import type { Draft } from './api';

/**
 * Flags still waiting for the clinician. Only critical ones stop the
 * signature (the server decides); warnings are there to be looked at.
 */
export function unresolvedFlags(draft: Draft): { total: number; critical: number } {
  const open = draft.sections.flatMap((s) => s.sentences.flatMap((x) => x.flags.filter((f) => !f.resolution)));
  return { total: open.length, critical: open.filter((f) => f.severity === 'critical').length };
}

/** The clinician's own edits that the consultation said otherwise about ("Samtalet sa annat"): shown at signing, never blocking. */
export function contradictedEdits(draft: Draft): number {
  return draft.sections.reduce((n, s) => n + s.hints.filter((h) => h.contradicts).length, 0);
}
