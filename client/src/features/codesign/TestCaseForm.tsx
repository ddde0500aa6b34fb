import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { TestCase } from '../../../../server/contracts/testcase';
import { slugFromTitle } from './field-names';
import { KeyFactsEditor } from './KeyFactsEditor';
import { ReferenceNoteEditor } from './ReferenceNoteEditor';
import { PROFESSION_LABELS, SETTING_LABELS, type CaseForm } from './testcase-form';
import { TurnsEditor } from './TurnsEditor';

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

/** Every part of a test case as form fields; the page owns saving. */
export function TestCaseForm({ form, onChange, isNew }: { form: CaseForm; onChange(form: CaseForm): void; isNew: boolean }) {
  const data = form.data;
  const set = (patch: Partial<TestCase>) => onChange({ ...form, data: { ...data, ...patch } });
  return (
    <>
      <fieldset>
        <legend>Om testfallet</legend>
        {/* A new case's short name follows its title until the user writes one of their own. */}
        <TextField label="Titel" value={data.title} maxLength={160} onChange={(title) => set({ title, ...(isNew && (data.slug === '' || data.slug === slugFromTitle(data.title)) ? { slug: slugFromTitle(title) } : {}) })} />
        <TextField
          label="Kortnamn"
          value={data.slug}
          maxLength={80}
          readOnly={!isNew}
          hint={isNew ? 'Bildas av titeln; små bokstäver, siffror och bindestreck. Testfallets namn i exporterade filer.' : 'Testfallets namn i exporterade filer; ändras inte här.'}
          onChange={(slug) => set({ slug })}
        />
        <SelectField label="Yrkesgrupp" value={data.profession} options={options(PROFESSION_LABELS)} onChange={(v) => set({ profession: v as TestCase['profession'] })} />
        <SelectField label="Miljö" value={data.setting} options={options(SETTING_LABELS)} onChange={(v) => set({ setting: v as TestCase['setting'] })} />
        <TextField label="Taggar (kommaseparerade)" value={form.tagsText} onChange={(tagsText) => onChange({ ...form, tagsText })} />
      </fieldset>
      <TurnsEditor turns={data.turns} onChange={(turns) => set({ turns })} />
      <ReferenceNoteEditor note={data.referenceNote} onChange={(referenceNote) => set({ referenceNote })} />
      <KeyFactsEditor facts={data.keyFacts} onChange={(keyFacts) => set({ keyFacts })} />
      <div className="field">
        <label htmlFor="invented">Påhittade identifierare (en per rad)</label>
        <p className="hint" id="invented-hint">
          Namn, nummer och adresser som du har hittat på för fallet. Allt annat som liknar personuppgifter stoppas när du sparar.
        </p>
        <textarea id="invented" aria-describedby="invented-hint" rows={3} value={form.inventedText} onChange={(e) => onChange({ ...form, inventedText: e.target.value })} />
      </div>
    </>
  );
}
