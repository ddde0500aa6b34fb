import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { SelectField } from '../../components/SelectField';
import { formatDateTime } from '../../format/dates';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { listRuns, startRun } from './api';
import { num, pct } from './format';
import { NewRoundForm } from './NewRoundForm';
import { RunProgress } from './RunProgress';
import type { WorkflowDetail } from '../../../../server/contracts/api/workflows';
import { JobStatus } from '../../../../server/contracts/status';
import { TableScroll } from '../../components/TableScroll';


/** Run a version on the group's test cases, follow it, list runs, and pick two to compare or rate. */
export function RunsSection({ detail, onChanged }: { detail: WorkflowDetail; onChanged(): void }) {
  const workflowId = detail.workflow.id;
  const runs = useResource(() => listRuns(workflowId), [workflowId]);
  const [version, setVersion] = useState(detail.workflow.latestVersion);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useSubmit(startRun);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const onDone = useCallback(() => {
    setJobId(null);
    onChanged();
  }, [onChanged]);
  const onStart = async () => {
    const outcome = await start.run(workflowId, version);
    if (outcome.ok) setJobId(outcome.value.jobId);
  };
  const done = runs.data?.runs.filter((r) => r.status === 'succeeded') ?? [];
  const runOptions = done.map((r) => ({ value: r.id, label: `Version ${r.version} · ${formatDateTime(r.createdAt)}` }));
  return (
    <section className="panel" aria-labelledby="runs-title">
      <h2 id="runs-title">Körningar på testfallen</h2>
      <div className="inline-form">
        <SelectField
          label="Version att köra"
          value={String(version)}
          options={detail.versions.map((v) => ({ value: String(v.version), label: `Version ${v.version}` }))}
          onChange={(v) => setVersion(Number(v))}
        />
        <button type="button" disabled={start.busy || jobId !== null} onClick={() => void onStart()}>
          Kör på alla testfall
        </button>
      </div>
      <ErrorMessage error={start.error ?? runs.error} />
      {jobId && <RunProgress jobId={jobId} onDone={onDone} />}
      <TableScroll>
        <table>
          <thead>
            <tr>
              <th>Version</th>
              <th>Status</th>
              <th>Testfall</th>
              <th>ROUGE-1</th>
              <th>Nyckelfakta</th>
              <th>Kritiska flaggor</th>
              <th>Återanvända svar</th>
              <th>Startad</th>
              <th>Jämför</th>
            </tr>
          </thead>
          <tbody>
            {runs.data?.runs.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/samskapande/korningar/${r.id}`}>Version {r.version}</Link>
                </td>
                <td>{JobStatus.label(r.status)}</td>
                <td>{r.caseCount}</td>
                <td>{num(r.summary?.meanRouge1)}</td>
                <td>{pct(r.summary?.meanKeyFactRecall)}</td>
                <td>{r.summary?.criticalFlags ?? '–'}</td>
                <td>{r.summary?.cachedCases ?? '–'}</td>
                <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                <td>
                  {(() => {
                    // One click to the change's effect: this run against the latest finished run of the nearest earlier version.
                    const previous = r.status === 'succeeded' ? done.filter((x) => x.version < r.version).sort((x, y) => y.version - x.version)[0] : undefined;
                    return previous ? (
                      <Link to={`/samskapande/jamfor?a=${encodeURIComponent(previous.id)}&b=${encodeURIComponent(r.id)}`}>
                        Jämför version {r.version} med version {previous.version}
                      </Link>
                    ) : (
                      '–'
                    );
                  })()}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>Jämför två körningar</h3>
      <div className="form-grid">
        <SelectField label="Körning A" value={a} emptyLabel="Välj" options={runOptions} onChange={setA} />
        <SelectField label="Körning B" value={b} emptyLabel="Välj" options={runOptions} onChange={setB} />
      </div>
      {a && b && a !== b && (
        <p>
          <Link to={`/samskapande/jamfor?a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`}>Visa jämförelsen</Link>
        </p>
      )}
      {a && b && a !== b && detail.workflow.group && <NewRoundForm groupId={detail.workflow.group.id} runAId={a} runBId={b} />}
    </section>
  );
}
