import { ERROR_KIND_SV } from './kinds';
import { pct } from './format';
import type { Summary, SummaryCell } from '../../../../server/contracts/api/training';
import { TableScroll } from '../../components/TableScroll';

const cell = (c: SummaryCell) => (c.suppressed ? <span className="muted">färre än 5</span> : pct(c.detection));

/** Detection by kind and by profession, with and without flags; any figure over fewer than five people is withheld. */
export function SummaryTable({ summary }: { summary: Summary }) {
  if (summary.people < summary.minPeople) {
    return <p className="muted">{summary.people} personer har signerat övningsfall. Resultat visas när minst {summary.minPeople} personer har övat, så att ingen enskild kan pekas ut.</p>;
  }
  return (
    <>
      <p>
        {summary.people} personer har övat. Upptäckt är medel per person av andelen planterade fel som hittades.
      </p>
      <TableScroll>
        <table>
          <caption>Upptäckt per typ av fel</caption>
          <thead><tr><th scope="col">Typ av fel</th><th scope="col">Alla</th><th scope="col">Med flaggor</th><th scope="col">Utan flaggor</th></tr></thead>
          <tbody>
            <tr><th scope="row">Alla fel</th><td>{cell(summary.overall.all)}</td><td>{cell(summary.overall.withFlags)}</td><td>{cell(summary.overall.withoutFlags)}</td></tr>
            {summary.byKind.map((k) => (
              <tr key={k.kind}><th scope="row">{ERROR_KIND_SV[k.kind]}</th><td>{cell(k.all)}</td><td>{cell(k.withFlags)}</td><td>{cell(k.withoutFlags)}</td></tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <TableScroll>
        <table>
          <caption>Upptäckt per yrkesgrupp</caption>
          <thead><tr><th scope="col">Yrkesgrupp</th><th scope="col">Alla</th><th scope="col">Med flaggor</th><th scope="col">Utan flaggor</th></tr></thead>
          <tbody>
            {summary.byProfession.map((p) => (
              <tr key={p.professionId}><th scope="row">{p.name}</th><td>{cell(p.all)}</td><td>{cell(p.withFlags)}</td><td>{cell(p.withoutFlags)}</td></tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
