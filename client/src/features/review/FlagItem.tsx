import { useState } from 'react';
import type { SentenceFlag } from '../../../../server/contracts/note';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { resolveFlag, type Draft } from './api';

const KIND: Record<SentenceFlag['kind'], string> = {
  number: 'Siffra som inte sades',
  drug: 'Läkemedel som inte nämndes',
  negation: 'Motsäger samtalet (nekande)',
  diagnosis: 'Diagnos som inte sades',
  plan: 'Plan som inte diskuterades',
  laterality: 'Fel sida',
  certainty: 'Säkerhet eller grad',
};

/** One grounding flag: what looks unsupported, and "rättad" or "avfärdad" with a reason. */
export function FlagItem({ draftId, flag, onResolved }: { draftId: string; flag: SentenceFlag; onResolved(draft: Draft): void }) {
  const [reason, setReason] = useState('');
  const submit = useSubmit(resolveFlag);
  const resolve = async (action: 'fixed' | 'dismissed') => {
    const result = await submit.run(draftId, flag.id, action, reason);
    if (result.ok) onResolved(result.value.draft);
  };
  return (
    <li className={`flag ${flag.severity}`} data-flag={flag.id}>
      <span className="flag-kind">{KIND[flag.kind]}</span>: <q>{flag.span}</q>
      {flag.resolution ? (
        <span className="ok"> {flag.resolution.action === 'fixed' ? 'Rättad' : `Avfärdad: ${flag.resolution.reason}`}</span>
      ) : (
        <div className="actions">
          <button type="button" className="small" disabled={submit.busy} onClick={() => resolve('fixed')}>
            Rättad
          </button>
          <input aria-label="Motivering" placeholder="Motivering" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="small secondary" disabled={submit.busy} onClick={() => resolve('dismissed')}>
            Avfärda
          </button>
        </div>
      )}
      <ErrorMessage error={submit.error} />
    </li>
  );
}
