import { ci, num } from './format';
import type { TimeGroup } from './schemas';

const SOURCE = { measured: 'uppmätt', imported: 'tidsstudie' } as const;

/** The figures behind the chart with n per group; a suppressed cell says why. */
export function TimeTable({ groups, onDrill }: { groups: TimeGroup[]; onDrill(group: TimeGroup, mode: 'ai' | 'baseline'): void }) {
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th>Grupp</th>
            <th>Med AI (n)</th>
            <th>Aktiv tid med AI, medel / median (min)</th>
            <th>Baslinje (n, källa)</th>
            <th>Aktiv tid baslinje, medel / median (min)</th>
            <th>Tid sparad per anteckning, medel (min) [95 % KI]</th>
            <th>Tid sparad, median (min) [95 % KI]</th>
            <th>Anteckningar</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={`${g.professionId}|${g.key}`}>
              <th scope="row">{g.label === 'Alla' ? g.professionName : `${g.professionName}: ${g.label}`}</th>
              <td>{g.ai.active.n}</td>
              <td>{g.ai.active.suppressed ?? `${num(g.ai.active.mean)} / ${num(g.ai.active.median)}`}</td>
              <td>
                {g.baseline.active.n}
                {g.baseline.source ? `, ${SOURCE[g.baseline.source]}` : ', saknas'}
              </td>
              <td>{g.baseline.source ? (g.baseline.active.suppressed ?? `${num(g.baseline.active.mean)} / ${num(g.baseline.active.median)}`) : '–'}</td>
              <td>{g.saved.active.suppressed ?? `${num(g.saved.active.mean)} [${ci(g.saved.active.meanCi)}]`}</td>
              <td>{g.saved.active.suppressed ?? `${num(g.saved.active.median)} [${ci(g.saved.active.medianCi)}]`}</td>
              <td className="nowrap">
                <button type="button" className="secondary small" onClick={() => onDrill(g, 'ai')} aria-label={`Visa anteckningar med AI: ${g.professionName} ${g.label}`}>
                  Med AI
                </button>{' '}
                {g.baseline.source === 'measured' && (
                  <button type="button" className="secondary small" onClick={() => onDrill(g, 'baseline')} aria-label={`Visa baslinjeanteckningar: ${g.professionName} ${g.label}`}>
                    Baslinje
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
