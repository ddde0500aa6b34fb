import { Link, useSearchParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { compareRuns } from './api';
import { num } from './format';
import { svInterval } from '../../../../server/contracts/sv-number';
import type { DeltaT, DiffRunT } from '../../../../server/contracts/api/evalruns';
import { TableScroll } from '../../components/TableScroll';

const VERDICT: Record<string, string> = { better: 'bättre', worse: 'sämre', same: 'lika' };

function Verdict({ verdict }: { verdict: DeltaT['verdict'] }) {
  return verdict ? <span className={`verdict-${verdict}`}>{VERDICT[verdict]}</span> : null;
}

/** B's text with what A had struck through and what B added marked. */
function WordDiff({ runs }: { runs: DiffRunT[] }) {
  if (runs.length === 0) return <p>–</p>;
  return (
    <p>
      {runs.map((r, i) => (r.op === 'equal' ? <span key={i}>{r.text} </span> : r.op === 'del' ? <del key={i}>{r.text} </del> : <ins key={i}>{r.text} </ins>))}
    </p>
  );
}

/** Two runs on the same cases: mean deltas with 95 % bootstrap intervals, then each case side by side. */
/** Counts (words, flags, LIX, milliseconds) read best with one decimal or none; scores and shares with two. */
const COUNT_DIGITS: Record<string, number> = { words: 1, flags: 1, criticalFlags: 1, lix: 1, durationMs: 0 };
const digitsOf = (key: string) => COUNT_DIGITS[key] ?? 2;

export function ComparePage() {
  const [params] = useSearchParams();
  const a = params.get('a') ?? '';
  const b = params.get('b') ?? '';
  const compare = useResource(() => compareRuns(a, b), [a, b]);
  if (compare.loading && !compare.data) return <Loading />;
  const data = compare.data;
  // The measures by their Swedish names, as the table above shows them.
  const labelOf = (key: string) => data?.aggregate.find((m) => m.key === key)?.label ?? key;
  return (
    <>
      {data && (
        <p>
          <Link to={`/samskapande/arbetsfloden/${data.a.workflowId}`}>← Arbetsflödet</Link>
        </p>
      )}
      <h1>
        Jämförelse: version {data?.a.version} (A) och version {data?.b.version} (B)
      </h1>
      <ErrorMessage error={compare.error} />
      {data && (
        <>
          <section className="panel" aria-labelledby="aggregate-title">
            <h2 id="aggregate-title">Medelskillnad B − A ({data.cases.length} testfall)</h2>
            <TableScroll>
              <table>
                <thead>
                  <tr>
                    <th>Mått</th>
                    <th>A</th>
                    <th>B</th>
                    <th>Skillnad</th>
                    <th>95 % intervall</th>
                    <th>Bedömning</th>
                  </tr>
                </thead>
                <tbody>
                  {data.aggregate.map((m) => (
                    <tr key={m.key}>
                      <td>{m.label}</td>
                      <td>{num(m.meanA, digitsOf(m.key))}</td>
                      <td>{num(m.meanB, digitsOf(m.key))}</td>
                      <td>{num(m.meanDelta, digitsOf(m.key))}</td>
                      <td className="nowrap">
                        [{svInterval(m, digitsOf(m.key))}]
                      </td>
                      <td>
                        <Verdict verdict={m.verdict} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </section>
          {data.cases.map((c) => (
            <section className="panel" key={c.caseId} aria-label={c.title}>
              <h2>{c.title}</h2>
              <p className="muted">
                {Object.entries(c.metrics)
                  .filter(([, d]) => d.verdict === 'better' || d.verdict === 'worse')
                  .map(([key, d]) => `${labelOf(key)}: ${num(d.a, digitsOf(key))} → ${num(d.b, digitsOf(key))} (${VERDICT[d.verdict!]})`)
                  .join(' · ') || 'Inga skillnader i måtten.'}
              </p>
              {c.sections.map((s) => (
                <div key={s.key} className={s.changed ? 'changed-section' : undefined}>
                  <h3>
                    {s.heading}
                    {s.changed ? ' (ändrad)' : ''}
                  </h3>
                  <div className="columns">
                    <div>
                      <strong>A</strong>
                      <p>{s.a || '–'}</p>
                    </div>
                    <div>
                      <strong>{s.changed ? 'B, med skillnader' : 'B, samma text som A'}</strong>
                      <WordDiff runs={s.diff} />
                    </div>
                  </div>
                </div>
              ))}
            </section>
          ))}
        </>
      )}
    </>
  );
}
