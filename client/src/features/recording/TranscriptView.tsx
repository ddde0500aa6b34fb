import type { Segment } from './api';

const clock = (seconds: number | null) => {
  if (seconds === null) return '';
  const s = Math.floor(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Segments with speaker and start time, in order. */
export function TranscriptView({ segments, label }: { segments: readonly Segment[]; label: string }) {
  return (
    <ol className="segments" aria-label={label}>
      {segments.map((s) => (
        <li key={s.id} data-segment={s.id}>
          <span className="segment-id">{clock(s.start)}</span> {s.speaker && <strong>{s.speaker}: </strong>}
          {s.text}
        </li>
      ))}
    </ol>
  );
}
