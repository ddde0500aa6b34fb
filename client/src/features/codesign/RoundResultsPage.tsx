import { Link, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Loading } from '../../components/Loading';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { closeRound, getResults } from './api';
import { num, pct } from './format';
import { svInterval } from '../../../../server/contracts/sv-number';
import { agreementSentence, disagreedItemsSentence, preferenceAgreementSentence, preferenceSentence, scoreSentence, splitCaseSentence } from './round-words';
import { RoundStatus } from '../../../../server/contracts/status';
import { TableScroll } from '../../components/TableScroll';
import { CloseRoundButton } from './CloseRoundButton';

/** A round's results: the answer in words first (preference, scores, agreement), then item means with 95 % intervals, α per item, and what raters disagreed on per case. */
export function RoundResultsPage() {
  const { id = '' } = useParams();
  const results = useResource(() => getResults(id), [id]);
  const close = useSubmit(closeRound);
  if (results.loading && !results.data) return <Loading />;
  const data = results.data;
  const versionName = (versionId: string) => {
    const v = data?.round.versions?.find((x) => x.id === versionId);
    return v ? `Version ${v.version}` : 'Version';
  };
  const lower = (versionId: string) => versionName(versionId).toLowerCase();
  const splitOf = (d: { units: number; split: number } | undefined) => (d && d.units > 0 ? `${d.split} av ${d.units}` : '–');
  const ci = (c: { mean: number | null; lower: number | null; upper: number | null }) => `${num(c.mean)} [${svInterval(c, 2)}]`;
  return (
    <>
      {data && (
        <p>
          <Link to={`/samskapande/grupp/${data.round.groupId}`}>← Arbetsgruppen</Link>
        </p>
      )}
      <h1>Resultat: {data?.round.name}</h1>
      <ErrorMessage error={results.error ?? close.error} />
      {data && (
        <>
          <p>
            {data.ratings} bedömningar från {data.raters} bedömare · omgången är {RoundStatus.label(data.round.status)}.
          </p>
          {data.round.status === 'open' && <CloseRoundButton busy={close.busy} onClose={() => void close.run(id).then((o) => o.ok && results.reload())} />}
          <section className="panel" aria-labelledby="answer-title">
            <h2 id="answer-title">Vad bedömarna tyckte</h2>
            {data.round.form.kind === 'short' && <p className="muted">Kort form: vilken anteckning som var bäst och {data.items.map((i) => i.label.toLowerCase()).join(', ')}.</p>}
            <p>{preferenceSentence(data, lower)}</p>
            {scoreSentence(data, lower) && <p>{scoreSentence(data, lower)}</p>}
            <p>
              {agreementSentence(data)} {disagreedItemsSentence(data)} {preferenceAgreementSentence(data)}
            </p>
          </section>
          <section className="panel" aria-labelledby="items-title">
            <h2 id="items-title">Medel per fråga (95 % intervall)</h2>
            <p className="muted">α per fråga blir nära 0 när nästan alla betyg är lika, även om bedömarna bara skilde sig någon enstaka gång: kolumnen Oeniga visar hur ofta de gav olika betyg på samma anteckning.</p>
            <TableScroll>
              <table>
                <thead>
                  <tr>
                    <th>Fråga</th>
                    {data.versions.map((v) => (
                      <th key={v.versionId}>{versionName(v.versionId)}</th>
                    ))}
                    <th>α (ordinal)</th>
                    <th>Oeniga</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((item) => (
                    <tr key={item.key}>
                      <td>{item.label}</td>
                      {data.versions.map((v) => (
                        <td key={v.versionId} className="nowrap">
                          {ci(v.items[item.key]!)}
                        </td>
                      ))}
                      <td>{num(data.alpha.perItem[item.key])}</td>
                      <td className="nowrap">{splitOf(data.disagreements.perItem[item.key])}</td>
                    </tr>
                  ))}
                  <tr>
                    <th scope="row">{data.round.form.kind === 'short' ? 'Medel (PDQI-9-frågorna i formen)' : 'PDQI-9, medel'}</th>
                    {data.versions.map((v) => (
                      <td key={v.versionId} className="nowrap">
                        {ci(v.pdqi)}
                      </td>
                    ))}
                    <td>
                      <strong>α alla frågor: {num(data.alpha.overall)}</strong>
                    </td>
                    <td />
                  </tr>
                  <tr>
                    <th scope="row">Föredragen</th>
                    {data.versions.map((v) => (
                      <td key={v.versionId}>{pct(v.preferenceShare)}</td>
                    ))}
                    <td>Lika: {pct(data.equalShare)}</td>
                    <td className="nowrap">{splitOf(data.disagreements.preference)}</td>
                  </tr>
                </tbody>
              </table>
            </TableScroll>
          </section>
          <section className="panel" aria-labelledby="split-title">
            <h2 id="split-title">Testfall där bedömarna var oeniga</h2>
            {data.splitCases.length === 0 ? (
              <p className="muted">Inga.</p>
            ) : (
              <ul>
                {data.splitCases.map((c) => (
                  <li key={c.caseId}>
                    <strong>{c.title}:</strong> {splitCaseSentence(c, data, lower)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
