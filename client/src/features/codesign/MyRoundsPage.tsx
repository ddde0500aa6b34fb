import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { myRounds } from './api';
import { RoundStatus } from '../../../../server/contracts/status';

/** Rounds where the signed-in user is a rater. */
export function MyRoundsPage() {
  const rounds = useResource(myRounds, []);
  return (
    <>
      <h1>Mina bedömningar</h1>
      {rounds.loading && !rounds.data && <Loading />}
      <ErrorMessage error={rounds.error} />
      {/* jscpd:ignore-start -- list markup like the group's RoundList, with other facts and links per round */}
      {rounds.data?.rounds.length === 0 && <p className="panel">Du är inte bedömare i någon omgång.</p>}
      <ul className="plain-list">
        {rounds.data?.rounds.map((r) => (
          <li key={r.id}>
            {/* jscpd:ignore-end */}
            <span>
              <strong>{r.name}</strong> <span className="muted">· {RoundStatus.label(r.status)}</span>
            </span>
            {r.status === 'open' ? <Link to={`/bedomning/${r.id}`}>Bedöm</Link> : <Link to={`/bedomning/${r.id}/resultat`}>Resultat</Link>}
          </li>
        ))}
      </ul>
    </>
  );
}
