import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../../api/problem';
import { completeRecording, startRecording } from './api';
import { startCapture, CaptureError, RATE, type Capture, type CaptureProblem } from './capture';
import { forgetSession, newSession, saveChunk, saveSession, sessionForEncounter, type SessionRecord } from './chunk-store';
import { sendTimeEvents } from '../review/api';
import { sha256Hex } from './sha256';
import { announceTranscription } from './transcription-events';
import { ChunkUploader } from './uploader';

/**
 * The recorder's state machine: start (create the recording, open the
 * microphone), capture chunks into IndexedDB, upload them in the background,
 * pause/resume, stop (upload the rest, complete with the hash of all audio).
 * On mount it finds an unfinished recording of this encounter (after a
 * reload or a crash) and offers to continue it.
 *
 * The recorder is the one source of `recording_started` and
 * `recording_stopped`: it alone knows when the microphone opened and when the
 * clinician pressed stop (the server learns of the stop only after the last
 * chunk arrived). Continuing an interrupted recording is not a new start.
 */
export const CHUNK_SECONDS = 5;

export type Phase = 'idle' | 'starting' | 'recording' | 'paused' | 'interrupted' | 'finishing' | 'done';

export interface RecorderView {
  phase: Phase;
  recordingId: string | null;
  capturedSeconds: number;
  pendingChunks: number;
  online: boolean;
  level: number;
  problem: CaptureProblem | null;
  error: ApiError | null;
  /** SHA-256 of every captured byte, once stopped */
  sha256: string | null;
}

const initial: RecorderView = { phase: 'idle', recordingId: null, capturedSeconds: 0, pendingChunks: 0, online: true, level: 0, problem: null, error: null, sha256: null };

/** A time and a kind, nothing else; a lost event costs a timing figure, not the recording, so it is not retried. */
function timeEvent(encounterId: string, kind: 'recording_started' | 'recording_stopped', at: Date): void {
  void sendTimeEvents(encounterId, [{ kind, at: at.toISOString() }]).catch(() => undefined);
}

export function useRecorder(encounterId: string) {
  const [view, setView] = useState<RecorderView>(initial);
  const session = useRef<SessionRecord | null>(null);
  const capture = useRef<Capture | null>(null);
  const uploader = useRef<ChunkUploader | null>(null);
  // Chunks are saved one after another, in capture order.
  const saving = useRef<Promise<void>>(Promise.resolve());
  const patch = useCallback((p: Partial<RecorderView>) => setView((v) => ({ ...v, ...p })), []);

  const makeUploader = useCallback(
    (recordingId: string) => {
      uploader.current?.close();
      uploader.current = new ChunkUploader(recordingId, {
        onProgress: (pendingChunks) => patch({ pendingChunks }),
        onConnection: (online) => patch({ online }),
        onFatal: (error) => patch({ error }),
      });
      return uploader.current;
    },
    [patch],
  );

  useEffect(() => {
    let cancelled = false;
    void sessionForEncounter(encounterId).then(async (found) => {
      if (cancelled || !found) return;
      session.current = found;
      patch({ phase: 'interrupted', recordingId: found.recordingId, capturedSeconds: found.capturedBytes / 2 / RATE });
      const up = makeUploader(found.recordingId);
      await up.reconcile();
      await up.flush();
    });
    return () => {
      cancelled = true;
      uploader.current?.close();
      void capture.current?.stop();
    };
  }, [encounterId, makeUploader, patch]);

  const onChunk = useCallback(
    (bytes: Uint8Array) => {
      saving.current = saving.current.then(async () => {
        if (!session.current) return;
        session.current = await saveChunk(session.current, bytes);
        patch({ capturedSeconds: session.current.capturedBytes / 2 / RATE });
        void uploader.current?.flush();
      });
    },
    [patch],
  );

  const openMicrophone = useCallback(async () => {
    try {
      capture.current = await startCapture({ chunkSeconds: CHUNK_SECONDS, onChunk, onLevel: (level) => patch({ level }) });
      patch({ phase: 'recording', problem: null });
      return true;
    } catch (error) {
      patch({ phase: session.current ? 'interrupted' : 'idle', problem: error instanceof CaptureError ? error.problem : 'failed' });
      return false;
    }
  }, [onChunk, patch]);

  const start = useCallback(async () => {
    patch({ phase: 'starting', error: null, problem: null });
    try {
      const { recording } = await startRecording(encounterId);
      session.current = newSession(recording.id, encounterId);
      await saveSession(session.current);
      makeUploader(recording.id);
      patch({ recordingId: recording.id, capturedSeconds: 0 });
      if (await openMicrophone()) timeEvent(encounterId, 'recording_started', new Date());
    } catch (error) {
      patch({ phase: 'idle', error: asApiError(error) });
    }
  }, [encounterId, makeUploader, openMicrophone, patch]);

  const pause = useCallback(() => {
    capture.current?.pause();
    patch({ phase: 'paused' });
  }, [patch]);

  const resume = useCallback(() => {
    capture.current?.resume();
    patch({ phase: 'recording' });
  }, [patch]);

  const stop = useCallback(async () => {
    const stoppedAt = new Date();
    patch({ phase: 'finishing', level: 0 });
    await capture.current?.stop();
    capture.current = null;
    await saving.current;
    const current = session.current;
    const up = uploader.current;
    if (!current || !up) return;
    session.current = { ...current, stopped: true };
    await saveSession(session.current);
    await up.flush();
    const sha256 = sha256Hex(current.hash);
    const done = await up.withRetry(() => completeRecording(current.recordingId, current.nextSeq, sha256));
    if (!done) return patch({ phase: 'interrupted' });
    await forgetSession(current.recordingId);
    session.current = null;
    patch({ phase: 'done', sha256 });
    timeEvent(encounterId, 'recording_stopped', stoppedAt);
    announceTranscription(encounterId);
  }, [encounterId, patch]);

  return { view, start, pause, resume, stop, continueRecording: openMicrophone };
}
