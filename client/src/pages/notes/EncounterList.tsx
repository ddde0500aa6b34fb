import { Link } from 'react-router';
import type { Encounter } from '../../api/schemas';
import { formatDateTime } from '../../format/dates';
import { MODE_LABELS, statusLabel } from './labels';

export function EncounterList({ encounters }: { encounters: Encounter[] }) {
  if (encounters.length === 0) return <p className="muted">Du har inga besök ännu. Skapa ett med formuläret.</p>;
  return (
    <div className="table-scroll" tabIndex={0}>
      <table>
        <caption className="visually-hidden">Mina besök, nyaste först</caption>
        <thead>
          <tr>
            <th scope="col">Besök</th>
            <th scope="col">Skapat</th>
            <th scope="col">Arbetssätt</th>
            <th scope="col">Status</th>
            <th scope="col">Samtycke</th>
          </tr>
        </thead>
        <tbody>
          {encounters.map((e) => (
            <tr key={e.id}>
              <td>
                <Link to={`/anteckningar/${encodeURIComponent(e.id)}`}>{e.label}</Link>
              </td>
              <td className="nowrap">{formatDateTime(e.createdAt)}</td>
              <td>{MODE_LABELS[e.mode]}</td>
              <td>{statusLabel(e.status)}</td>
              <td>{e.consentAt ? 'Ja' : 'Nej'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
