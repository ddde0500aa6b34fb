import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { drafterName } from '../../format/drafters';
import { getRun } from './api';
import { num, pct } from './format';
import { TableScroll } from '../../components/TableScroll';

/** One run's results per test case: automatic metrics, time, and whether it came from the cache. */
export function RunPage() {
  const { id = '' } = useParams();
  const run = useResource(() => getRun(id), [id]);
  if (run.loading && !run.data) return <Loading />;
  const data = run.data;
  return (
    <>
      {data && (
        <p>
          <Link to={`/samskapande/arbetsfloden/${data.run.workflowId}`}>← Arbetsflödet</Link>
        </p>
      )}
      <h1>Körning av version {data?.run.version ?? ''}</h1>
      <ErrorMessage error={run.error} />
      {data && (
        <section className="panel" aria-labelledby="results-title">
          <h2 id="results-title">
            Resultat per testfall ({data.results.length}) · {drafterName(data.run.drafterId)}
          </h2>
          {/* cards on a phone: a designer reads one case's figures together, not one column across cases */}
          <TableScroll>
            <table className="cards">
              <thead>
                <tr>
                  <th>Testfall</th>
                  <th>ROUGE-1</th>
                  <th>ROUGE-L</th>
                  <th>Nyckelfakta</th>
                  <th>Kritiska fakta</th>
                  <th>Flaggor (kritiska)</th>
                  <th>Rubriker ifyllda</th>
                  <th>LIX</th>
                  <th>Ord</th>
                  <th>Tid</th>
                </tr>
              </thead>
              <tbody>
                {data.results.map((r) => (
                  <tr key={r.caseId}>
                    <td>{r.title}</td>
                    <td data-label="ROUGE-1">{num(r.metrics.rouge1)}</td>
                    <td data-label="ROUGE-L">{num(r.metrics.rougeL)}</td>
                    <td data-label="Nyckelfakta">{pct(r.metrics.keyFactRecall)}</td>
                    <td data-label="Kritiska fakta">{pct(r.metrics.criticalKeyFactRecall)}</td>
                    <td data-label="Flaggor (kritiska)">
                      {r.metrics.flags.total} ({r.metrics.flags.critical})
                    </td>
                    <td data-label="Rubriker ifyllda">{pct(r.metrics.completeness)}</td>
                    <td data-label="LIX">{num(r.metrics.lix, 0)}</td>
                    <td data-label="Ord">{num(r.metrics.words, 0)}</td>
                    <td data-label="Tid" className="nowrap">{r.cached ? 'cache' : `${r.durationMs} ms`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      )}
    </>
  );
}
