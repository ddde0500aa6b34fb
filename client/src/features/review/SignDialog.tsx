import { useEffect, useRef, useState } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSubmit } from '../../hooks/useSubmit';
import { signDraft } from './api';

const WRONG: { value: string; label: string }[] = [
  { value: 'missing', label: 'Något saknades' },
  { value: 'invented', label: 'Något var påhittat' },
  { value: 'speaker', label: 'Fel talare' },
  { value: 'terminology', label: 'Fel termer' },
  { value: 'style', label: 'Fel stil' },
];

/**
 * Signing with an optional 1–5 rating and "vad var fel" of the AI draft
 * (not asked for a note written without AI); the server refuses while
 * critical flags remain. The focus lands on "Signera", so Enter signs;
 * Escape closes the dialog.
 */
interface Props {
  draftId: string;
  askAboutDraft: boolean;
  /** the clinician's own edits that the consultation contradicts: named before signing, never blocking */
  contradictions: number;
  /** sends the editing time counted so far, so that it lands before the signature */
  beforeSign(): Promise<void>;
  onSigned(): void;
  onCancel(): void;
}

export function SignDialog({ draftId, askAboutDraft, contradictions, beforeSign, onSigned, onCancel }: Props) {
  const [rating, setRating] = useState<number | null>(null);
  const [wrong, setWrong] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const submit = useSubmit(signDraft);
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      className="panel sign-dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby="sign-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id="sign-title">Signera anteckningen</h2>
      {contradictions > 0 && (
        <p className="notice" role="note">
          {contradictions === 1 ? 'En av dina ändringar stämmer' : `${contradictions} av dina ändringar stämmer`} inte med vad som sades i samtalet (markerade
          ”Samtalet sa annat”). Kontrollera {contradictions === 1 ? 'den' : 'dem'} innan du signerar; du kan signera ändå.
        </p>
      )}
      {askAboutDraft && (
        <>
          <fieldset className="field">
            <legend>Hur bra var utkastet? (valfritt)</legend>
            <div className="actions">
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className="checkbox">
                  <input type="radio" name="rating" checked={rating === n} onChange={() => setRating(n)} /> {n}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset className="field">
            <legend>Vad var fel?</legend>
            {WRONG.map((w) => (
              <label key={w.value} className="checkbox">
                <input
                  type="checkbox"
                  checked={wrong.includes(w.value)}
                  onChange={(e) => setWrong(e.target.checked ? [...wrong, w.value] : wrong.filter((x) => x !== w.value))}
                />
                {w.label}
              </label>
            ))}
          </fieldset>
        </>
      )}
      <div className="field">
        <label htmlFor="sign-comment">Kommentar (utan patientuppgifter)</label>
        <textarea id="sign-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <ErrorMessage error={submit.error} />
      <div className="actions">
        <button
          ref={confirm}
          type="button"
          disabled={submit.busy}
          onClick={async () => {
            const body = { ...(rating ? { rating } : {}), ...(wrong.length ? { wrongTags: wrong } : {}), ...(comment.trim() ? { comment } : {}) };
            await beforeSign();
            if ((await submit.run(draftId, body)).ok) onSigned();
          }}
        >
          Signera
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Avbryt
        </button>
      </div>
    </div>
  );
}
