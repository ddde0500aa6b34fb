import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNotify } from '../../components/Notifier';
import { TextField } from '../../components/TextField';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { getGate, saveGate } from './api';
import type { GateConfig } from './schemas';

const FIELDS: { key: keyof GateConfig; label: string; hint: string }[] = [
  { key: 'maxCriticalFlagsPerCase', label: 'Högst antal kritiska flaggor i något testfall', hint: 'Heltal, t.ex. 0' },
  { key: 'minKeyFactRecall', label: 'Lägsta andel nyckelfakta (0–1)', hint: 'Medel över testfallen' },
  { key: 'minCriticalKeyFactRecall', label: 'Lägsta andel kritiska nyckelfakta (0–1)', hint: 'Medel över testfallen' },
  { key: 'minMeanPdqi', label: 'Lägsta medel-PDQI-9 (1–5)', hint: 'Från senaste stängda bedömningsomgång' },
  { key: 'minAlpha', label: 'Lägsta Krippendorffs α', hint: 'Ordinal, alla frågor' },
  { key: 'minRaters', label: 'Minsta antal bedömare', hint: 'Heltal' },
];

/** The group's thresholds for the produktion label; an empty field is not checked. */
export function GateSettings({ groupId }: { groupId: string }) {
  const gate = useResource(() => getGate(groupId), [groupId]);
  const [values, setValues] = useState<Record<string, string>>({});
  const save = useSubmit(saveGate);
  const notify = useNotify();
  useEffect(() => {
    if (gate.data) setValues(Object.fromEntries(FIELDS.map((f) => [f.key, gate.data!.gate[f.key]?.toString() ?? ''])));
  }, [gate.data]);
  const onSave = async () => {
    const config = Object.fromEntries(FIELDS.map((f) => [f.key, values[f.key]?.trim() ? Number(values[f.key]!.replace(',', '.')) : null])) as GateConfig;
    if ((await save.run(groupId, config)).ok) notify('Kraven för produktion är sparade.');
  };
  return (
    <section className="panel" aria-labelledby="gate-title">
      <h2 id="gate-title">Krav för produktion</h2>
      <ErrorMessage error={gate.error ?? save.error} />
      <div className="form-grid">
        {FIELDS.map((f) => (
          <TextField key={f.key} label={f.label} hint={f.hint} inputMode="decimal" value={values[f.key] ?? ''} onChange={(v) => setValues({ ...values, [f.key]: v })} errors={save.error?.fieldMessages(f.key)} />
        ))}
      </div>
      <button type="button" disabled={save.busy} onClick={() => void onSave()}>
        Spara krav
      </button>
    </section>
  );
}
