import { useEffect, useState } from 'react';
import { ModelSettingsSchema, type WorkflowSpec } from '../../../../server/contracts/workflow';
import { NumberField } from '../../components/NumberField';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNotify } from '../../components/Notifier';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { DRAFTER_LABELS } from '../../format/drafters';
import { getVersion, saveVersion } from './api';
import { fromLines, toLines } from './lines';
import { SectionsTable } from './SectionsTable';
import { STYLE_HINTS_HONOURED } from '../../../../server/contracts/engine-settings';
import { ruleOf } from '../../format/number-field';

// a section's key has no dot, so the model fields' keys never meet one
const FIELD_NAMES: Record<string, string> = { 'model.temperature': '”Temperatur”', 'model.maxTokens': '”Längsta svar”' };

// the model settings' bounds as the contract sets them; both must hold a number
const TEMPERATURE = ruleOf(ModelSettingsSchema.shape.temperature.unwrap(), '0,2', { required: true });
const MAX_TOKENS = ruleOf(ModelSettingsSchema.shape.maxTokens.unwrap(), '1500', { required: true });

/**
 * Edits the latest version and saves the whole spec as a new version with a
 * message. If someone saved in between, the server answers 409 and the
 * message tells which version is now the latest; nothing is overwritten.
 * After a save the editor bases on the version just saved at once, not when
 * the page's reload lands: a second save in between would otherwise be
 * based on the version before and be refused (or, on an older server, drop
 * the first save's changes).
 */
export function WorkflowEditor({ workflowId, baseVersion, onSaved }: { workflowId: string; baseVersion: number; onSaved(): void }) {
  const version = useResource(() => getVersion(workflowId, baseVersion), [workflowId, baseVersion]);
  const [spec, setSpec] = useState<WorkflowSpec | null>(null);
  const [base, setBase] = useState(baseVersion);
  const [message, setMessage] = useState('');
  // fields whose text is no value they take ("Max tecken" per section, the model settings): nothing is saved until they are put right
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const setValidity = (key: string, valid: boolean) =>
    setInvalid((now) => {
      const next = new Set(now);
      if (valid) next.delete(key);
      else next.add(key);
      return next;
    });
  const save = useSubmit(saveVersion);
  const notify = useNotify();
  useEffect(() => {
    if (version.data) setSpec(version.data.spec);
  }, [version.data]);
  if (!spec) return <ErrorMessage error={version.error} />;
  const set = (patch: Partial<WorkflowSpec>) => setSpec({ ...spec, ...patch });
  const onSave = async () => {
    if (invalid.size > 0) return;
    const outcome = await save.run(workflowId, base, message, spec);
    if (!outcome.ok) return;
    setBase(outcome.value.version);
    setMessage('');
    notify(`Version ${outcome.value.version} är sparad.`);
    onSaved();
  };
  return (
    <section className="panel" aria-labelledby="editor-title">
      <h2 id="editor-title">Redigera (utgår från version {base})</h2>
      <p className="muted engine-legend">
        <strong>Vilka motorer använder vad?</strong> Alla motorer följer rubrikerna i deras ordning, ledorden och max tecken: den extraktiva
        motorn (ingen modell) väljer meningar ur samtalet med ledorden, lägger dem under rubrikerna i den ordning ni har satt och kortar till max
        tecken. Av stilen läser den extraktiva motorn bara antal meningar ({STYLE_HINTS_HONOURED.map((h) => `”${h}”`).join(', ')}); resten av stilen,
        instruktionerna, obligatorisk, ordlistorna och modellinställningarna används bara av AI-motorerna (lokal modell och extern tjänst).
      </p>
      <SectionsTable sections={spec.sections} onChange={(sections) => set({ sections })} onValidity={setValidity} />
      <div className="field">
        <label htmlFor="wf-instructions">Instruktioner till modellen</label>
        <p className="hint" id="wf-instructions-hint">Används av AI-motorerna, inte av den extraktiva.</p>
        <textarea id="wf-instructions" aria-describedby="wf-instructions-hint" rows={5} value={spec.instructions} onChange={(e) => set({ instructions: e.target.value })} />
      </div>
      <div className="columns">
        {(['terms', 'places', 'drugs'] as const).map((list) => (
          <div className="field" key={list}>
            <label htmlFor={`vocab-${list}`}>{{ terms: 'Termer', places: 'Platser', drugs: 'Läkemedel' }[list]} (ett per rad, AI-motorerna)</label>
            <textarea id={`vocab-${list}`} rows={4} value={toLines(spec.vocabulary[list])} onChange={(e) => set({ vocabulary: { ...spec.vocabulary, [list]: fromLines(e.target.value) } })} />
          </div>
        ))}
      </div>
      <div className="form-grid">
        <SelectField
          label="Utkastmotor"
          value={spec.model.provider}
          options={[
            { value: 'extractive', label: DRAFTER_LABELS.extractive },
            { value: 'local', label: DRAFTER_LABELS.local },
            { value: 'hosted', label: DRAFTER_LABELS.hosted },
          ]}
          onChange={(provider) => set({ model: { ...spec.model, provider: provider as WorkflowSpec['model']['provider'] } })}
        />
        <TextField label="Modell" hint="Lokal modell eller extern tjänst" value={spec.model.model} onChange={(model) => set({ model: { ...spec.model, model } })} />
        <NumberField
          label="Temperatur (slumpmässighet, 0–2)"
          hint="AI-motorerna; 0 ger samma text varje gång"
          rule={TEMPERATURE}
          value={spec.model.temperature}
          errors={save.error?.messagesAt('spec.model.temperature')}
          onChange={(temperature, valid) => {
            setValidity('model.temperature', valid);
            set({ model: { ...spec.model, temperature } });
          }}
        />
        <NumberField
          label="Längsta svar (textenheter)"
          hint="AI-motorerna; en textenhet är ungefär 3–4 tecken"
          rule={MAX_TOKENS}
          value={spec.model.maxTokens}
          errors={save.error?.messagesAt('spec.model.maxTokens')}
          onChange={(maxTokens, valid) => {
            setValidity('model.maxTokens', valid);
            set({ model: { ...spec.model, maxTokens } });
          }}
        />
      </div>
      <TextField label="Vad ändrades? (meddelande)" value={message} onChange={setMessage} errors={save.error?.fieldMessages('message')} />
      <ErrorMessage error={save.error} hideFields={['message', 'spec.model.temperature', 'spec.model.maxTokens']} />
      {invalid.size > 0 && (
        <p className="error-box" role="alert">
          Rätta de markerade fälten ({[...new Set([...invalid].map((key) => FIELD_NAMES[key] ?? '”Max tecken” i tabellen'))].join(', ')}) innan du sparar.
        </p>
      )}
      <button type="button" disabled={save.busy || message.trim().length < 3 || invalid.size > 0} onClick={() => void onSave()}>
        Spara som ny version
      </button>
    </section>
  );
}
