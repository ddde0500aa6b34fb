import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalWhisperTranscriber } from '../../../server/pipeline/asr/local-whisper';
import { transcribeRecording } from '../../../server/pipeline/asr/transcribe-recording';
import { dialogueRecording } from '../../support/audio/espeak';
import { encodeWav } from '../../support/audio/signals';
import { toolsAvailable } from '../../support/audio/tools';
import { TINY_SYNTHETIC_DIMS, makeSyntheticWhisper } from '../../support/synthetic/whisper';

/*
 * The whole path with a model in it: WAV bytes → decode → Silero VAD →
 * windows → local Whisper through the real transformers.js runtime. The
 * Whisper is synthetic (scripted output; see test/support/synthetic), so the
 * text is fixed, but every window really goes through feature extraction,
 * encoder and decoder, and its timestamps come back through the library.
 */

const MODEL_ID = 'synthetic-whisper-orchestrator';
// Synthetic Swedish, written for this test.
const SCRIPT = [
  { start: 0, end: 1, text: 'Hur mår du?' },
  { start: 1, end: 2, text: 'Bra tack.' },
];

describe.skipIf(!toolsAvailable('transcribe recording with whisper', 'espeak-ng'))(
  'transcribeRecording with a synthetic local Whisper',
  () => {
    let modelsDir: string;
    let transcriber: LocalWhisperTranscriber;

    beforeAll(async () => {
      modelsDir = await mkdtemp(path.join(tmpdir(), 'jv-orchestrator-whisper-'));
      await makeSyntheticWhisper({ dir: path.join(modelsDir, MODEL_ID), dims: TINY_SYNTHETIC_DIMS, scripts: [{ segments: SCRIPT }] });
      transcriber = new LocalWhisperTranscriber({ modelsDir, modelId: MODEL_ID });
    });

    afterAll(async () => {
      await transcriber?.dispose();
      if (modelsDir) await rm(modelsDir, { recursive: true, force: true });
    });

    it('transcribes each channel window and labels the speakers, in time order', async () => {
      const { channels, turns } = dialogueRecording(
        [
          { channel: 0, text: 'Hur mår du idag?' },
          { channel: 1, text: 'Jag mår bra, tack.' },
        ],
        2,
        1.5,
      );
      const result = await transcribeRecording({
        audio: encodeWav(channels, 16000, 's16'),
        transcriber,
        language: 'sv',
        channelMode: 'per-channel',
        speakerNames: ['Läkare', 'Patient'],
      });
      expect(result.windows).toBe(2);
      expect(result.segments.map((s) => [s.id, s.speaker, s.text])).toEqual([
        ['s1', 'Läkare', 'Hur mår du?'],
        ['s2', 'Läkare', 'Bra tack.'],
        ['s3', 'Patient', 'Hur mår du?'],
        ['s4', 'Patient', 'Bra tack.'],
      ]);
      // the scripted times (0–1 s, 1–2 s of each window) are shifted to the window's place in the recording
      for (const [i, turn] of turns.entries()) {
        const first = result.segments[2 * i]!;
        expect(Math.abs(first.start! - (turn.start - 0.2))).toBeLessThan(0.15);
        expect(first.end! - first.start!).toBeCloseTo(1, 2);
      }
      console.log(
        `[transcribe-recording] ${result.durationSeconds.toFixed(1)} s, 2 channels: decode ${result.timings.decodeMs.toFixed(0)} ms,` +
          ` VAD ${result.timings.vadMs.toFixed(0)} ms, transcribe ${result.timings.transcribeMs.toFixed(0)} ms`,
      );
    });
  },
);
