import { useState } from 'react';
import type { SentenceFlag } from '../../../../server/contracts/note';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { resolveFlag, type Draft } from './api';

export const FLAG_KIND: Record<SentenceFlag['kind'], string> = {
  number: 'Värde',
  drug: 'Läkemedel',
  negation: 'Nekande/bekräftande',
  diagnosis: 'Diagnos',
  plan: 'Plan',
  laterality: 'Sida',
  certainty: 'Säkerhet eller grad',
};

/** What the severity asks of the clinician, in words. */
export const SEVERITY: Record<SentenceFlag['severity'], string> = {
  critical: 'Motsäger samtalet',
  warning: 'Kontrollera',
};

/** Drafts from before flags carried a message get a generic one. */
const fallback = (flag: SentenceFlag) => (flag.severity === 'critical' ? 'Stämmer inte med samtalet.' : 'Hittades inte i samtalet.');

/**
 * One grounding flag: what was compared, and the segment to jump to. A
 * critical flag (the draft contradicts the consultation) must be handled
 * before signing: "Rättad", or dismissed with a reason. A "Kontrollera" flag
 * (not found in the consultation) is only shown.
 */
export function FlagItem({ draftId, flag, onResolved, onJump }: { draftId: string; flag: SentenceFlag; onResolved(draft: Draft): void; onJump?(segmentId: string): void }) {
  const [reason, setReason] = useState('');
  const submit = useSubmit(resolveFlag);
  const resolve = async (action: 'fixed' | 'dismissed') => {
    const result = await submit.run(draftId, flag.id, action, reason);
    if (result.ok) onResolved(result.value.draft);
  };
  const evidence = flag.evidence;
  return (
    <li className={`flag ${flag.severity}`} data-flag={flag.id} data-severity={flag.severity}>
      <span className="flag-kind">
        {SEVERITY[flag.severity]} · {FLAG_KIND[flag.kind]}
      </span>{' '}
      <q>{flag.span}</q> <span className="flag-message">{flag.message || fallback(flag)}</span>
      {evidence && onJump && (
        <button type="button" className="link" onClick={() => onJump(evidence)}>
          Visa i samtalet
        </button>
      )}
      {flag.resolution ? (
        <span className="ok"> {flag.resolution.action === 'fixed' ? 'Rättad' : `Avfärdad${flag.resolution.reason ? `: ${flag.resolution.reason}` : ''}`}</span>
      ) : flag.severity === 'critical' ? (
        <div className="actions">
          <button type="button" className="small" disabled={submit.busy} onClick={() => resolve('fixed')}>
            Rättad
          </button>
          <input aria-label="Motivering" placeholder="Motivering" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="small secondary" disabled={submit.busy} onClick={() => resolve('dismissed')}>
            Avfärda
          </button>
        </div>
      ) : null}
      <ErrorMessage error={submit.error} />
    </li>
  );
}
