import { useState } from 'react';
import { formatDateTime } from '../../format/dates';
import { useNotify } from '../../components/Notifier';
import { useSubmit } from '../../hooks/useSubmit';
import { useMe } from '../../session/SessionContext';
import { moveLabel } from './api';
import { FieldProblems } from './FieldProblems';
import { LABEL_NAMES } from './format';
import { OverrideDialog } from './OverrideDialog';
import type { WorkflowDetail } from './schemas';

/**
 * Versions newest first with their labels, and buttons that move a label to
 * a version (promotion, or rollback to an earlier one). A refused promotion
 * shows each failed gate criterion; a lead can then override with a reason.
 */
export function VersionHistory({ detail, onChanged }: { detail: WorkflowDetail; onChanged(): void }) {
  const me = useMe();
  const notify = useNotify();
  const move = useSubmit(moveLabel);
  const [refused, setRefused] = useState<number | null>(null);
  const isLead = me.roles.includes('lead');
  const onMove = async (label: string, version: number) => {
    setRefused(null);
    const outcome = await move.run(detail.workflow.id, label, version);
    if (outcome.ok) {
      notify(`${LABEL_NAMES[label]} pekar nu på version ${version}.`);
      onChanged();
    } else setRefused(version);
  };
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Versioner</h2>
      <FieldProblems error={move.error} />
      {isLead && refused !== null && move.error?.code === 'gate_failed' && (
        <OverrideDialog workflowId={detail.workflow.id} version={refused} onDone={() => { setRefused(null); move.setError(null); onChanged(); }} />
      )}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>Version</th>
              <th>Meddelande</th>
              <th>Av</th>
              <th>När</th>
              <th>Etiketter</th>
              <th>Flytta etikett hit</th>
            </tr>
          </thead>
          <tbody>
            {detail.versions.map((v) => (
              <tr key={v.id}>
                <td>{v.version}</td>
                <td>{v.message}</td>
                <td>{v.author ?? '–'}</td>
                <td className="nowrap">{formatDateTime(v.createdAt)}</td>
                <td>{v.labels.map((l) => LABEL_NAMES[l] ?? l).join(', ')}</td>
                <td className="row-actions">
                  {['utkast', 'test', 'produktion'].filter((l) => !v.labels.includes(l)).map((l) => (
                    <button key={l} type="button" className="secondary small" disabled={move.busy} onClick={() => void onMove(l, v.version)} aria-label={`${LABEL_NAMES[l]} till version ${v.version}`}>
                      {LABEL_NAMES[l]}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Etikettflyttar</h3>
      <ul className="plain-list">
        {detail.labelEvents.map((e) => (
          <li key={e.id}>
            <span>
              {formatDateTime(e.createdAt)}: {LABEL_NAMES[e.label] ?? e.label} v{e.fromVersion ?? '–'} → v{e.toVersion} av {e.actor ?? '?'}
              {e.override && <strong> · förbi spärren: {e.reason}</strong>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
