import { useState } from 'react';

/**
 * A password or API key the server shows only once: displayed in full with
 * a copy button and a plain warning that it cannot be shown again.
 */
export function OneTimeSecret({ label, value, onDone }: { label: string; value: string; onDone(): void }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      // Clipboard access needs HTTPS or localhost; the value stays selectable.
      setCopied('failed');
    }
  };
  return (
    <section className="secret" aria-label={label}>
      <p className="secret-label">{label}</p>
      <p>
        <output className="secret-value" data-testid="one-time-secret">
          {value}
        </output>
      </p>
      <p className="hint">Visas bara nu. Kopiera och lämna över på ett säkert sätt.</p>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          Kopiera
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Klar
        </button>
        <span aria-live="polite" className="muted">
          {copied === 'yes' ? 'Kopierat.' : copied === 'failed' ? 'Kunde inte kopiera; markera texten och kopiera själv.' : ''}
        </span>
      </div>
    </section>
  );
}
