import { useEffect, useState } from 'react';
import { svNumber } from '../../../../server/contracts/sv-number';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNotify } from '../../components/Notifier';
import { TextField } from '../../components/TextField';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { allSummary, getReadiness, saveReadinessLine } from './api';
import { pct } from './format';
import { readReadinessLineFields } from './readiness-line';
import type { ReadinessRow } from '../../../../server/contracts/api/training';
import { SummaryTable } from './SummaryTable';
import './training.css';
import { TableScroll } from '../../components/TableScroll';

function Rows({ rows, unit }: { rows: readonly ReadinessRow[]; unit: boolean }) {
  return (
    <tbody>
      {rows.map((r) => (
        <tr key={`${r.professionId}-${r.careUnitId ?? ''}`}>
          <th scope="row">{r.profession}</th>
          {unit && <td>{r.careUnit}</td>}
          <td>
            {r.trained} av {r.clinicians}
          </td>
          <td>{pct(r.trainedShare)}</td>
          <td>{r.criticalDetection === null ? <span className="muted">{r.people < 5 ? `färre än 5 (${r.people})` : '–'}</span> : pct(r.criticalDetection)}</td>
          <td className={r.ready ? 'found' : 'missed'}>{r.ready ? 'Redo' : 'Inte redo'}</td>
        </tr>
      ))}
    </tbody>
  );
}

/**
 * Readiness for go-live on the follow-up dashboard: per profession and care
 * unit, share of clinicians who completed review training and their
 * detection of critical errors, against the line the lead sets here.
 */
export function ReadinessSection({ canEdit }: { canEdit: boolean }) {
  const readiness = useResource(getReadiness, []);
  const summary = useResource(allSummary, []);
  const save = useSubmit(saveReadinessLine);
  const notify = useNotify();
  const [share, setShare] = useState('');
  const [detection, setDetection] = useState('');
  const line = readiness.data?.line;
  useEffect(() => {
    if (!line) return;
    setShare(svNumber(line.minTrainedShare * 100, 1));
    setDetection(svNumber(line.minCriticalDetection * 100, 1));
  }, [line]);
  // Problems found before sending, in percent; the server's would speak in shares (0–1).
  const [problems, setProblems] = useState<{ minTrainedShare?: string; minCriticalDetection?: string }>({});
  const fieldErrors = (field: 'minTrainedShare' | 'minCriticalDetection') => (problems[field] ? [problems[field]] : save.error?.fieldMessages(field));
  const onSave = async () => {
    const read = readReadinessLineFields({ minTrainedShare: share, minCriticalDetection: detection });
    setProblems(read.ok ? {} : read.errors);
    if (!read.ok) return;
    const outcome = await save.run(read.line);
    if (outcome.ok) {
      notify('Beredskapsgränsen är sparad.');
      readiness.reload();
    }
  };
  const head = (unit: boolean) => (
    <thead>
      <tr>
        <th scope="col">Yrkesgrupp</th>
        {unit && <th scope="col">Vårdenhet</th>}
        <th scope="col">Genomfört träningen</th>
        <th scope="col">Andel</th>
        <th scope="col">Upptäckt kritiska fel</th>
        <th scope="col">Beredskap</th>
      </tr>
    </thead>
  );
  return (
    <section className="panel training" aria-labelledby="readiness-title">
      <h2 id="readiness-title">Beredskap: granskningsträning</h2>
      <ErrorMessage error={readiness.error} />
      {line && (
        <p>
          Redo när minst {pct(line.minTrainedShare)} av klinikerna har genomfört granskningsträningen och upptäckten av kritiska planterade fel är minst {pct(line.minCriticalDetection)} (medel per person, visas över minst fem personer).
        </p>
      )}
      {readiness.data && (
        <>
          <TableScroll>
            <table>
              <caption>Per yrkesgrupp</caption>
              {head(false)}
              <Rows rows={readiness.data.byProfession} unit={false} />
            </table>
          </TableScroll>
          <details>
            <summary>Per yrkesgrupp och vårdenhet</summary>
            <TableScroll>
              <table>
                <caption>Per yrkesgrupp och vårdenhet</caption>
                {head(true)}
                <Rows rows={readiness.data.byUnit} unit />
              </table>
            </TableScroll>
          </details>
        </>
      )}
      <details>
        <summary>Upptäckt per typ av fel och yrkesgrupp, med och utan flaggor</summary>
        <ErrorMessage error={summary.error} />
        {summary.data && <SummaryTable summary={summary.data.summary} />}
      </details>
      {canEdit && (
        <>
          <h3>Beredskapsgräns</h3>
          <div className="form-grid">
            <TextField label="Minsta andel som genomfört träningen (%)" inputMode="decimal" value={share} onChange={setShare} errors={fieldErrors('minTrainedShare')} />
            <TextField label="Minsta upptäckt av kritiska fel (%)" inputMode="decimal" value={detection} onChange={setDetection} errors={fieldErrors('minCriticalDetection')} />
          </div>
          <ErrorMessage error={save.error} hideFields={['minTrainedShare', 'minCriticalDetection']} />
          <button type="button" disabled={save.busy} onClick={() => void onSave()}>
            Spara gränsen
          </button>
        </>
      )}
    </section>
  );
}
