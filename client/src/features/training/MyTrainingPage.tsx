import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { myScores, myTrainingRounds } from './api';
import { MyScoresPanel } from './MyScoresPanel';

/** A participant's training: the rounds they are in, case by case, and their own results. */
export function MyTrainingPage() {
  const rounds = useResource(myTrainingRounds, []);
  const scores = useResource(myScores, []);
  return (
    <div className="training">
      <h1>Granskningsträning</h1>
      <p className="lead-text">Öva på att hitta fel i AI-utkast innan arbetssättet används på riktigt. Felen är planterade; efter varje fall ser du vad du hittade och missade.</p>
      <ErrorMessage error={rounds.error ?? scores.error} />
      {rounds.loading && !rounds.data && <Loading />}
      {rounds.data?.rounds.length === 0 && <p className="panel">Du deltar inte i någon övningsomgång ännu.</p>}
      {rounds.data?.rounds.map((r) => (
        <section key={r.id} className="panel" aria-labelledby={`round-${r.id}`}>
          <h2 id={`round-${r.id}`}>{r.name}</h2>
          <p className="muted">
            {r.status === 'open' ? 'Öppen' : 'Stängd'} · {r.cases.filter((c) => c.answered).length} av {r.cases.length} fall signerade
            {r.timeLimitSeconds !== null && ` · ${Math.round(r.timeLimitSeconds / 60)} minuter per fall`}
          </p>
          <ul>
            {r.cases.map((c) => (
              <li key={c.caseId}>
                <Link to={`/ovning/${r.id}/${c.caseId}`}>{c.title}</Link> {c.answered ? <span className="found">Signerat – se återkopplingen</span> : r.status === 'open' ? '' : <span className="muted">(ej gjort)</span>}
              </li>
            ))}
          </ul>
        </section>
      ))}
      <section className="panel" aria-labelledby="my-scores">
        <h2 id="my-scores">Mina resultat</h2>
        <p className="muted">Bara du ser dina egna resultat. Arbetsgruppen och projektledningen ser bara sammanräknade siffror över minst fem personer.</p>
        {scores.data && <MyScoresPanel scores={scores.data.scores} />}
      </section>
    </div>
  );
}
