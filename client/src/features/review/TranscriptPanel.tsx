import { useEffect, useRef } from 'react';
import type { Transcript } from './api';

/**
 * The transcript beside the draft. Segments that are evidence for the
 * selected sentence are highlighted and scrolled into view; with audio, the
 * player jumps to the first of them.
 */
export function TranscriptPanel({ transcript, highlighted, audioUrl }: { transcript: Transcript; highlighted: readonly string[]; audioUrl: string | null }) {
  const audio = useRef<HTMLAudioElement>(null);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const first = transcript.segments.find((s) => s.id === highlighted[0]);
    if (!first) return;
    list.current?.querySelector(`[data-segment="${first.id}"]`)?.scrollIntoView({ block: 'nearest' });
    if (audio.current && first.start !== null) audio.current.currentTime = first.start;
  }, [highlighted, transcript]);
  return (
    <section className="panel transcript-panel" aria-label="Transkript">
      <h2>Transkript</h2>
      {audioUrl && <audio ref={audio} controls src={audioUrl} />}
      <ol ref={list} className="segments">
        {transcript.segments.map((s) => (
          <li key={s.id} data-segment={s.id} className={highlighted.includes(s.id) ? 'evidence' : undefined} aria-current={highlighted.includes(s.id) || undefined}>
            <span className="segment-id">{s.id}</span> {s.speaker && <strong>{s.speaker}: </strong>}
            {s.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
