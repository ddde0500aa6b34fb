import { svNumber } from '../../../../server/contracts/sv-number';
import { readNumberField } from '../../format/number-field';
import type { GateConfig } from '../../../../server/contracts/api/gate';

export type GateNumberKey = Exclude<keyof GateConfig, 'keyFactRecallNotBelowProduktion'>;
/** `percent`: the server stores a share 0–1, people type percent. */
export const GATE_FIELDS: { key: GateNumberKey; label: string; hint: string; percent?: boolean; integer?: boolean }[] = [
  { key: 'maxCriticalFlagsPerCase', label: 'Högst antal kritiska flaggor i något testfall', hint: 'Heltal, t.ex. 0', integer: true },
  { key: 'minKeyFactRecall', label: 'Lägsta andel nyckelfakta (%)', hint: 'Medel över testfallen', percent: true },
  { key: 'minCriticalKeyFactRecall', label: 'Lägsta andel kritiska nyckelfakta (%)', hint: 'Medel över testfallen', percent: true },
  { key: 'minRaters', label: 'Minsta antal bedömare', hint: 'I senaste avslutade bedömningsomgången', integer: true },
  { key: 'minAlpha', label: 'Lägsta samstämmighet mellan bedömare (α)', hint: 'Krippendorffs α, −1 till 1; under 0,67 räknas betygen inte' },
  { key: 'minMeanPdqi', label: 'Lägsta medelbetyg PDQI-9 (1–5)', hint: 'Från samma bedömningsomgång' },
  { key: 'minTrainedShare', label: 'Lägsta andel kliniker som genomfört granskningsträningen (%)', hint: 'Yrkesgruppens kliniker', percent: true },
  { key: 'minTrainingDetection', label: 'Lägsta upptäckt av kritiska fel i träningen (%)', hint: 'Medel per person, minst fem personer', percent: true },
];
type Field = (typeof GATE_FIELDS)[number];

export const gateFieldText = (f: Field, x: number | null) => (x === null ? '' : svNumber(f.percent ? x * 100 : x, 3));

export type GateBody = Partial<GateConfig> & { notChecked: GateNumberKey[] };

/**
 * The typed fields as the gate to save, or a Swedish error per field. Text
 * that is no number is an error, never "not checked": only a field left empty
 * turns its requirement off, and the body names it in `notChecked` so the
 * server knows the null was meant.
 */
export function gateBodyFromText(values: Record<string, string>, notBelow: boolean): { body: GateBody } | { errors: Record<string, string> } {
  const body: GateBody = { keyFactRecallNotBelowProduktion: notBelow, notChecked: [] };
  const errors: Record<string, string> = {};
  for (const f of GATE_FIELDS) {
    const text = values[f.key] ?? '';
    const read = readNumberField(text, { integer: f.integer, example: f.integer ? '10' : '0,5' });
    if (read.kind === 'invalid') errors[f.key] = read.message;
    else if (read.kind === 'number') body[f.key] = f.percent ? read.value / 100 : read.value;
    else {
      body[f.key] = null;
      body.notChecked.push(f.key);
    }
  }
  return Object.keys(errors).length ? { errors } : { body };
}
