import { useState } from 'react';
import { CheckboxGroup } from '../../components/CheckboxGroup';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { readNumberField } from '../../format/number-field';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { createTrainingRound, listParticipants } from './api';
import { ParticipantPicker } from './ParticipantPicker';
import type { TrainingCaseSummary } from '../../../../server/contracts/api/training';

/** A training round: which cases, which clinicians, flags shown or not, an optional time limit per case. */
export function NewTrainingRoundForm({ groupId, cases, onCreated }: { groupId: string; cases: readonly TrainingCaseSummary[]; onCreated(): void }) {
  const people = useResource(listParticipants, []);
  const [name, setName] = useState('');
  const [caseIds, setCaseIds] = useState<string[]>([]);
  const [participantIds, setParticipantIds] = useState<string[]>([]);
  const [showFlags, setShowFlags] = useState(true);
  const [limit, setLimit] = useState('');
  const [limitTypo, setLimitTypo] = useState<string>();
  const create = useSubmit(createTrainingRound);
  const onCreate = async () => {
    // "tio" is a mistake to point out, not "no time limit" (JSON would send NaN as null).
    const read = readNumberField(limit, { integer: true, example: '10' });
    setLimitTypo(read.kind === 'invalid' ? read.message : undefined);
    if (read.kind === 'invalid') return;
    const minutes = read.kind === 'number' ? read.value : null;
    const outcome = await create.run(groupId, { name, caseIds, participantIds, showFlags, timeLimitMinutes: minutes });
    if (outcome.ok) {
      setName('');
      setCaseIds([]);
      setParticipantIds([]);
      setShowFlags(true);
      setLimit('');
      onCreated();
    }
  };
  return (
    <div>
      <h3>Ny övningsomgång</h3>
      <TextField label="Omgångens namn" value={name} onChange={setName} errors={create.error?.fieldMessages('name')} />
      <CheckboxGroup legend="Övningsfall" options={cases.map((c) => ({ value: c.id, label: `${c.title} (${c.errors} fel)` }))} selected={caseIds} onChange={setCaseIds} errors={create.error?.fieldMessages('caseIds')} />
      <ParticipantPicker people={people.data?.participants ?? []} selected={participantIds} onChange={setParticipantIds} errors={create.error?.fieldMessages('participantIds')} />
      <label className="checkbox">
        <input type="checkbox" checked={showFlags} onChange={(e) => setShowFlags(e.target.checked)} /> Visa granskningsflaggorna (för att mäta vad flaggorna tillför, kör en omgång med och en utan)
      </label>
      <TextField label="Tidsgräns per fall (minuter)" hint="Tomt: ingen tidsgräns" inputMode="numeric" value={limit} onChange={setLimit} errors={limitTypo ? [limitTypo] : create.error?.fieldMessages('timeLimitMinutes')} />
      <ErrorMessage error={create.error ?? people.error} hideFields={['name', 'caseIds', 'participantIds', 'timeLimitMinutes']} />
      <button type="button" disabled={create.busy} onClick={() => void onCreate()}>
        Starta övningsomgång
      </button>
    </div>
  );
}
