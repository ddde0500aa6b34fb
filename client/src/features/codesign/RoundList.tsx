import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useResource } from '../../hooks/useResource';
import { listRounds } from './api';
import { RoundStatus } from '../../../../server/contracts/status';

/** The group's rating rounds: status, form, cases and each rater's progress. */
export function RoundList({ groupId }: { groupId: string }) {
  const rounds = useResource(() => listRounds(groupId), [groupId]);
  return (
    <section className="panel" aria-labelledby="rounds-title">
      <h2 id="rounds-title">Bedömningsomgångar</h2>
      <ErrorMessage error={rounds.error} />
      {rounds.data?.rounds.length === 0 && <p className="muted">Inga omgångar ännu. Starta en från ett arbetsflödes körningar.</p>}
      <ul className="plain-list">
        {rounds.data?.rounds.map((r) => (
          <li key={r.id}>
            <span>
              <strong>{r.name}</strong>{' '}
              <span className="muted">
                · {RoundStatus.label(r.status)} · {r.form.kind === 'short' ? 'kort form' : 'fullständigt formulär'} · {r.cases} testfall · {r.raters.map((x) => `${x.displayName ?? '?'} ${x.rated}/${r.cases}`).join(', ')}
              </span>
            </span>
            <Link to={`/bedomning/${r.id}/resultat`}>Resultat</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
