import { useCallback, useEffect, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formatDateTime } from '../../format/dates';
import { useSubmit } from '../../hooks/useSubmit';
import { listReports, requestReport } from './api';
import type { ReportView } from '../../../../server/contracts/api/reports';

const POLL_MS = 1000;
const FORMAT_NAME = { xlsx: 'XLSX', md: 'Markdown' } as const;

/**
 * The report for the chosen period, the same as `npm run report`. It is built
 * as a background job: the list shows "Rapporten byggs … 40 %" until the file
 * can be downloaded, and how long it is kept. Reports asked for earlier (also
 * before a reload) stay in the list until they expire.
 */
export function ExportButtons({ from, to }: { from: string; to: string }) {
  const [reports, setReports] = useState<ReportView[]>([]);
  const ask = useSubmit(requestReport);
  const load = useSubmit(listReports);
  const { run: reload } = load;
  const refresh = useCallback(() => void reload().then((o) => o.ok && setReports(o.value)), [reload]);

  useEffect(refresh, [refresh]);
  const building = reports.some((r) => r.status === 'building');
  useEffect(() => {
    if (!building) return;
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [building, refresh]);

  const order = (format: 'xlsx' | 'md') => void ask.run(from, to, format).then((o) => o.ok && setReports((rs) => [o.value, ...rs]));
  return (
    <section className="panel" aria-labelledby="reports-title">
      <h2 id="reports-title">Rapporter</h2>
      <p className="actions">
        <button type="button" className="button" disabled={ask.busy} onClick={() => order('xlsx')}>
          Skapa rapport (XLSX)
        </button>{' '}
        <button type="button" className="button secondary" disabled={ask.busy} onClick={() => order('md')}>
          Skapa rapport (Markdown)
        </button>
      </p>
      <ErrorMessage error={ask.error ?? load.error} />
      {reports.length > 0 && (
        <ul className="report-list" aria-live="polite">
          {reports.map((r) => (
            <li key={r.id}>
              <span>
                {FORMAT_NAME[r.format]} {r.from} – {r.to}:{' '}
              </span>
              <ReportState report={r} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReportState({ report: r }: { report: ReportView }) {
  if (r.status === 'ready') {
    return (
      <>
        <a href={r.fileUrl!} download={r.filename}>
          Ladda ner {r.filename}
        </a>{' '}
        <span className="muted">(sparas till {formatDateTime(r.expiresAt)})</span>
      </>
    );
  }
  if (r.status === 'failed') return <span role="alert">Rapporten kunde inte skapas{r.error ? `: ${r.error.replace(/^[a-z_]+: /, '')}` : '.'}</span>;
  if (r.status === 'expired') return <span className="muted">raderad (lagringstiden har gått ut)</span>;
  const percent = Math.round(r.progress * 100);
  return (
    <span role="status">
      Rapporten byggs … {percent} %{r.progressNote ? ` (${r.progressNote})` : ''}{' '}
      <progress max={100} value={percent} aria-label="Rapportens förlopp" />
    </span>
  );
}
