import { useEffect, useRef, useState } from 'react';

/**
 * "Stäng omgången" asks first: closing ends the raters' work and cannot be
 * undone, and the button sat one tab stop from the page's links. The question
 * takes the focus when it opens (Enter confirms, Escape or "Avbryt" goes back
 * to the button), so it works from the keyboard alone.
 */
export function CloseRoundButton({ busy, onClose }: { busy: boolean; onClose(): void }) {
  const [asking, setAsking] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirm.current?.focus();
    else if (wasAsking.current) opener.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={opener} type="button" className="secondary small" disabled={busy} onClick={() => setAsking(true)}>
        Stäng omgången
      </button>
    );
  }
  return (
    <div className="notice" role="alertdialog" aria-labelledby="close-round-question" onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
      <p id="close-round-question">Stäng omgången? Bedömarna kan då inte lämna fler bedömningar, och omgången går inte att öppna igen.</p>
      <div className="row-actions">
        <button ref={confirm} type="button" className="danger-button" disabled={busy} onClick={onClose}>
          Ja, stäng omgången
        </button>
        <button type="button" className="secondary" onClick={() => setAsking(false)}>
          Avbryt
        </button>
      </div>
    </div>
  );
}
