import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNotify } from '../../components/Notifier';
import { useSubmit } from '../../hooks/useSubmit';
import { overridePromotion } from './api';

/** A lead moves produktion past a failed gate; the written reason is stored and the move is logged. */
export function OverrideDialog({ workflowId, version, onDone }: { workflowId: string; version: number; onDone(): void }) {
  const [reason, setReason] = useState('');
  const override = useSubmit(overridePromotion);
  const notify = useNotify();
  const onConfirm = async () => {
    if (!(await override.run(workflowId, version, reason)).ok) return;
    notify(`Produktion pekar nu på version ${version} (förbi spärren).`);
    onDone();
  };
  return (
    <div className="notice" role="dialog" aria-labelledby="override-title">
      <h3 id="override-title">Flytta produktion förbi spärren</h3>
      <p>Som projektledare kan du flytta etiketten ändå. Motiveringen sparas och flytten loggas.</p>
      <div className="field">
        <label htmlFor="override-reason">Motivering (minst 10 tecken)</label>
        <textarea id="override-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <ErrorMessage error={override.error} />
      <button type="button" disabled={override.busy || reason.trim().length < 10} onClick={() => void onConfirm()}>
        Flytta ändå
      </button>
    </div>
  );
}
