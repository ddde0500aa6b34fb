import { useEffect, useState } from 'react';
import type { Encounter } from '../../../../server/contracts/api/encounters';
import type { ListedRecording, TranscriptionState } from '../../../../server/contracts/api/recordings';
import { ErrorMessage } from '../../components/ErrorMessage';
import { ModelNotice } from '../../components/ModelNotice';
import { LiveTranscript } from './LiveTranscript';
import { SavedRecordings } from './SavedRecordings';
import { UploadForm } from './UploadForm';
import { useRecorder, type RecorderView } from './useRecorder';
import type { CaptureProblem } from './capture';
import { savedMessage, savedSentence } from './status-words';
import './recording.css';

const PROBLEMS: Record<CaptureProblem, string> = {
  denied: 'Webbläsaren fick inte använda mikrofonen. Tillåt mikrofonen för den här sidan (ikonen i adressfältet) och försök igen.',
  no_device: 'Ingen mikrofon hittades. Anslut en mikrofon och försök igen.',
  unsupported: 'Den här webbläsaren kan inte spela in ljud. Använd en aktuell Chrome, Edge eller Firefox, eller ladda upp en ljudfil.',
  failed: 'Mikrofonen kunde inte startas. Försök igen.',
};

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

function Status({ view }: { view: RecorderView }) {
  const saved = savedSentence(view.pendingChunks);
  return (
    <p className="recording-status" data-testid="recording-status">
      <span aria-label="Inspelad tid">{clock(view.capturedSeconds)}</span> · {saved}
      {!view.online && <strong> · ingen kontakt med servern, ljudet sparas i webbläsaren och skickas när kontakten är tillbaka</strong>}
    </p>
  );
}

/** Consent first, then record (or upload a file), with the transcript growing below; `recordings` is the encounter's stored audio as the page has it. */
export function RecordingSection({ encounter, recordings }: { encounter: Encounter; recordings: readonly ListedRecording[] }) {
  const { view, start, pause, resume, stop, continueRecording } = useRecorder(encounter.id);
  const [uploadedId, setUploadedId] = useState<string | null>(null);
  const [liveState, setLiveState] = useState<TranscriptionState | null>(null);
  // A new recording starts without the last one's state.
  useEffect(() => setLiveState(null), [view.recordingId]);
  const active = view.phase === 'recording' || view.phase === 'paused';
  const transcribing = view.recordingId && (view.phase === 'recording' || view.phase === 'paused' || view.phase === 'finishing' || view.phase === 'done');

  return (
    <section className="panel" aria-labelledby="recording-title" data-sha256={view.sha256 ?? undefined}>
      <h2 id="recording-title">Inspelning</h2>
      <ModelNotice purposes={['asr', 'vad']} />
      {!encounter.consentAt ? (
        <p>Registrera patientens samtycke ovan innan du spelar in eller laddar upp ljud.</p>
      ) : (
        <>
          {view.phase === 'idle' && (
            <button type="button" onClick={() => void start()}>
              Starta inspelning
            </button>
          )}
          {view.phase === 'starting' && <p>Startar mikrofonen…</p>}
          {active && (
            <div className="recorder-controls">
              <meter className="level" min={0} max={1} value={view.level} aria-label="Ljudnivå" />
              {view.phase === 'recording' ? (
                <button type="button" className="secondary" onClick={pause}>
                  Pausa
                </button>
              ) : (
                <button type="button" className="secondary" onClick={resume}>
                  Fortsätt
                </button>
              )}
              <button type="button" onClick={() => void stop()}>
                Stoppa och transkribera
              </button>
            </div>
          )}
          {view.phase === 'interrupted' && (
            <div className="recorder-controls">
              <p>En inspelning avbröts ({clock(view.capturedSeconds)} inspelat). Inget av det inspelade har gått förlorat.</p>
              <button type="button" className="secondary" onClick={() => void continueRecording()}>
                Fortsätt spela in
              </button>
              <button type="button" onClick={() => void stop()}>
                Avsluta och transkribera
              </button>
            </div>
          )}
          {view.phase === 'finishing' && <p>Skickar det sista ljudet…</p>}
          {view.phase === 'paused' && <p>Pausad.</p>}
          {view.recordingId && view.phase !== 'idle' && <Status view={view} />}
          {view.phase === 'done' && <p className="ok">{savedMessage(liveState)}</p>}
          {view.problem && (
            <p className="error-box" role="alert">
              {PROBLEMS[view.problem]}
            </p>
          )}
          <ErrorMessage error={view.error} />
          {transcribing && view.recordingId && <LiveTranscript recordingId={view.recordingId} onState={setLiveState} />}
          {view.phase === 'idle' && (
            <>
              <SavedRecordings recordings={recordings} />
              <UploadForm encounterId={encounter.id} onUploaded={setUploadedId} />
              {uploadedId && <LiveTranscript recordingId={uploadedId} />}
            </>
          )}
        </>
      )}
    </section>
  );
}
