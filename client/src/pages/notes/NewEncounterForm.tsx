import { useState, type FormEvent } from 'react';
import { createEncounter } from '../../api/encounters';
import type { Encounter, EncounterMode } from '../../api/schemas';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/useSubmit';
import { MODE_LABELS } from './labels';

/**
 * The label must not identify the patient (the server stores it as plain
 * text), hence the hint suggesting a time rather than a name.
 */
export function NewEncounterForm({ onCreated }: { onCreated(encounter: Encounter): void }) {
  const [label, setLabel] = useState('');
  const [mode, setMode] = useState<EncounterMode>('ai');
  const submit = useSubmit(createEncounter);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await submit.run(label, mode);
    if (!outcome.ok) return;
    setLabel('');
    onCreated(outcome.value.encounter);
  };

  return (
    <form className="panel" aria-labelledby="new-encounter-title" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id="new-encounter-title">Nytt besök</h2>
      <TextField
        label="Etikett"
        hint="Något som inte pekar ut patienten, t.ex. ”Besök 14.30”. Skriv aldrig namn eller personnummer."
        value={label}
        onChange={setLabel}
        maxLength={80}
        required
        errors={submit.error?.fieldMessages('label')}
      />
      <fieldset className="field">
        <legend>Arbetssätt</legend>
        {(Object.keys(MODE_LABELS) as EncounterMode[]).map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
            {MODE_LABELS[value]}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={submit.error} hideFields={['label']} />
      <button type="submit" disabled={submit.busy}>
        {submit.busy ? 'Skapar …' : 'Skapa besök'}
      </button>
    </form>
  );
}
