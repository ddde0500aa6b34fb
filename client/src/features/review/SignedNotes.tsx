import { useState } from 'react';
import { fhirUrl, type SignedNote } from './api';

/** Signed versions: copy the whole note or one heading in the form Cosmic takes, or download FHIR. */
export function SignedNotes({ notes }: { notes: SignedNote[] }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async (what: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(what);
    } catch {
      setCopied(null);
    }
  };
  const latest = notes.at(-1);
  if (!latest) return null;
  return (
    <section className="panel" aria-label="Signerad anteckning">
      <div className="section-head">
        <h2>
          Signerad anteckning, version {latest.version}
        </h2>
        <div className="actions">
          <button type="button" onClick={() => copy('hela', latest.text)}>
            Kopiera hela
          </button>
          <a className="button secondary" href={fhirUrl(latest.id)} download>
            Ladda ner FHIR
          </a>
        </div>
      </div>
      <p className="muted">
        Signerad av {latest.signedBy.displayName} {new Date(latest.signedAt).toLocaleString('sv-SE')}
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
  );
}
