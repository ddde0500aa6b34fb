import { useState } from 'react';
import { formatDateTime } from '../../format/dates';
import { useNotify } from '../../components/Notifier';
import { useSubmit } from '../../hooks/useSubmit';
import { useMe } from '../../session/SessionContext';
import { moveLabel } from './api';
import { FieldProblems } from './FieldProblems';
import { PromoteDialog } from './PromoteDialog';
import type { WorkflowDetail } from '../../../../server/contracts/api/workflows';
import { WorkflowLabel } from '../../../../server/contracts/status';
import { TableScroll } from '../../components/TableScroll';

/**
 * Versions newest first with their labels, and buttons that move a label to
 * a version. Utkast and test move at once; produktion opens the gate check
 * (PromoteDialog), which asks for a reason and lets only a lead pass a
 * failed gate.
 */
export function VersionHistory({ detail, onChanged }: { detail: WorkflowDetail; onChanged(): void }) {
  const me = useMe();
  const notify = useNotify();
  const move = useSubmit(moveLabel);
  const [promoting, setPromoting] = useState<number | null>(null);
  const isLead = me.roles.includes('lead');
  const onMove = async (label: WorkflowLabel, version: number) => {
    move.setError(null);
    if (label === 'produktion') return setPromoting(version);
    if ((await move.run(detail.workflow.id, label, version)).ok) {
      notify(`${WorkflowLabel.label(label)} pekar nu på version ${version}.`);
      onChanged();
    }
  };
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Versioner</h2>
      <FieldProblems error={move.error} />
      {promoting !== null && (
        <PromoteDialog
          key={promoting}
          workflowId={detail.workflow.id}
          version={promoting}
          isLead={isLead}
          onClose={() => setPromoting(null)}
          onDone={() => {
            setPromoting(null);
            onChanged();
          }}
        />
      )}
      <TableScroll>
        <table className="cards">
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Meddelande</th>
              <th scope="col">Av</th>
              <th scope="col">När</th>
              <th scope="col">Etiketter</th>
              <th scope="col">Flytta etikett hit</th>
            </tr>
          </thead>
          <tbody>
            {detail.versions.map((v) => (
              <tr key={v.id}>
                <td data-label="Version">{v.version}</td>
                <td data-label="Meddelande">{v.message}</td>
                <td data-label="Av">{v.author ?? '–'}</td>
                <td data-label="När" className="nowrap">{formatDateTime(v.createdAt)}</td>
                <td data-label="Etiketter">{v.labels.map(WorkflowLabel.label).join(', ')}</td>
                <td data-label="Flytta etikett hit" className="row-actions">
                  {WorkflowLabel.keys.filter((l) => !v.labels.includes(l)).map((l) => (
                    <button key={l} type="button" className="secondary small" disabled={move.busy} onClick={() => void onMove(l, v.version)} aria-label={`${WorkflowLabel.label(l)} till version ${v.version}`}>
                      {WorkflowLabel.label(l)}
                    </button>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h3>Etikettflyttar</h3>
      <ul className="plain-list">
        {detail.labelEvents.map((e) => (
          <li key={e.id}>
            <span>
              {formatDateTime(e.createdAt)}: {WorkflowLabel.label(e.label)} v{e.fromVersion ?? '–'} → v{e.toVersion} av {e.actor ?? '?'}
              {e.override ? <strong> · förbi spärren: {e.reason}</strong> : e.label === 'produktion' && e.reason && <> · {e.reason}</>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
