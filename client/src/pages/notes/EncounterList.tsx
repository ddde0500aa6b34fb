import { Link } from 'react-router';
import type { Encounter } from '../../../../server/contracts/api/encounters';
import { formatDateTime } from '../../format/dates';
import { EncounterMode, EncounterStatus } from '../../../../server/contracts/status';
import { TableScroll } from '../../components/TableScroll';

export function EncounterList({ encounters }: { encounters: Encounter[] }) {
  if (encounters.length === 0) return <p className="muted">Du har inga besök ännu. Skapa ett med formuläret.</p>;
  return (
    <TableScroll>
      <table className="cards">
        <caption className="visually-hidden">Mina besök, nyaste först</caption>
        <thead>
          <tr>
            <th scope="col">Besök</th>
            <th scope="col">Skapat</th>
            <th scope="col">Status</th>
            <th scope="col">Samtycke</th>
          </tr>
        </thead>
        <tbody>
          {encounters.map((e) => (
            <tr key={e.id}>
              {/* the way of working goes under the label: a fifth column did not fit a tablet's half-width column */}
              <td>
                <Link to={`/anteckningar/${encodeURIComponent(e.id)}`}>{e.label}</Link>
                <span className="cell-note">{EncounterMode.label(e.mode)}</span>
              </td>
              <td data-label="Skapat">{formatDateTime(e.createdAt)}</td>
              <td data-label="Status">{EncounterStatus.label(e.status)}</td>
              <td data-label="Samtycke">{e.consentAt ? 'Ja' : 'Nej'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
