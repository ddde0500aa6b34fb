import { useEffect, useRef, useState } from 'react';
import type { Transcript } from './api';
import type { TranscriptAudio } from './audio';
import { segmentLabel } from '../../format/segments';

/** A click on a sentence: its evidence segments, and a count so that clicking the same sentence again plays it again. */
export interface EvidenceFocus {
  segments: readonly string[];
  clicks: number;
}

/**
 * The transcript beside the draft. Segments that are evidence for the
 * selected sentence are highlighted and scrolled into view; with audio, the
 * player jumps to the first of them that has a time and plays from there.
 * The jump follows clicks only, so that re-rendering while the user types
 * never moves the player.
 */
interface Props {
  transcript: Transcript;
  focus: EvidenceFocus | null;
  audio: TranscriptAudio;
  /** false while the panel is a hidden tab: the evidence is scrolled into view when it is shown */
  visible?: boolean;
  /** on a phone: back to the sentence in the draft tab */
  onBack?: () => void;
}

export function TranscriptPanel({ transcript, focus, audio, visible = true, onBack }: Props) {
  const player = useRef<HTMLAudioElement>(null);
  const played = useRef(0);
  const list = useRef<HTMLOListElement>(null);
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
  const unplayable = audio.kind === 'available' && failedUrl === audio.url;
  const highlighted = focus?.segments ?? [];

  useEffect(() => {
    if (!focus || !visible) return;
    const evidence = transcript.segments.filter((s) => focus.segments.includes(s.id));
    const first = evidence[0];
    if (first) list.current?.querySelector(`[data-segment="${first.id}"]`)?.scrollIntoView({ block: 'nearest' });
    // Showing the tab again scrolls; only a new click moves the player.
    if (played.current === focus.clicks) return;
    played.current = focus.clicks;
    const timed = evidence.find((s) => s.start !== null);
    if (player.current && timed?.start != null) {
      player.current.currentTime = timed.start;
      // The click is the user's gesture; a browser that still refuses leaves the player paused at the right place.
      void player.current.play().catch(() => undefined);
    }
    // Runs on a new click or when the tab shows again, not when the transcript or the focus object is re-created.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus?.clicks, visible]);

  return (
    <section className="panel transcript-panel" aria-label="Transkript">
      <h2>Transkript</h2>
      {audio.kind === 'available' && !unplayable && (
        <audio ref={player} controls preload="metadata" src={audio.url} aria-label="Inspelningen" onError={() => setFailedUrl(audio.url)} />
      )}
      {audio.kind === 'available' && unplayable && <p className="muted">Ljudet kunde inte spelas upp.</p>}
      {audio.kind === 'deleted' && <p className="muted audio-note">Ljudet är raderat (signerad anteckning eller lagringstid passerad)</p>}
      <ol ref={list} className="segments">
        {transcript.segments.map((s, index) => (
          <li key={s.id} data-segment={s.id} className={highlighted.includes(s.id) ? 'evidence' : undefined} aria-current={highlighted.includes(s.id) || undefined}>
            <span className="segment-id">{segmentLabel(s, index)}</span> {s.speaker && <strong>{s.speaker}: </strong>}
            {s.text}
            {onBack && highlighted[0] === s.id && (
              <button type="button" className="small secondary back-to-draft" onClick={onBack}>
                Tillbaka till utkastet
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
