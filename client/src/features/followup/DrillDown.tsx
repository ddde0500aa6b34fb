import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { getNotes, type FilterState } from './api';
import { num } from './format';
import type { TimeGroup } from '../../../../server/contracts/api/followup';
import { TableScroll } from '../../components/TableScroll';

/** The anonymised notes behind one figure: dates, times, ratings, flag counts; no text, no names. */
export function DrillDown({ filters, group, mode, onClose }: { filters: FilterState; group: TimeGroup; mode: 'ai' | 'baseline'; onClose(): void }) {
  const notes = useResource(() => getNotes(filters, group, mode), [filters, group, mode]);
  const title = `${mode === 'ai' ? 'Anteckningar med AI' : 'Baslinjeanteckningar'}: ${group.professionName}${group.label === 'Alla' ? '' : `, ${group.label}`}`;
  return (
    <section className="panel" aria-labelledby="drill-title">
      <h2 id="drill-title">{title}</h2>
      <p>
        <button type="button" className="secondary small" onClick={onClose}>
          Stäng listan
        </button>
      </p>
      <ErrorMessage error={notes.error} />
      {notes.loading && !notes.data && <Loading />}
      {notes.data?.suppressed && <p>{notes.data.suppressed}: listan visas inte.</p>}
      {notes.data && !notes.data.suppressed && (
        <>
          <p className="muted">
            {notes.data.total} anteckningar{notes.data.total > notes.data.notes.length ? `, de första ${notes.data.notes.length} visas` : ''}. Id är anteckningens nummer i arbetsbänken; inga texter eller namn visas.
          </p>
          <TableScroll>
            <table aria-label="Anteckningar bakom siffran">
              <thead>
                <tr>
                  <th>Id</th>
                  <th>Datum</th>
                  <th>Vårdenhet</th>
                  <th>Version</th>
                  <th>Aktiv tid (min)</th>
                  <th>Total tid (min)</th>
                  <th>Betyg</th>
                  <th>Meningar</th>
                  <th>Flaggor (åtgärdade/avfärdade)</th>
                </tr>
              </thead>
              <tbody>
                {notes.data.notes.map((n) => (
                  <tr key={n.id}>
                    <td className="nowrap">{n.id.slice(-8)}</td>
                    <td className="nowrap">{n.date}</td>
                    <td>{n.careUnit}</td>
                    <td>{n.workflowVersion}</td>
                    <td>{num(n.activeMinutes)}</td>
                    <td>{num(n.totalMinutes)}</td>
                    <td>{n.rating ?? '–'}</td>
                    <td>{n.sentences}</td>
                    <td>
                      {n.flags} ({n.flagsFixed}/{n.flagsDismissed})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      )}
    </section>
  );
}
