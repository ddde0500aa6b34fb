import type { AppDeps } from '../deps';

/**
 * Seed content for the demo workspace: workflows (prompts/workflows) as
 * version 1 labelled produktion, the shipped test consultations
 * (prompts/cases) in each profession's working group, and a few synthetic
 * encounters with pasted transcripts for the demo clinicians.
 */
export async function seedContent(
  _deps: AppDeps,
  _ids: { professions: Map<string, string>; groups: Map<string, string> },
): Promise<void> {
  // Filled in when prompts/ lands (see server/seed/README in this folder's parent README).
}
