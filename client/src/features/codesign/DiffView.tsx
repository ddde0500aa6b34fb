import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { useResource } from '../../hooks/useResource';
import { getDiff } from './api';
import type { Diff } from './schemas';

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '–' : String(v));

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
      {diff.fields.map((f) => <li key={f.field}>{f.field}: <del>{show(f.before)}</del> → <ins>{show(f.after)}</ins></li>)}
      {diff.sections.added.map((s) => <li key={`a-${s.key}`}>Ny rubrik: <ins>{s.heading}</ins></li>)}
      {diff.sections.removed.map((s) => <li key={`r-${s.key}`}>Borttagen rubrik: <del>{s.heading}</del></li>)}
      {diff.sections.reordered && <li>Ny ordning: {diff.sections.reordered.after.join(' · ')}</li>}
      {diff.sections.changed.map((s) => (
        <li key={`c-${s.key}`}>
          Rubrik {s.heading}:
          <ul>
            {s.fields.map((f) => (
              <li key={f.field}>
                {f.field}: <del>{show(f.before)}</del> → <ins>{show(f.after)}</ins>
              </li>
            ))}
            {Object.entries(s.lists).map(([name, change]) => <ListDelta key={name} title={name} added={change.added} removed={change.removed} />)}
          </ul>
        </li>
      ))}
      {diff.instructions && (
        <li>
          Instruktioner: <del>{diff.instructions.before}</del> → <ins>{diff.instructions.after}</ins>
        </li>
      )}
      {Object.entries(diff.vocabulary).map(([name, change]) => <ListDelta key={name} title={`Ordlista ${name}`} added={change.added} removed={change.removed} />)}
      {diff.model.map((f) => <li key={`m-${f.field}`}>Modell {f.field}: <del>{show(f.before)}</del> → <ins>{show(f.after)}</ins></li>)}
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
