import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/useSubmit';
import { importBaselineCsv } from './api';
import type { Dashboard } from '../../../../server/contracts/api/followup';

/** Baseline minutes from a time-and-motion study as CSV; the server lists every bad row and column. */
export function BaselineImport({ baseline, canEdit, onImported }: { baseline: Dashboard['baseline']; canEdit: boolean; onImported(): void }) {
  const [csv, setCsv] = useState('');
  const [source, setSource] = useState('');
  const [done, setDone] = useState<number | null>(null);
  const upload = useSubmit(importBaselineCsv);
  return (
    <section className="panel" aria-labelledby="baseline-title">
      <h2 id="baseline-title">Baslinje från tidsstudie</h2>
      <p className="muted">
        CSV med kolumnerna yrkesgrupp, anteckningstyp och minuter (en rad per observerad anteckning; semikolon eller komma, decimalkomma går bra). Tiderna jämförs med aktiv redigeringstid där ingen baslinje mätts i arbetsbänken.
      </p>
      {baseline.length > 0 && (
        <ul>
          {baseline.map((b) => (
            <li key={`${b.source}|${b.professionId}|${b.noteType}`}>
              {b.source}: {b.noteType}, {b.n} observationer
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form
          aria-label="Importera baslinje"
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            void upload.run(csv, source).then((o) => {
              if (o.ok) {
                setDone(o.value.imported);
                onImported();
              }
            });
          }}
        >
          <TextField label="Källa (t.ex. Tidsstudie VT 2026)" value={source} onChange={setSource} />
          <div className="field">
            <label htmlFor="baseline-file">CSV-fil</label>
            <input id="baseline-file" type="file" accept=".csv,text/csv" onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)} />
          </div>
          <div className="field">
            <label htmlFor="baseline-csv">eller klistra in CSV</label>
            <textarea id="baseline-csv" rows={5} value={csv} onChange={(e) => setCsv(e.target.value)} />
          </div>
          <ErrorMessage error={upload.error} />
          {done !== null && <p role="status">{done} rader importerades.</p>}
          <button type="submit" disabled={upload.busy || !csv.trim()}>
            Importera
          </button>
        </form>
      )}
    </section>
  );
}
