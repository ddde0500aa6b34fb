import type { Segment } from './api';
import { segmentLabel } from '../../format/segments';

/** Segments with speaker and start time, in order. */
export function TranscriptView({ segments, label }: { segments: readonly Segment[]; label: string }) {
  return (
    <ol className="segments" aria-label={label}>
      {segments.map((s, index) => (
        <li key={s.id} data-segment={s.id}>
          <span className="segment-id">{segmentLabel(s, index)}</span> {s.speaker && <strong>{s.speaker}: </strong>}
          {s.text}
        </li>
      ))}
    </ol>
  );
}
