import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { inDrawingOrder } from './format';
import type { TimeGroup } from '../../../../server/contracts/api/followup';

/** Active editing minutes per note, AI vs baseline, with the 95 % interval of the mean as whiskers. */
export function TimeChart({ groups }: { groups: TimeGroup[] }) {
  const whisker = (s: TimeGroup['ai']['active']) => (s.mean !== null && s.meanCi ? [s.mean - s.meanCi.lower, s.meanCi.upper - s.mean] : [0, 0]);
  const data = groups
    .filter((g) => g.ai.active.mean !== null || g.baseline.active.mean !== null)
    .map((g) => ({
      name: g.label === 'Alla' ? g.professionName : `${g.professionName}: ${g.label}`,
      ai: g.ai.active.mean,
      aiErr: whisker(g.ai.active),
      baseline: g.baseline.active.mean,
      baselineErr: whisker(g.baseline.active),
    }));
  if (data.length === 0) return <p className="empty">Inga data ännu.</p>;
  return (
    <div className="followup-chart" role="img" aria-label="Aktiv redigeringstid per anteckning med och utan AI-stöd, med 95 % konfidensintervall">
      <ResponsiveContainer width="100%" height={340}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" interval={0} angle={-35} textAnchor="end" height={90} tick={{ fontSize: 12 }} />
          <YAxis unit=" min" />
          <Tooltip formatter={(v) => (typeof v === 'number' ? `${v.toLocaleString('sv-SE', { maximumFractionDigits: 1 })} min` : String(v))} />
          <Legend itemSorter={inDrawingOrder(['baseline', 'ai'])} />
          <Bar dataKey="baseline" name="Utan AI (baslinje)" fill="#8a8f98" isAnimationActive={false}>
            <ErrorBar dataKey="baselineErr" width={4} stroke="#222" />
          </Bar>
          <Bar dataKey="ai" name="Med AI-stöd" fill="#1f6fb2" isAnimationActive={false}>
            <ErrorBar dataKey="aiErr" width={4} stroke="#222" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
