import type { AuditEvent } from '../../../../server/contracts/api/audit';
import { formatDateTime } from '../../format/dates';
import { TableScroll } from '../../components/TableScroll';

const OUTCOME_LABELS: Record<string, string> = { success: 'Lyckades', denied: 'Nekades', error: 'Fel' };

export function AuditTable({ events }: { events: AuditEvent[] }) {
  if (events.length === 0) return <p className="muted">Inga händelser för urvalet.</p>;
  return (
    <TableScroll>
      <table>
        <caption className="visually-hidden">Händelser i åtkomstloggen</caption>
        <thead>
          <tr>
            <th scope="col">Tid</th>
            <th scope="col">Användare</th>
            <th scope="col">Roll</th>
            <th scope="col">Besök</th>
            <th scope="col">Händelse</th>
            <th scope="col">Utfall</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e, i) => (
            <tr key={`${e.at}-${e.requestId ?? i}`}>
              <td className="nowrap">{formatDateTime(e.at)}</td>
              <td>{e.username ?? e.userId ?? '–'}</td>
              <td>{e.roleLabel ?? '–'}</td>
              <td>
                <code>{e.encounterId ?? '–'}</code>
              </td>
              <td>
                {e.actionLabel} <span className="muted">({e.kindLabel})</span>
              </td>
              <td>{OUTCOME_LABELS[e.outcome] ?? e.outcome}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
