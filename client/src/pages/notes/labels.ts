import type { EncounterMode } from '../../api/schemas';

export const MODE_LABELS: Record<EncounterMode, string> = {
  ai: 'Med AI-stöd',
  baseline: 'Utan AI (jämförelse)',
};

const STATUS_LABELS: Record<string, string> = {
  open: 'Pågår',
  recorded: 'Inspelat',
  transcribed: 'Transkriberat',
  drafted: 'Utkast klart',
  signed: 'Signerat',
};

/** Statuses added by later steps show as they are until they get a label here. */
export const statusLabel = (status: string): string => STATUS_LABELS[status] ?? status;
