import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { useResource } from '../../hooks/useResource';
import { getDiff } from './api';
import { svNumber } from '../../../../server/contracts/sv-number';
import type { Diff, DiffRuns } from '../../../../server/contracts/api/workflows';

/** The names people see in the editor, not the spec's keys. */
const FIELD_SV: Record<string, string> = {
  name: 'Namn',
  noteType: 'Anteckningstyp',
  language: 'Språk',
  profession: 'Yrkesgrupp',
  heading: 'Rubrik',
  instruction: 'Instruktion',
  required: 'Obligatorisk',
  maxChars: 'Max tecken',
  styleHints: 'Stil',
  cues: 'Ledord',
  terms: 'Termer',
  places: 'Platser',
  drugs: 'Läkemedel',
  provider: 'Utkastmotor',
  model: 'Modell',
  temperature: 'Temperatur (slumpmässighet)',
  maxTokens: 'Längsta svar (textenheter)',
};
const sv = (field: string) => FIELD_SV[field] ?? field;

const show = (v: unknown) =>
  v === null || v === undefined || v === '' ? '–' : typeof v === 'boolean' ? (v ? 'ja' : 'nej') : typeof v === 'number' ? svNumber(v, 2) : String(v);

/** A text change word by word: unchanged words plain, removed struck out, added marked. */
function Runs({ runs }: { runs: DiffRuns }) {
  return (
    <span className="word-diff">
      {runs.map((r, i) => (r.op === 'del' ? <del key={i}>{r.text}</del> : r.op === 'ins' ? <ins key={i}>{r.text}</ins> : <span key={i}>{r.text}</span>)).flatMap((el, i) => (i ? [' ', el] : [el]))}
    </span>
  );
}

function Change({ label, f }: { label: string; f: Diff['fields'][number] }) {
  return (
    <li>
      {label}: {f.runs ? <Runs runs={f.runs} /> : <><del>{show(f.before)}</del> → <ins>{show(f.after)}</ins></>}
    </li>
  );
}

function ListDelta({ title, added, removed }: { title: string; added: string[]; removed: string[] }) {
  if (added.length === 0 && removed.length === 0) return null;
  return (
    <li>
      {title}: {added.map((x) => <ins key={`+${x}`}>+{x} </ins>)}
      {removed.map((x) => <del key={`-${x}`}>−{x} </del>)}
    </li>
  );
}

function DiffBody({ diff }: { diff: Diff }) {
  if (diff.identical) return <p className="muted">Versionerna är likadana.</p>;
  return (
    <ul>
      {diff.fields.map((f) => <Change key={f.field} label={sv(f.field)} f={f} />)}
      {diff.sections.added.map((s) => <li key={`a-${s.key}`}>Ny rubrik: <ins>{s.heading}</ins></li>)}
      {diff.sections.removed.map((s) => <li key={`r-${s.key}`}>Borttagen rubrik: <del>{s.heading}</del></li>)}
      {diff.sections.reordered && <li>Ny ordning: {diff.sections.reordered.after.join(' · ')}</li>}
      {diff.sections.changed.map((s) => (
        <li key={`c-${s.key}`}>
          Rubrik {s.heading}:
          <ul>
            {s.fields.map((f) => <Change key={f.field} label={sv(f.field)} f={f} />)}
            {Object.entries(s.lists).map(([name, change]) => <ListDelta key={name} title={sv(name)} added={change.added} removed={change.removed} />)}
          </ul>
        </li>
      ))}
      {diff.instructions && (
        <li>
          Instruktioner till modellen: <Runs runs={diff.instructions.runs} />
        </li>
      )}
      {Object.entries(diff.vocabulary).map(([name, change]) => <ListDelta key={name} title={`Ordlista: ${sv(name).toLowerCase()}`} added={change.added} removed={change.removed} />)}
      {diff.model.map((f) => <Change key={`m-${f.field}`} label={`Modellinställning: ${sv(f.field).toLowerCase()}`} f={f} />)}
    </ul>
  );
}

/** Two versions side by side as the server's structured diff. */
export function DiffView({ workflowId, latest }: { workflowId: string; latest: number }) {
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const diff = useResource(() => getDiff(workflowId, from, to), [workflowId, from, to]);
  const options = Array.from({ length: latest }, (_, i) => ({ value: String(i + 1), label: `Version ${i + 1}` }));
  return (
    <section className="panel" aria-labelledby="diff-title">
      <h2 id="diff-title">Jämför versioner</h2>
      <div className="form-grid">
        <SelectField label="Från" value={String(from)} options={options} onChange={(v) => setFrom(Number(v))} />
        <SelectField label="Till" value={String(to)} options={options} onChange={(v) => setTo(Number(v))} />
      </div>
      <ErrorMessage error={diff.error} />
      {diff.data && <DiffBody diff={diff.data.diff} />}
    </section>
  );
}
