import { useState } from 'react';
import { NOTES_PER_SIDE, precisionTable } from '../../../../evals/metrics/precision';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { num } from './format';
import { parseSvNumber } from '../../../../server/contracts/sv-number';
import type { PrecisionPlan } from '../../../../server/contracts/api/followup';
import { TableScroll } from '../../components/TableScroll';

/** A decimal from a Swedish input ("0,5"); null when not a positive number. */
const positive = (text: string) => {
  const x = parseSvNumber(text);
  return x !== null && x > 0 ? x : null;
};

/** The design effect the plan uses under a schedule per care unit, in words. */
function unitDesignText(plan: PrecisionPlan): string {
  const k = num(plan.assumptions.clusterSize ?? 1, 1);
  const d = num(plan.assumptions.designEffect ?? 1, 2);
  const from = plan.design.source === 'observed' ? 'uppmätt i data hittills' : `antagen med korrelation ${num(plan.design.icc ?? 0, 2)} mellan kliniker på samma enhet`;
  return `Schemat tilldelar per vårdenhet: hela enheter dras om, så variansen multipliceras med designeffekten ${d} (${from}, ${k} kliniker per enhet) och frihetsgraderna räknas på antalet enheter.`;
}

/**
 * How many clinicians and notes a ± 30 s (or chosen) interval on time saved
 * needs, per profession: from the spread seen so far, or from the lead's own
 * assumptions. The same function as the report's table (evals/metrics/precision.ts).
 */
export function PrecisionCalculator({ plans }: { plans: PrecisionPlan[] }) {
  const [profession, setProfession] = useState(plans[0]?.professionId ?? '');
  const plan = plans.find((p) => (p.professionId ?? '') === profession) ?? plans[0];
  const [width, setWidth] = useState('0,5');
  const [within, setWithin] = useState('');
  const [between, setBetween] = useState('');
  if (!plan) return null;
  const target = positive(width);
  const assumptions = { ...plan.assumptions, withinSd: positive(within) ?? plan.assumptions.withinSd, betweenSd: between.trim() === '' ? plan.assumptions.betweenSd : (positive(between) ?? 0) };
  const rows = target === null ? [] : precisionTable(assumptions, target);
  const own = within.trim() !== '' || between.trim() !== '';
  return (
    <section className="panel" aria-labelledby="precision-title">
      <h2 id="precision-title">Hur många kliniker behövs?</h2>
      <p className="followup-explanation">
        För ett 95 % konfidensintervall på ± {num(target, 2)} min för tid sparad per anteckning. Underlag: {own ? 'dina antaganden' : plan.source === 'observed' ? 'spridningen i data hittills' : 'antaganden (inga mätningar ännu)'} — spridning per anteckning {num(assumptions.withinSd, 2)} min, mellan kliniker {num(assumptions.betweenSd, 2)} min
        {plan.assumptions.compliance !== undefined && plan.assumptions.compliance < 1 ? `, andel som följer schemat ${num(plan.assumptions.compliance, 2)}` : ''}.
        {plan.design.cluster === 'unit' ? ` ${unitDesignText(plan)}` : ' Klinikerna räknas som oberoende (ingen designeffekt).'}
      </p>
      <div className="followup-filters align-inputs">
        <SelectField label="Yrkesgrupp för beräkningen" value={plan.professionId ?? ''} options={plans.map((p) => ({ value: p.professionId ?? '', label: p.professionName }))} onChange={setProfession} />
        <TextField label="Halva intervallbredden (min)" value={width} onChange={setWidth} inputMode="decimal" errors={target === null ? ['Ange ett tal större än 0, till exempel 0,5.'] : []} />
        <TextField label="Spridning per anteckning (min, valfritt)" value={within} onChange={setWithin} inputMode="decimal" />
        <TextField label="Spridning mellan kliniker (min, valfritt)" value={between} onChange={setBetween} inputMode="decimal" />
      </div>
      <TableScroll>
        <table aria-label="Kliniker som behövs">
          <thead>
            <tr>
              <th>Anteckningar per kliniker och läge</th>
              <th>Kliniker som behövs</th>
              <th>Totalt</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.notesPerSide}>
                <th scope="row">{r.notesPerSide}</th>
                <td>{r.clinicians ?? 'inte nåbart'}</td>
                <td>{r.notes?.toLocaleString('sv-SE') ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted">Läge = med AI eller utan AI; totalt = anteckningar totalt, kliniker × 2 × anteckningar per läge ({NOTES_PER_SIDE.join(', ')}).</p>
    </section>
  );
}
