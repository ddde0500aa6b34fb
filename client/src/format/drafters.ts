import type { DrafterKind } from '../../../server/contracts/api/review';

/** The drafting engines in the words the UI uses everywhere (the review screen's choice, the studio's runs). */
export const DRAFTER_LABELS: Record<DrafterKind, string> = {
  extractive: 'Extraktiv (utan språkmodell)',
  local: 'Lokal språkmodell',
  hosted: 'Extern språkmodelltjänst',
};

/**
 * A stored drafter id ("extractive:v1", "local:<model>", "hosted:<model>") as a reader names it:
 * the engine's Swedish name, and the model when there is one; the engine's own version is not news to a reader.
 */
export function drafterName(drafterId: string): string {
  const [kind = '', ...rest] = drafterId.split(':');
  const label = (DRAFTER_LABELS as Record<string, string>)[kind];
  if (!label) return drafterId;
  return kind === 'extractive' || rest.length === 0 ? label : `${label} (${rest.join(':')})`;
}
