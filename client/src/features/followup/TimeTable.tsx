import { num } from './format';
import { svInterval } from '../../../../server/contracts/sv-number';
import type { TimeGroup } from '../../../../server/contracts/api/followup';
import { TableScroll } from '../../components/TableScroll';

const SOURCE = { measured: 'uppmätt', imported: 'tidsstudie' } as const;
/**
 * How the group's figures were computed, in words: the design, the unit the
 * intervals resample (also the sides' means) and how clinicians are weighted.
 */
function analysisText(g: TimeGroup): string {
  const unit = g.analysis.cluster === 'unit';
  const design = g.design === 'free' ? 'fritt val, inom kliniker' : `enligt schema${unit ? ' per vårdenhet' : ''}, inom kliniker${g.analysis.periodAdjusted ? ', justerat för kalenderperiod (trappsteg)' : ''}`;
  const n = g.saved.active.clusters;
  const resampled = unit ? `hela vårdenheter dras om (${n})` : `hela kliniker dras om (${n})`;
  const weights = g.analysis.periodAdjusted ? 'vägt efter antal anteckningar' : 'kliniker vägda med 1 / (spridning mellan kliniker + egen osäkerhet)';
  return `${design}; ${resampled}; ${weights}`;
}
/** a count of a suppressed side is not shown either */
const count = (s: { n: number; suppressed: string | null }) => (s.suppressed ? '< 5' : String(s.n));

/** The figures behind the chart with clinicians and notes per group; a suppressed cell says why. */
export function TimeTable({ groups, onDrill }: { groups: TimeGroup[]; onDrill(group: TimeGroup, mode: 'ai' | 'baseline'): void }) {
  return (
    <TableScroll>
      <table>
        <thead>
          <tr>
            <th>Grupp</th>
            <th>Kliniker med jämförelse (varav mot tidsstudie) / utan</th>
            <th>Med AI (n)</th>
            <th>Aktiv tid med AI, medel / median (min)</th>
            <th>Baslinje (n, källa)</th>
            <th>Aktiv tid baslinje, medel / median (min)</th>
            <th>Tid sparad per anteckning, medel (min) [95 % KI]</th>
            <th>Jämförelse</th>
            <th>Anteckningar</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={`${g.professionId}|${g.key}`}>
              <th scope="row">{g.label === 'Alla' ? g.professionName : `${g.professionName}: ${g.label}`}</th>
              <td>
                {g.saved.active.clinicians < 5 ? '< 5' : g.saved.active.clinicians}
                {g.saved.active.importedClinicians ? ` (${g.saved.active.importedClinicians})` : ''} / {g.saved.active.withoutComparison}
              </td>
              <td>{count(g.ai.active)}</td>
              <td>{g.ai.active.suppressed ?? `${num(g.ai.active.mean)} / ${num(g.ai.active.median)}`}</td>
              <td>
                {g.baseline.source ? `${count(g.baseline.active)}, ${SOURCE[g.baseline.source]}` : 'saknas'}
              </td>
              <td>{g.baseline.source ? (g.baseline.active.suppressed ?? `${num(g.baseline.active.mean)} / ${num(g.baseline.active.median)}`) : '–'}</td>
              <td>{g.saved.active.suppressed ?? `${num(g.saved.active.mean)} [${svInterval(g.saved.active.meanCi, 1)}]`}</td>
              <td>
                {analysisText(g)}
                {g.overrides?.notes ? `; ${g.overrides.notes} av ${g.overrides.scheduled} avvek från schemat` : ''}
              </td>
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
    </TableScroll>
  );
}
