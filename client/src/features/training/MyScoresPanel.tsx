import { ERROR_KIND_SV } from './kinds';
import { pct } from './format';
import type { MyScores } from '../../../../server/contracts/api/training';
import { svNumber } from '../../../../server/contracts/sv-number';
import { TableScroll } from '../../components/TableScroll';

/** One person's own results: only they see these. */
export function MyScoresPanel({ scores }: { scores: MyScores }) {
  if (scores.cases === 0) return <p className="muted">Du har inte signerat något övningsfall ännu.</p>;
  return (
    <>
      <div className="figures">
        <div><strong>{pct(scores.detection)}</strong> av de planterade felen hittade ({scores.found} av {scores.planted})</div>
        <div><strong>{svNumber(scores.falseMarksPerCase, 1)}</strong> markeringar per fall där inget fel fanns</div>
        <div><strong>{scores.meanSecondsPerCase === null ? '–' : `${Math.round(scores.meanSecondsPerCase)} s`}</strong> per fall i medel</div>
      </div>
      <TableScroll>
        <table>
          <caption>Upptäckt per typ av fel</caption>
          <thead><tr><th scope="col">Typ av fel</th><th scope="col">Planterade</th><th scope="col">Hittade</th><th scope="col">Andel</th></tr></thead>
          <tbody>
            {scores.byKind.filter((k) => k.planted > 0).map((k) => (
              <tr key={k.kind}><th scope="row">{ERROR_KIND_SV[k.kind]}</th><td>{k.planted}</td><td>{k.found}</td><td>{pct(k.detection)}</td></tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TableScroll>
        <table>
          <caption>Utveckling omgång för omgång</caption>
          <thead><tr><th scope="col">Omgång</th><th scope="col">Flaggor</th><th scope="col">Fall</th><th scope="col">Hittade</th><th scope="col">Falsklarm</th></tr></thead>
          <tbody>
            {scores.progress.map((r) => (
              <tr key={r.roundId}><th scope="row">{r.name}</th><td>{r.showFlags ? 'visades' : 'dolda'}</td><td>{r.cases}</td><td>{pct(r.detection)} ({r.found} av {r.planted})</td><td>{r.falseMarks}</td></tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
