import { useEffect, useState } from 'react';
import { SegmentEventSchema, StatusEventSchema, type StatusEvent, type TranscriptionState } from '../../../../server/contracts/api/recordings';
import { ErrorMessage } from '../../components/ErrorMessage';
import { asApiError, type ApiError } from '../../api/problem';
import { eventsUrl, getTranscript, type Segment, type Transcript } from './api';
import { TranscriptView } from './TranscriptView';

/**
 * The transcript as it grows (Server-Sent Events), then the finished one with
 * ids s1…sN. The server's status says where the transcription stands, a job
 * that waits for a speech model included; `onState` passes it on.
 */
export function LiveTranscript({ recordingId, onState }: { recordingId: string; onState?(state: TranscriptionState): void }) {
  const [live, setLive] = useState<Segment[]>([]);
  const [status, setStatus] = useState<StatusEvent | null>(null);
  const [final, setFinal] = useState<Transcript | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    setLive([]);
    setFinal(null);
    setStatus(null);
    const source = new EventSource(eventsUrl(recordingId));
    source.addEventListener('segment', (event) => {
      const parsed = SegmentEventSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (parsed.success) setLive((all) => [...all, { ...parsed.data, id: `w${parsed.data.window}-${parsed.data.id}` }]);
    });
    source.addEventListener('status', (event) => {
      const parsed = StatusEventSchema.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (!parsed.success) return;
      setStatus(parsed.data);
      if (parsed.data.state !== 'recording' && parsed.data.state !== 'transcribing') source.close();
      if (parsed.data.transcriptId) {
        getTranscript(parsed.data.transcriptId).then(
          (t) => setFinal(t.transcript),
          (e: unknown) => setError(asApiError(e)),
        );
      }
    });
    return () => source.close();
  }, [recordingId]);
  const state = status?.state;
  useEffect(() => {
    if (state) onState?.(state);
  }, [state, onState]);

  return (
    <div className="live-transcript" aria-live="polite">
      {status?.state === 'transcribing' && (
        <p>
          Transkriberar resten… {status.job ? `${Math.round(status.job.progress * 100)} %` : ''} {status.job?.progressNote ?? ''}
        </p>
      )}
      {/* 'waiting' (no model yet) is said once, by the documentation section below, which follows the job until the transcript exists */}
      {status?.state === 'failed' && (
        <p className="error-box" role="alert">
          Transkriberingen misslyckades: {status.job?.error?.replace(/^[\w.]+: /, '') ?? 'okänt fel'}
        </p>
      )}
      {final ? (
        <>
          <p className="ok">Transkriptet är klart.</p>
          <TranscriptView segments={final.segments} label="Transkript" />
        </>
      ) : (
        live.length > 0 && <TranscriptView segments={live} label="Transkript under inspelningen" />
      )}
      <ErrorMessage error={error} />
    </div>
  );
}
