import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNotify } from '../../components/Notifier';
import { TextField } from '../../components/TextField';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { getGate, saveGate } from './api';
import type { GateConfig } from '../../../../server/contracts/api/gate';
import { GATE_FIELDS as FIELDS, gateBodyFromText, gateFieldText as shown } from './gate-form';

/** The group's bar for produktion over its profession's defaults; an empty field is not checked, "Återställ" brings back the defaults. */
export function GateSettings({ groupId }: { groupId: string }) {
  const gate = useResource(() => getGate(groupId), [groupId]);
  const [values, setValues] = useState<Record<string, string>>({});
  const [notBelow, setNotBelow] = useState(true);
  const [typos, setTypos] = useState<Record<string, string>>({});
  const save = useSubmit(saveGate);
  const notify = useNotify();
  useEffect(() => {
    if (!gate.data) return;
    setValues(Object.fromEntries(FIELDS.map((f) => [f.key, shown(f, gate.data!.gate[f.key])])));
    setNotBelow(gate.data.gate.keyFactRecallNotBelowProduktion);
  }, [gate.data]);
  const onSave = async (config: Partial<GateConfig>, message: string) => {
    setTypos({});
    if ((await save.run(groupId, config)).ok) {
      notify(message);
      gate.reload();
    }
  };
  const saveTyped = () => {
    const typed = gateBodyFromText(values, notBelow);
    if ('errors' in typed) setTypos(typed.errors);
    else void onSave(typed.body, 'Kraven för produktion är sparade.');
  };
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
            errors={typos[f.key] ? [typos[f.key]!] : save.error?.fieldMessages(f.key)}
          />
        ))}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={notBelow} onChange={(e) => setNotBelow(e.target.checked)} /> Andelen nyckelfakta får inte bli lägre än för versionen i produktion
        (samma testfall)
      </label>
      <div className="row-actions">
        <button type="button" disabled={save.busy} onClick={saveTyped}>
          Spara krav
        </button>
        <button type="button" className="secondary" disabled={save.busy || !gate.data?.custom} onClick={() => void onSave({}, 'Standardkraven gäller igen.')}>
          Återställ standardkraven
        </button>
      </div>
    </section>
  );
}
