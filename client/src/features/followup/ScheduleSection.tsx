import { useState, type FormEvent } from 'react';
import { request } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { ScheduleCreatedSchema, ScheduleListSchema } from '../../../../server/contracts/api/encounters';
import type { Dashboard } from '../../../../server/contracts/api/followup';
import { readScheduleNumbers } from './schedule-form';

const listSchedules = () => request('GET', '/followup/schedules', ScheduleListSchema);
const createSchedule = (body: Record<string, unknown>) => request('POST', '/followup/schedules', ScheduleCreatedSchema, { body });
const endSchedule = (id: string) => request('POST', `/followup/schedules/${encodeURIComponent(id)}/end`, ScheduleListSchema);

// short names that fit the select at every width; what each means is the field's hint
const PATTERNS = [
  { value: 'alternating', label: 'Växelvis' },
  { value: 'randomised', label: 'Slumpad inom par' },
  { value: 'stepped', label: 'Trappsteg' },
];
const PATTERN_HINTS: Record<string, string> = {
  alternating: 'Perioder med och utan AI-stöd turas om; vem som börjar med AI lottas.',
  randomised: 'Varje par av perioder har en med och en utan AI-stöd, i lottad ordning.',
  stepped: 'Alla börjar utan AI-stöd och går över till AI för gott vid en lottad period. Analysen justeras för kalendertid.',
};
const LEVEL_HINTS: Record<string, string> = {
  clinician: 'Varje kliniker får sin egen följd av perioder.',
  unit: 'Alla på en vårdenhet har samma period. Osäkerheten räknas per vårdenhet, så det behövs fler enheter än kliniker.',
};
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const LEVELS = [
  { value: 'clinician', label: 'Per kliniker' },
  { value: 'unit', label: 'Per vårdenhet' },
];

/**
 * A lead's comparison schedules: periods with and without AI that the
 * workbench assigns, so that clinicians do not choose (and the comparison
 * cannot be skewed by choosing AI on easy days). Clinicians see only the
 * period that has begun.
 */
export function ScheduleSection({ options, canEdit }: { options: Dashboard['options']; canEdit: boolean }) {
  const list = useResource(listSchedules, []);
  const [form, setForm] = useState({ name: '', professionId: '', careUnitId: '', level: 'clinician', pattern: 'alternating', startDay: '', periodDays: '7', periods: '8' });
  const submit = useSubmit(createSchedule);
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  // Problems found before sending (text that is no whole number); the server decides the bounds.
  const [problems, setProblems] = useState<{ periodDays?: string; periods?: string }>({});
  const fieldErrors = (field: 'periodDays' | 'periods') => (problems[field] ? [problems[field]] : submit.error?.fieldMessages(field));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const numbers = readScheduleNumbers(form);
    setProblems(numbers.ok ? {} : numbers.errors);
    if (!numbers.ok) return;
    const outcome = await submit.run({ ...form, professionId: form.professionId || null, careUnitId: form.careUnitId || null, ...numbers.values });
    if (outcome.ok) list.reload();
  };
  return (
    <section className="panel" aria-labelledby="schedule-title">
      <h2 id="schedule-title">Jämförelseschema</h2>
      <p className="followup-explanation">
        Arbetsbänken tilldelar perioder med och utan AI-stöd, så att klinikerna inte själva väljer (den som väljer AI på lättare dagar får en för stor tidsvinst). Klinikern ser bara den period som har börjat och kan avvika med en motivering, som räknas. Analysen jämför perioderna som de tilldelades.
      </p>
      <ErrorMessage error={list.error} />
      {list.data && list.data.schedules.length > 0 && (
        <ul>
          {list.data.schedules.map((s) => (
            <li key={s.id}>
              <strong>{s.name}</strong>: {s.description}. {s.encounters} besök, {count(s.overrides, 'avvikelse', 'avvikelser')} från schemat.{' '}
              {canEdit && !s.endedAt && (
                <button type="button" className="secondary small" onClick={() => void endSchedule(s.id).then(list.reload)}>
                  Avsluta {s.name}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Nytt jämförelseschema">
          <div className="followup-filters">
            <TextField label="Schemats namn" value={form.name} onChange={set('name')} maxLength={80} errors={submit.error?.fieldMessages('name')} />
            <SelectField label="Schemats yrkesgrupp" value={form.professionId} emptyLabel="Alla" options={options.professions.map((p) => ({ value: p.id, label: p.name }))} onChange={set('professionId')} errors={submit.error?.fieldMessages('professionId')} />
            <SelectField label="Schemats vårdenhet" value={form.careUnitId} emptyLabel="Alla" options={options.units.map((u) => ({ value: u.id, label: u.name }))} onChange={set('careUnitId')} />
            <SelectField label="Tilldelning" value={form.level} options={LEVELS} onChange={set('level')} hint={LEVEL_HINTS[form.level]} />
            <SelectField label="Ordning" value={form.pattern} options={PATTERNS} onChange={set('pattern')} hint={PATTERN_HINTS[form.pattern]} />
            <TextField label="Första dagen" type="date" value={form.startDay} onChange={set('startDay')} errors={submit.error?.fieldMessages('startDay')} />
            <TextField label="Dagar per period" inputMode="numeric" value={form.periodDays} onChange={set('periodDays')} errors={fieldErrors('periodDays')} />
            <TextField label="Antal perioder" inputMode="numeric" value={form.periods} onChange={set('periods')} errors={fieldErrors('periods')} />
          </div>
          <ErrorMessage error={submit.error} hideFields={['name', 'professionId', 'startDay', 'periodDays', 'periods']} />
          <button type="submit" disabled={submit.busy}>
            {submit.busy ? 'Sparar …' : 'Skapa schema'}
          </button>
        </form>
      )}
    </section>
  );
}
