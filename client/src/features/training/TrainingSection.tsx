import { Link } from 'react-router';
import { RoundStatus, TrainingCaseSource } from '../../../../server/contracts/status';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { closeTrainingRound, groupSummary, listTrainingCases, listTrainingRounds } from './api';
import { NewTrainingCaseForm } from './NewTrainingCaseForm';
import { NewTrainingRoundForm } from './NewTrainingRoundForm';
import { SummaryTable } from './SummaryTable';
import './training.css';
import { TableScroll } from '../../components/TableScroll';

/** The working group's review training in its studio: training cases, rounds with progress, and the group's aggregated results. */
export function TrainingSection({ groupId }: { groupId: string }) {
  const cases = useResource(() => listTrainingCases(groupId), [groupId]);
  const rounds = useResource(() => listTrainingRounds(groupId), [groupId]);
  const summary = useResource(() => groupSummary(groupId), [groupId]);
  const close = useSubmit(closeTrainingRound);
  return (
    <section className="panel training" aria-labelledby="training-title">
      <h2 id="training-title">Granskningsträning</h2>
      <p className="muted">Övningsfall är utkast med planterade fel. Kliniker granskar dem på samma skärm som i verkligt arbete och får återkoppling direkt.</p>
      <ErrorMessage error={cases.error ?? rounds.error ?? close.error} />
      <TableScroll>
        <table>
          <caption>Övningsfall</caption>
          <thead><tr><th scope="col">Övningsfall</th><th scope="col">Planterade fel</th><th scope="col">Källa</th></tr></thead>
          <tbody>
            {(cases.data?.trainingCases ?? []).map((c) => (
              <tr key={c.id}>
                <th scope="row"><Link to={`/samskapande/ovningsfall/${c.id}`}>{c.title}</Link></th>
                <td>{c.errors}</td>
                <td>{TrainingCaseSource.label(c.source)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <NewTrainingCaseForm groupId={groupId} />
      <h3>Övningsomgångar</h3>
      {rounds.data?.rounds.length === 0 && <p className="muted">Inga omgångar ännu.</p>}
      <ul>
        {rounds.data?.rounds.map((r) => (
          <li key={r.id}>
            <strong>{r.name}</strong> – {RoundStatus.label(r.status)}, {r.cases.length} fall, flaggor {r.showFlags ? 'visas' : 'dolda'};{' '}
            {(r.participants ?? []).filter((p) => p.answered >= r.cases.length).length} av {(r.participants ?? []).length} deltagare klara
            {r.status === 'open' && (
              <>
                {' '}
                <button type="button" className="small secondary" disabled={close.busy} onClick={async () => (await close.run(r.id)).ok && rounds.reload()}>
                  Stäng omgången
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {cases.data && <NewTrainingRoundForm groupId={groupId} cases={cases.data.trainingCases} onCreated={rounds.reload} />}
      <h3>Gruppens resultat</h3>
      <ErrorMessage error={summary.error} />
      {summary.data && <SummaryTable summary={summary.data.summary} />}
    </section>
  );
}
