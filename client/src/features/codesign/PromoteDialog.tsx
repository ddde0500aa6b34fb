import { useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useNotify } from '../../components/Notifier';
import { useResource } from '../../hooks/useResource';
import { useSubmit } from '../../hooks/useSubmit';
import { checkGate, moveLabel, overridePromotion } from './api';

/**
 * Every move of produktion goes through here: the gate is checked first and
 * each criterion shown in plain Swedish; the mover writes why (stored on the
 * label event). A version that held produktion before is a rollback and
 * skips the gate. When the gate fails only a lead may move it anyway, with
 * the same written reason, as an audited override.
 */
export function PromoteDialog({ workflowId, version, isLead, onClose, onDone }: { workflowId: string; version: number; isLead: boolean; onClose(): void; onDone(): void }) {
  const check = useResource(() => checkGate(workflowId, version), [workflowId, version]);
  const [reason, setReason] = useState('');
  const move = useSubmit(moveLabel);
  const override = useSubmit(overridePromotion);
  const notify = useNotify();
  const gate = check.data?.gate;
  const rollback = check.data?.rollback ?? false;
  const passes = rollback || gate?.passed === true;
  const busy = move.busy || override.busy;
  const onConfirm = async () => {
    const outcome = passes ? await move.run(workflowId, 'produktion', version, reason) : await override.run(workflowId, version, reason);
    if (!outcome.ok) return;
    notify(passes ? `Produktion pekar nu på version ${version}.` : `Produktion pekar nu på version ${version} (förbi spärren).`);
    onDone();
  };
  return (
    <div className="notice promote-dialog" role="dialog" aria-labelledby="promote-title">
      <h3 id="promote-title">Version {version} till produktion</h3>
      <ErrorMessage error={check.error} />
      {check.loading && !gate && <p>Kontrollerar spärren …</p>}
      {gate && (
        <>
          {rollback ? (
            <p>Version {version} har varit i produktion förut. Att flytta tillbaka är en återställning och prövas inte mot spärren.</p>
          ) : (
            <p className={gate.passed ? 'gate-verdict ok' : 'gate-verdict failed'}>
              {gate.passed ? 'Spärren är uppfylld.' : 'Spärren för produktion är inte uppfylld.'}
            </p>
          )}
          {!rollback && (
            <ul className="gate-criteria" aria-label="Krav för produktion">
              {gate.criteria.map((c) => (
                <li key={c.key} className={c.passed ? 'ok' : 'failed'}>
                  <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span> {c.message}
                </li>
              ))}
            </ul>
          )}
          {!passes && !isLead ? (
            <p>Förbättra versionen och kör igen, eller be en projektledare flytta den förbi spärren med en skriftlig motivering.</p>
          ) : (
            <>
              <div className="field">
                <label htmlFor="promote-reason">{passes ? 'Varför ska version ' + version + ' i produktion? (minst 10 tecken)' : 'Motivering för att gå förbi spärren (minst 10 tecken)'}</label>
                <textarea id="promote-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
                <p className="hint">Motiveringen sparas med etikettflytten{passes ? '' : ' och flytten förbi spärren loggas'}.</p>
              </div>
              <ErrorMessage error={move.error ?? override.error} />
              <button type="button" disabled={busy || reason.trim().length < 10} onClick={() => void onConfirm()}>
                {passes ? 'Flytta till produktion' : 'Flytta förbi spärren'}
              </button>
            </>
          )}
        </>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        Avbryt
      </button>
    </div>
  );
}
