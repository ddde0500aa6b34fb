/**
 * "A transcription of this encounter has started": told by the recorder and
 * the upload form, heard by the review section, which then follows the job
 * and shows the transcript when it is ready. The sections are siblings on
 * the encounter page, so they meet here rather than through the page.
 */
const channel = new EventTarget();
const STARTED = 'transcription-started';

export function announceTranscription(encounterId: string): void {
  channel.dispatchEvent(new CustomEvent<string>(STARTED, { detail: encounterId }));
}

/** Calls `onStarted` for transcriptions of this encounter; returns the unsubscribe. */
export function onTranscription(encounterId: string, onStarted: () => void): () => void {
  const listener = (event: Event) => {
    if ((event as CustomEvent<string>).detail === encounterId) onStarted();
  };
  channel.addEventListener(STARTED, listener);
  return () => channel.removeEventListener(STARTED, listener);
}
