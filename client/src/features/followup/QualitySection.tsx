import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { SelectField } from '../../components/SelectField';
import { Explanation } from './Explanation';
import { inDrawingOrder, num, pct } from './format';
import { svInterval } from '../../../../server/contracts/sv-number';
import type { Dashboard, TrendPoint } from '../../../../server/contracts/api/followup';
import { TableScroll } from '../../components/TableScroll';

const METRICS = {
  ratingMean: 'Betyg vid signering (1–5)',
  flagsPer100Sentences: 'Flaggor per 100 meningar',
  editRatio: 'Redigerade tecken (andel)',
} as const;
type Metric = keyof typeof METRICS;
/** A share's interval in percent, for svInterval (which writes every interval the one way). */
const percentOf = (c: { lower: number; upper: number } | null | undefined) => (c ? { lower: c.lower * 100, upper: c.upper * 100 } : null);
const COLORS = ['#1f6fb2', '#b25a1f', '#2e8b57', '#8a2be2', '#b22222', '#4b5563', '#0f766e', '#a16207'];

/** Quality over time per profession and workflow version, and the period's figures per profession. */
export function QualitySection({ quality }: { quality: Dashboard['quality'] }) {
  const [metric, setMetric] = useState<Metric>('ratingMean');
  // A profession with one workflow version is named by the profession alone: long version names in the
  // legend would leave no room for the lines on a phone.
  const versionsOf = (profession: string) => new Set(quality.trend.filter((t) => t.professionName === profession).map((t) => t.versionLabel)).size;
  const key = (t: TrendPoint) => (versionsOf(t.professionName) > 1 ? `${t.professionName} · ${t.versionLabel}` : t.professionName);
  const series = [...new Set(quality.trend.map(key))];
  const months = [...new Set(quality.trend.map((t) => t.month))].sort();
  const data = months.map((month) => Object.fromEntries([['month', month], ...quality.trend.filter((t) => t.month === month).map((t) => [key(t), t[metric]])]));
  return (
    <section className="panel" aria-labelledby="quality-title">
      <h2 id="quality-title">Kvalitet över tid</h2>
      <SelectField label="Mått" value={metric} options={Object.entries(METRICS).map(([value, label]) => ({ value, label }))} onChange={(v) => setMetric(v as Metric)} />
      {quality.trend.length === 0 ? (
        <p className="empty">Inga data ännu.</p>
      ) : !quality.trend.some((t) => t[metric] !== null) ? (
        // Every month's figure is held back (too few clinicians or notes): say so rather than draw empty axes.
        <p className="empty">
          Inget diagram: varje månads siffra bygger på färre än fem kliniker eller anteckningar och visas därför inte, så att ingen enskild kan pekas ut.
        </p>
      ) : (
        <div className="followup-chart" role="img" aria-label={`${METRICS[metric]} per månad, per yrkesgrupp och version`}>
          <ResponsiveContainer width="100%" height={300}>
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="month" />
              <YAxis domain={metric === 'ratingMean' ? [1, 5] : ['auto', 'auto']} tickFormatter={(v: number) => num(v, metric === 'ratingMean' ? 1 : 0)} />
              <Tooltip formatter={(v) => (typeof v === 'number' ? num(v, 2) : String(v))} />
              <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={inDrawingOrder(series)} />
              {series.map((s, i) => (
                <Line key={s} dataKey={s} stroke={COLORS[i % COLORS.length]} connectNulls isAnimationActive={false} />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <details className="followup-figures">
        <summary>Siffrorna i tabellform</summary>
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th>Yrkesgrupp</th>
              <th>Kliniker / anteckningar (n)</th>
              <th>Betyg, medel [95 % KI] (n)</th>
              <th>Flaggor per 100 meningar [95 % KI]</th>
              <th>Varav kritiska</th>
              <th>Åtgärdade / avfärdade / öppna</th>
              <th>Redigerade tecken [95 % KI]</th>
            </tr>
          </thead>
          <tbody>
            {quality.byProfession.map((q) => (
              <tr key={q.professionId ?? ''}>
                <th scope="row">{q.professionName}</th>
                <td>{q.suppressed ? '< 5' : `${q.clinicians} / ${q.n}`}</td>
                <td>{q.suppressed ?? `${num(q.rating.mean, 2)} [${svInterval(q.rating.meanCi, 2)}] (${q.ratingN})`}</td>
                <td>{q.suppressed ? '–' : `${num(q.flagsPer100Sentences)} [${svInterval(q.ci?.flagsPer100Sentences, 1)}]`}</td>
                <td>{q.suppressed ? '–' : num(q.criticalFlagsPer100Sentences)}</td>
                <td>{q.suppressed ? '–' : `${pct(q.flagsFixedShare)} / ${pct(q.flagsDismissedShare)} / ${pct(q.flagsOpenShare)}`}</td>
                <td>{q.suppressed ? '–' : `${pct(q.editRatio)} [${svInterval(percentOf(q.ci?.editRatio), 0, '%')}]`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      </details>
      <Explanation text={quality.explanation} />
    </section>
  );
}
