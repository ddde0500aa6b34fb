import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESSED_FORMATS, ffmpegEncode } from '../support/audio/encode';
import { encodeWav, speechLikeSignal } from '../support/audio/signals';
import { toolsAvailable } from '../support/audio/tools';
import { Client } from '../support/http';
import { createTempDb, encounterWithConsent, installSyntheticWhisper, readStoredWav, startInstance, waitForJob, type Instance, type TempDb } from './recordings-support';
import { readWavHeader } from '../../server/pipeline/audio/wav';

/*
 * File upload: every accepted format (compressed fixtures made at test time
 * with ffmpeg), refusals with a reason, and one speaker per channel. The
 * database plays no special part here, so this suite runs on SQLite only.
 */
const RATE = 16000;
const ffmpeg = toolsAvailable('recordings upload formats', 'ffmpeg');
// Synthetic Swedish, written for this test.
const SCRIPT = [{ start: 0, end: 1.5, text: 'Blodtrycket är bra idag.' }];

/** 1 s silence then 3 s of speech-like sound, at 44.1 kHz as a phone would record it. */
function clip(seed = 5): Float32Array {
  const rate = 44100;
  const out = new Float32Array(4 * rate);
  out.set(speechLikeSignal(3, rate, seed), rate);
  return out;
}

describe('uploads', () => {
  let db: TempDb;
  let server: Instance;
  let c: Client;
  let encounterId: string;

  beforeAll(async () => {
    db = await createTempDb('sqlite');
    await installSyntheticWhisper(db, [{ segments: SCRIPT }]);
    const started = await startInstance(db, { UPLOAD_MAX_MB: '1', AUDIO_MAX_MINUTES: '1' });
    server = started;
    c = new Client(server.baseUrl);
    await c.login('lakare1', started.passwords.demo!);
    encounterId = await encounterWithConsent(c);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const upload = (bytes: Uint8Array, type = 'application/octet-stream', query = '') =>
    c.request('POST', `/api/v1/encounters/${encounterId}/uploads${query}`, bytes, { 'content-type': type });

  async function transcriptOf(jobId: string) {
    const job = await waitForJob(c, jobId);
    expect(job.status, job.error ?? '').toBe('succeeded');
    return (await c.get(`/api/v1/transcripts/${job.result.transcriptId}`)).body.transcript;
  }

  it('transcribes a WAV and stores it as 16 kHz WAV', async () => {
    const res = await upload(encodeWav([clip()], 44100, 's16'), 'audio/wav');
    expect(res.status).toBe(202);
    expect(res.headers.get('location')).toBe(`/api/v1/jobs/${res.body.job.id}`);
    expect(res.body.recording).toMatchObject({ source: 'upload', status: 'complete', channels: 1, originalFormat: 'wav', sampleRate: 16000 });
    expect(res.body.recording.durationSeconds).toBeCloseTo(4, 2);
    const row = await server.deps.db.prisma.recording.findUniqueOrThrow({ where: { id: res.body.recording.id } });
    expect(readWavHeader((await readStoredWav(server.deps, row.storageKey!))!)).toMatchObject({ sampleRate: RATE, channels: 1, bitsPerSample: 16, frames: 4 * RATE });
    const transcript = await transcriptOf(res.body.job.id);
    expect(transcript.segments).toEqual([{ id: 's1', start: expect.any(Number), end: expect.any(Number), speaker: null, text: SCRIPT[0]!.text }]);
    expect(transcript.segments[0].start).toBeGreaterThan(0.5);
  });

  it.skipIf(!ffmpeg)('accepts FLAC, MP3, M4A/AAC, AAC, OGG/Opus and WebM', async () => {
    const source = encodeWav([clip()], 44100, 's16');
    const formats = [{ name: 'FLAC', extension: 'flac', args: ['-c:a', 'flac'], format: 'flac' }, ...COMPRESSED_FORMATS];
    for (const f of formats) {
      const res = await upload(ffmpegEncode(source, f.extension, f.args), f.name === 'WebM/Opus' ? 'audio/webm' : 'application/octet-stream');
      expect(res.status, `${f.name}: ${res.text}`).toBe(202);
      expect(res.body.recording.originalFormat, f.name).toBe(f.format);
      const transcript = await transcriptOf(res.body.job.id);
      expect(transcript.segments.map((s: { text: string }) => s.text), f.name).toEqual([SCRIPT[0]!.text]);
    }
  });

  it('keeps one speaker per channel, with the names given or "kanal N"', async () => {
    const left = new Float32Array(10 * RATE);
    const right = new Float32Array(10 * RATE);
    left.set(speechLikeSignal(2.5, RATE, 7), 1 * RATE);
    right.set(speechLikeSignal(2.5, RATE, 8), 6 * RATE);
    const stereo = encodeWav([left, right], RATE, 's16');

    const named = await upload(stereo, 'audio/x-wav', `?speakers=${encodeURIComponent('Läkare,Patient')}`);
    expect(named.status).toBe(202);
    expect(named.body.recording.channels).toBe(2);
    const segments = (await transcriptOf(named.body.job.id)).segments;
    expect(segments.map((s: { id: string; speaker: string }) => `${s.id} ${s.speaker}`)).toEqual(['s1 Läkare', 's2 Patient']);
    expect(segments[1].start).toBeGreaterThan(5.5);

    const unnamed = await upload(stereo, 'audio/wav');
    expect((await transcriptOf(unnamed.body.job.id)).segments.map((s: { speaker: string }) => s.speaker)).toEqual(['kanal 1', 'kanal 2']);
  });

  it('refuses unsupported, corrupt and too large or too long files with the reason', async () => {
    const text = await upload(new TextEncoder().encode('Detta är ingen ljudfil utan vanlig text.'), 'audio/mpeg');
    expect(text.status).toBe(415);
    expect(text.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(text.body.detail).toContain('WAV, FLAC, MP3, M4A/AAC, OGG/Opus eller WebM');

    const wrongType = await upload(encodeWav([clip()], 44100, 's16'), 'text/plain');
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.detail).toContain('application/octet-stream');

    const broken = encodeWav([clip()], 44100, 's16').slice(0, 60);
    new DataView(broken.buffer).setUint32(16, 8, true); // fmt chunk claims 8 bytes
    const corrupt = await upload(broken, 'audio/wav');
    expect(corrupt.status).toBe(422);
    expect(corrupt.body.code).toBe('corrupt_audio');
    expect(corrupt.body.detail).toMatch(/skadad/);

    const big = await upload(new Uint8Array(1.2 * 1024 * 1024), 'audio/wav');
    expect(big.status).toBe(413);
    expect(big.body.detail).toContain('1 MB');

    const long = await upload(encodeWav([new Float32Array(65 * 8000)], 8000, 'u8'), 'audio/wav');
    expect(long.status).toBe(413);
    expect(long.body.code).toBe('too_long');
    expect(long.body.detail).toMatch(/för lång \(65 s\)/);

    const empty = await upload(new Uint8Array(0), 'audio/wav');
    expect(empty.status).toBe(422);
    const count = await server.deps.db.prisma.recording.count({ where: { encounterId, source: 'upload' } });
    const accepted = ffmpeg ? 1 + 6 + 2 : 1 + 2;
    expect(count).toBe(accepted); // nothing was stored for the refused files
  });
});
