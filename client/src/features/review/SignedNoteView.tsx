import { useState } from 'react';
import { formatDateTime } from '../../format/dates';
import { AmendForm } from './AmendForm';
import { fhirUrl, type SignedNote } from './api';

/**
 * A signed encounter: the latest signed text, copy whole or per heading in
 * the form Cosmic takes, FHIR, "Ändra" (a new signed version with a reason)
 * and every earlier version with who signed it, when and why it changed.
 */
export function SignedNoteView({ encounterId, notes, onChanged }: { encounterId: string; notes: SignedNote[]; onChanged(): void }) {
  const [copied, setCopied] = useState<string | null>(null);
  const [amending, setAmending] = useState(false);
  const latest = notes.at(-1);
  if (!latest) return null;
  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied(null);
    }
  };
  if (amending) {
    return (
      <AmendForm
        encounterId={encounterId}
        note={latest}
        onCancel={() => setAmending(false)}
        onAmended={() => {
          setAmending(false);
          onChanged();
        }}
      />
    );
  }
  const earlier = notes.slice(0, -1).reverse();
  return (
    <>
      <section className="panel" aria-label="Signerad anteckning">
        <div className="section-head">
          <h2>Signerad anteckning, version {latest.version}</h2>
          <div className="actions">
            <button type="button" onClick={() => copy('hela anteckningen', latest.text)}>
              Kopiera hela
            </button>
            <a className="button secondary" href={fhirUrl(latest.id)} download>
              Ladda ner FHIR
            </a>
            <button type="button" className="secondary" onClick={() => setAmending(true)}>
              Ändra
            </button>
          </div>
        </div>
        <p className="muted">
          Signerad av {latest.signedBy.displayName} {formatDateTime(latest.signedAt)}
          {latest.amendsId && latest.comment ? `. Ändrad: ${latest.comment}` : ''}
        </p>
        {latest.sections
          .filter((s) => s.text.trim())
          .map((s) => (
            <div key={s.heading} className="signed-section">
              <div className="section-head">
                <h3>{s.heading}</h3>
                <button type="button" className="small secondary" onClick={() => copy(s.heading, `${s.heading}\n${s.text.trim()}`)}>
                  Kopiera {s.heading}
                </button>
              </div>
              <p className="pre">{s.text}</p>
            </div>
          ))}
        <p role="status" className="ok">
          {copied ? `Kopierat: ${copied}` : ''}
        </p>
      </section>
      {earlier.length > 0 && (
        <section className="panel" aria-labelledby="note-versions-title">
          <h2 id="note-versions-title">Tidigare versioner</h2>
          {earlier.map((n) => (
            <details key={n.id} className="note-version">
              <summary>
                Version {n.version}, signerad av {n.signedBy.displayName} {formatDateTime(n.signedAt)}
                {n.amendsId && n.comment ? ` (ändring: ${n.comment})` : ''}
              </summary>
              <p className="pre">{n.text}</p>
            </details>
          ))}
        </section>
      )}
    </>
  );
}
