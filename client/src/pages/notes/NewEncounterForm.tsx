import { useEffect, useState, type FormEvent } from 'react';
import { createEncounter, getScheduleToday } from '../../api/encounters';
import { EncounterMode } from '../../../../server/contracts/status';
import type { Encounter } from '../../../../server/contracts/api/encounters';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/useSubmit';

/**
 * The label must not identify the patient (the server stores it as plain
 * text), hence the hint suggesting a time rather than a name. When a
 * comparison schedule is in force the form starts on the period's mode;
 * choosing the other one asks for a reason (counted in the follow-up).
 */
export function NewEncounterForm({ onCreated }: { onCreated(encounter: Encounter): void }) {
  const [label, setLabel] = useState('');
  const [mode, setMode] = useState<EncounterMode>('ai');
  const [reason, setReason] = useState('');
  const [assigned, setAssigned] = useState<{ scheduleName: string; mode: EncounterMode; periodEnds: string } | null>(null);
  const submit = useSubmit(createEncounter);
  useEffect(() => {
    let live = true;
    getScheduleToday()
      .then((r) => {
        if (!live || !r.assignment) return;
        setAssigned(r.assignment);
        setMode(r.assignment.mode);
      })
      // without the schedule the form still works; the server applies the schedule anyway
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const override = assigned !== null && mode !== assigned.mode;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await submit.run(label, mode, override ? reason : undefined);
    if (!outcome.ok) return;
    setLabel('');
    setReason('');
    if (assigned) setMode(assigned.mode);
    onCreated(outcome.value.encounter);
  };

  return (
    <form className="panel" aria-labelledby="new-encounter-title" onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2 id="new-encounter-title">Nytt besök</h2>
      <TextField
        label="Etikett"
        hint="Något som inte pekar ut patienten, t.ex. ”Besök kl. 14.30”. Skriv aldrig namn eller personnummer."
        value={label}
        onChange={setLabel}
        maxLength={80}
        required
        errors={submit.error?.fieldMessages('label')}
      />
      {assigned && (
        <p className="notice" role="status">
          Jämförelseschemat ”{assigned.scheduleName}”: den här perioden (till och med {assigned.periodEnds}) dokumenterar du <strong>{EncounterMode.label(assigned.mode).toLowerCase()}</strong>.
        </p>
      )}
      <fieldset className="field">
        <legend>Arbetssätt</legend>
        {EncounterMode.keys.map((value) => (
          <label key={value} className="checkbox">
            <input type="radio" name="mode" value={value} checked={mode === value} onChange={() => setMode(value)} />
            {EncounterMode.label(value)}
          </label>
        ))}
      </fieldset>
      {override && (
        <TextField
          label="Varför avviker du från schemat?"
          hint="Räknas i uppföljningen. Skriv inga patientuppgifter."
          value={reason}
          onChange={setReason}
          maxLength={300}
          required
          errors={submit.error?.fieldMessages('overrideReason')}
        />
      )}
      <ErrorMessage error={submit.error} hideFields={['label', 'overrideReason']} />
      <button type="submit" disabled={submit.busy}>
        {submit.busy ? 'Skapar …' : 'Skapa besök'}
      </button>
    </form>
  );
}
