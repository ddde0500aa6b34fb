import type { EditHint } from '../../../../server/contracts/note';
import { FLAG_KIND } from './FlagItem';

/**
 * Hints on the clinician's own text: what the checker did not find in the
 * consultation ("Inte nämnt i samtalet") or found said otherwise. They never
 * block signing — clinicians add what was not said aloud — but a dose typed
 * from memory gets a second look.
 */
export function EditHints({ hints, onJump }: { hints: readonly EditHint[]; onJump?(segmentId: string): void }) {
  if (hints.length === 0) return null;
  return (
    <ul className="flags hints" aria-label="Tips om din text">
      {hints.map((h) => (
        <li key={h.id} className={h.contradicts ? 'flag hint contradicts' : 'flag hint'} data-hint={h.id}>
          <span className="flag-kind">{h.contradicts ? 'Samtalet sa annat' : 'Inte nämnt i samtalet'} · {FLAG_KIND[h.kind]}</span>{' '}
          <q>{h.span}</q> <span className="flag-message">{h.message}</span>
          {h.evidence && onJump && (
            <button type="button" className="link" onClick={() => onJump(h.evidence!)}>
              Visa i samtalet
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
