import type { Encounter } from '../../../../server/contracts/api/encounters';
import { formatDateTime } from '../../format/dates';
import { EncounterMode, EncounterStatus } from '../../../../server/contracts/status';

export function EncounterSummary({ encounter }: { encounter: Encounter }) {
  return (
    <dl className="facts">
      <div>
        <dt>Skapat</dt>
        <dd>{formatDateTime(encounter.createdAt)}</dd>
      </div>
      <div>
        <dt>Arbetssätt</dt>
        <dd>{EncounterMode.label(encounter.mode)}</dd>
      </div>
      <div>
        <dt>Status</dt>
        <dd>{EncounterStatus.label(encounter.status)}</dd>
      </div>
    </dl>
  );
}
