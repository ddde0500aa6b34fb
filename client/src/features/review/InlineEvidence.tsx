import type { DraftSentence } from '../../../../server/contracts/note';
import type { Transcript } from './api';
import { segmentLabel } from '../../format/segments';

/**
 * The words a sentence came from, quoted under it: on a phone the
 * transcript is another tab, so the evidence is shown where the finger is,
 * with a way to see it in the whole transcript.
 */
export function InlineEvidence({ sentence, transcript, onShowTranscript }: { sentence: DraftSentence; transcript: Transcript; onShowTranscript(): void }) {
  const ids = new Set(sentence.evidence.map((e) => e.segmentId));
  // The label counts from the whole transcript, as the transcript tab shows it.
  const segments = transcript.segments.map((s, index) => ({ s, label: segmentLabel(s, index) })).filter(({ s }) => ids.has(s.id));
  return (
    <div className="inline-evidence">
      {segments.length === 0 ? (
        <p className="muted">Meningen har inget belägg i transkriptet.</p>
      ) : (
        <blockquote aria-label="Belägg i transkriptet">
          {segments.map(({ s, label }) => (
            <p key={s.id}>
              <span className="segment-id">{label}</span> {s.speaker && <strong>{s.speaker}: </strong>}
              {s.text}
            </p>
          ))}
        </blockquote>
      )}
      <button type="button" className="small secondary" onClick={onShowTranscript}>
        Visa i transkriptet
      </button>
    </div>
  );
}
