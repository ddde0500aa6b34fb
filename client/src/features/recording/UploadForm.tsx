import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/useSubmit';
import { uploadFile } from './api';
import { announceTranscription } from './transcription-events';

export const ACCEPTED = '.wav,.flac,.mp3,.m4a,.aac,.ogg,.opus,.webm,audio/*';

/** A recording made elsewhere (dictaphone, phone): sent as it is; the server reads the format from its bytes. */
export function UploadForm({ encounterId, onUploaded }: { encounterId: string; onUploaded(recordingId: string): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [speakers, setSpeakers] = useState('');
  const submit = useSubmit(uploadFile);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    const outcome = await submit.run(encounterId, file, speakers);
    if (!outcome.ok) return;
    onUploaded(outcome.value.recording.id);
    announceTranscription(encounterId);
  };
  return (
    <form className="upload-form" onSubmit={(e) => void send(e)} aria-labelledby="upload-title">
      <h3 id="upload-title">Ladda upp en ljudfil</h3>
      <p>Godkända format: WAV, FLAC, MP3, M4A/AAC, OGG/Opus och WebM.</p>
      <div className="field">
        <label htmlFor="upload-file">Ljudfil</label>
        <input id="upload-file" type="file" accept={ACCEPTED} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </div>
      <TextField label="Talare per kanal (valfritt, t.ex. Läkare,Patient)" name="speakers" value={speakers} onChange={setSpeakers} />
      <button type="submit" disabled={!file || submit.busy}>
        Ladda upp och transkribera
      </button>
      <ErrorMessage error={submit.error} />
    </form>
  );
}
