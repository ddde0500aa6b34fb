import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Explanation } from './Explanation';
import { inDrawingOrder, num, pct } from './format';
import { svInterval } from '../../../../server/contracts/sv-number';
import type { Dashboard } from '../../../../server/contracts/api/followup';
import { TableScroll } from '../../components/TableScroll';

/** Mini-Z burnout before and after the trial, per profession. */
export function SurveySection({ surveys }: { surveys: Dashboard['surveys'] }) {
  const data = surveys.groups.map((g) => ({ name: g.professionName, before: g.before.burnout.mean, after: g.after.burnout.mean }));
  return (
    <section className="panel" aria-labelledby="survey-title">
      <h2 id="survey-title">Enkät före och efter</h2>
      {surveys.groups.length === 0 ? (
        <p className="empty">Inga svar ännu.</p>
      ) : (
        <>
          <div className="followup-chart" role="img" aria-label="Utbrändhet (Mini-Z, 1–5) före och efter försöket per yrkesgrupp">
            <ResponsiveContainer width="100%" height={300}>
              <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="name" interval={0} angle={-35} textAnchor="end" height={90} tick={{ fontSize: 12 }} />
                <YAxis domain={[1, 5]} />
                <Tooltip />
                <Legend itemSorter={inDrawingOrder(['before', 'after'])} />
                <Bar dataKey="before" name="Före" fill="#8a8f98" isAnimationActive={false} />
                <Bar dataKey="after" name="Efter" fill="#1f6fb2" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <details className="followup-figures">
            <summary>Siffrorna i tabellform</summary>
            <TableScroll>
            <table>
              <thead>
                <tr>
                  <th>Yrkesgrupp</th>
                  <th>Före: svar, utbrändhet [95 % KI], andel ≥ 3</th>
                  <th>Efter: svar, utbrändhet [95 % KI], andel ≥ 3</th>
                </tr>
              </thead>
              <tbody>
                {surveys.groups.map((g) => (
                  <tr key={g.professionName}>
                    <th scope="row">{g.professionName}</th>
                    {[g.before, g.after].map((p, i) => (
                      <td key={i}>{p.burnout.suppressed ? `${p.respondents}: ${p.burnout.suppressed}` : `${p.respondents}: ${num(p.burnout.mean, 2)} [${svInterval(p.burnout.meanCi, 2)}], ${pct(p.burnoutShare)}`}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
            </TableScroll>
          </details>
        </>
      )}
      <Explanation text={surveys.explanation} />
    </section>
  );
}
