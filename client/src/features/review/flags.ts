import type { Draft } from './api';

/**
 * Flags still waiting for the clinician. Only critical ones stop the
 * signature (the server decides); warnings are there to be looked at.
 */
export function unresolvedFlags(draft: Draft): { total: number; critical: number } {
  const open = draft.sections.flatMap((s) => s.sentences.flatMap((x) => x.flags.filter((f) => !f.resolution)));
  return { total: open.length, critical: open.filter((f) => f.severity === 'critical').length };
}
