import { useEffect, useState } from 'react';
import { parseSvNumber, svNumber } from '../../../../server/contracts/sv-number';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNotify } from '../../components/Notifier';
import { TextField } from '../../components/TextField';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { getGate, saveGate } from './api';
import type { GateConfig } from '../../../../server/contracts/api/gate';

type NumberKey = Exclude<keyof GateConfig, 'keyFactRecallNotBelowProduktion'>;
/** `percent`: the server stores a share 0–1, people type percent. */
const FIELDS: { key: NumberKey; label: string; hint: string; percent?: boolean }[] = [
  { key: 'maxCriticalFlagsPerCase', label: 'Högst antal kritiska flaggor i något testfall', hint: 'Heltal, t.ex. 0' },
  { key: 'minKeyFactRecall', label: 'Lägsta andel nyckelfakta (%)', hint: 'Medel över testfallen', percent: true },
  { key: 'minCriticalKeyFactRecall', label: 'Lägsta andel kritiska nyckelfakta (%)', hint: 'Medel över testfallen', percent: true },
  { key: 'minRaters', label: 'Minsta antal bedömare', hint: 'I senaste avslutade bedömningsomgången' },
  { key: 'minAlpha', label: 'Lägsta samstämmighet mellan bedömare (α)', hint: 'Krippendorffs α, −1 till 1; under 0,67 räknas betygen inte' },
  { key: 'minMeanPdqi', label: 'Lägsta medelbetyg PDQI-9 (1–5)', hint: 'Från samma bedömningsomgång' },
  { key: 'minTrainedShare', label: 'Lägsta andel kliniker som genomfört granskningsträningen (%)', hint: 'Yrkesgruppens kliniker', percent: true },
  { key: 'minTrainingDetection', label: 'Lägsta upptäckt av kritiska fel i träningen (%)', hint: 'Medel per person, minst fem personer', percent: true },
];

const shown = (f: (typeof FIELDS)[number], x: number | null) => (x === null ? '' : svNumber(f.percent ? x * 100 : x, 3));
const parsed = (f: (typeof FIELDS)[number], text: string) => {
  if (!text.trim()) return null;
  const x = parseSvNumber(text) ?? NaN;
  return f.percent ? x / 100 : x;
};

/** The group's bar for produktion over its profession's defaults; an empty field is not checked, "Återställ" brings back the defaults. */
export function GateSettings({ groupId }: { groupId: string }) {
  const gate = useResource(() => getGate(groupId), [groupId]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [notBelow, setNotBelow] = useState(true);
  const save = useSubmit(saveGate);
  const notify = useNotify();
  useEffect(() => {
    if (!gate.data) return;
    setValues(Object.fromEntries(FIELDS.map((f) => [f.key, shown(f, gate.data!.gate[f.key])])));
    setNotBelow(gate.data.gate.keyFactRecallNotBelowProduktion);
  }, [gate.data]);
  const onSave = async (config: Partial<GateConfig>, message: string) => {
    if ((await save.run(groupId, config)).ok) {
      notify(message);
      gate.reload();
    }
  };
  const config = () => ({ ...Object.fromEntries(FIELDS.map((f) => [f.key, parsed(f, values[f.key] ?? '')])), keyFactRecallNotBelowProduktion: notBelow }) as GateConfig;
  const defaults = gate.data?.defaults;
  return (
    <section className="panel" aria-labelledby="gate-title">
      <h2 id="gate-title">Krav för produktion</h2>
      {gate.data && (
        <p className="muted">
          {gate.data.custom ? 'Gruppen har ändrat kraven.' : `Standardkraven för ${gate.data.profession.toLowerCase()} gäller.`} Ett tomt fält prövas inte. Varje flytt till
          produktion kräver en motivering, och bara en projektledare kan gå förbi spärren.
        </p>
      )}
      <ErrorMessage error={gate.error ?? save.error} />
      <div className="form-grid">
        {FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            hint={`${f.hint}. Standard: ${defaults ? (defaults[f.key] === null ? 'prövas inte' : shown(f, defaults[f.key])) : '…'}`}
            inputMode="decimal"
            value={values[f.key] ?? ''}
            onChange={(v) => setValues({ ...values, [f.key]: v })}
            errors={save.error?.fieldMessages(f.key)}
          />
        ))}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={notBelow} onChange={(e) => setNotBelow(e.target.checked)} /> Andelen nyckelfakta får inte bli lägre än för versionen i produktion
        (samma testfall)
      </label>
      <div className="row-actions">
        <button type="button" disabled={save.busy} onClick={() => void onSave(config(), 'Kraven för produktion är sparade.')}>
          Spara krav
        </button>
        <button type="button" className="secondary" disabled={save.busy || !gate.data?.custom} onClick={() => void onSave({}, 'Standardkraven gäller igen.')}>
          Återställ standardkraven
        </button>
      </div>
    </section>
  );
}
