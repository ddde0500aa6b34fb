import { useEffect, useState } from 'react';
import type { ErrorKind } from '../../../../server/contracts/training';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/useSubmit';
import { plantError } from './api';
import { KIND_OPTIONS } from './kinds';
import type { TrainingCaseDetail } from '../../../../server/contracts/api/training';
import type { DraftSelection } from './useDraftSelection';

/**
 * Planting by hand: select words in the draft (or type them and pick the
 * heading), write what the draft should wrongly say instead ("" deletes them
 * as an omission), what was actually said, and which turn shows it.
 */
export function HandPlantForm({ detail, selection, onSaved }: { detail: TrainingCaseDetail; selection: DraftSelection | null; onSaved(d: TrainingCaseDetail): void }) {
  const { data, trainingCase } = detail;
  const [kind, setKind] = useState<ErrorKind>('number');
  const [words, setWords] = useState('');
  const [section, setSection] = useState('0');
  const [replacement, setReplacement] = useState('');
  const [said, setSaid] = useState('');
  const [turn, setTurn] = useState('');
  const plant = useSubmit(plantError);
  useEffect(() => {
    if (selection) {
      setWords(selection.text);
      setSection(String(selection.section));
    }
  }, [selection]);
  const onPlant = async () => {
    const text = data.draft[Number(section)]?.text ?? '';
    const start = selection && selection.section === Number(section) && selection.text === words ? selection.start : text.indexOf(words);
    const outcome = await plant.run(trainingCase.id, {
      revision: trainingCase.revision,
      kind,
      section: Number(section),
      start: Math.max(0, start),
      end: Math.max(0, start) + words.length,
      selected: words,
      replacement: kind === 'omission' ? '' : replacement,
      said,
      turn: turn === '' ? null : Number(turn),
    });
    if (outcome.ok) {
      setWords('');
      setReplacement('');
      setSaid('');
      setTurn('');
      onSaved(outcome.value);
    }
  };
  return (
    <section className="panel" aria-labelledby="plant-title">
      <h2 id="plant-title">Plantera ett fel för hand</h2>
      <p className="muted">Markera ord i utkastet med musen, eller skriv dem exakt här.</p>
      <div className="form-grid">
        <TextField label="Ord i utkastet" value={words} onChange={setWords} errors={plant.error?.fieldMessages('selected')} />
        <SelectField label="Under rubrik" value={section} options={data.draft.map((s, i) => ({ value: String(i), label: s.heading }))} onChange={setSection} />
        <SelectField label="Typ av fel" value={kind} options={KIND_OPTIONS} onChange={(v) => setKind(v as ErrorKind)} />
        {kind !== 'omission' && <TextField label="Ersätt med (det felaktiga)" value={replacement} onChange={setReplacement} errors={plant.error?.fieldMessages('replacement')} />}
        <TextField label="Det som faktiskt sades" value={said} onChange={setSaid} errors={plant.error?.fieldMessages('said')} />
        <SelectField label="Replik i samtalet" value={turn} emptyLabel="(ingen)" options={data.turns.map((t, i) => ({ value: String(i), label: `${i + 1}. ${t.speaker}: ${t.text.slice(0, 60)}` }))} onChange={setTurn} />
      </div>
      <ErrorMessage error={plant.error} hideFields={['selected', 'replacement', 'said']} />
      <button type="button" disabled={plant.busy || words === ''} onClick={() => void onPlant()}>
        Plantera felet
      </button>
    </section>
  );
}
