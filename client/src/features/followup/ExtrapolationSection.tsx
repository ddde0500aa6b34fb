import { AssumptionsEditor } from './AssumptionsEditor';
import { Explanation } from './Explanation';
import { kr, num } from './format';
import { svInterval } from '../../../../server/contracts/sv-number';
import type { Dashboard } from '../../../../server/contracts/api/followup';
import { TableScroll } from '../../components/TableScroll';

/** Hours and kronor per year from minutes saved per note and the lead's assumptions, printed side by side. */
export function ExtrapolationSection({ data, canEdit, onSaved }: { data: Dashboard; canEdit: boolean; onSaved(): void }) {
  const { rows, assumptions, explanation } = data.extrapolation;
  return (
    <section className="panel" aria-labelledby="extrapolation-title">
      <h2 id="extrapolation-title">Uppräkning till timmar och kronor per år</h2>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th>Yrkesgrupp</th>
              <th>Tid sparad per anteckning (min)</th>
              <th>Timmar per år [95 % KI]</th>
              <th>Kronor per år [95 % KI]</th>
              <th>Antaganden</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.professionCode}>
                <th scope="row">{r.professionName}</th>
                <td>{num(r.savedMinutesPerNote)}</td>
                <td>{r.hoursPerYear ? `${num(r.hoursPerYear.estimate, 0)} [${svInterval(r.hoursPerYear, 0)}]` : (r.note ?? '–')}</td>
                <td>{r.kronorPerYear ? `${kr(r.kronorPerYear.estimate)} [${svInterval(r.kronorPerYear, 0, 'kr')}]` : '–'}</td>
                <td>{r.assumption ? `${r.assumption.notesPerYear.toLocaleString('sv-SE')} anteckningar/år, ${num(r.assumption.suitableShare * 100, 0)} % lämpliga, ${kr(r.assumption.hourlyCostSek)}/timme` : 'saknas'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Explanation text={explanation} />
      <h3>Antaganden</h3>
      <AssumptionsEditor key={assumptions.updatedAt ?? 'none'} professions={data.options.professions} assumptions={assumptions} canEdit={canEdit} onSaved={onSaved} />
    </section>
  );
}
