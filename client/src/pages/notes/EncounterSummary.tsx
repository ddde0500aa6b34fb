import type { Encounter } from '../../api/schemas';
import { formatDateTime } from '../../format/dates';
import { MODE_LABELS, statusLabel } from './labels';

export function EncounterSummary({ encounter }: { encounter: Encounter }) {
  return (
    <dl className="facts">
      <div>
        <dt>Skapat</dt>
        <dd>{formatDateTime(encounter.createdAt)}</dd>
      </div>
      <div>
        <dt>Arbetssätt</dt>
        <dd>{MODE_LABELS[encounter.mode]}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>{statusLabel(encounter.status)}</dd>
      </div>
    </dl>
  );
}
