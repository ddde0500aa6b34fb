import { beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptSegment } from '../../../server/contracts/transcript';
import { TranscriptSegmentSchema } from '../../../server/contracts/transcript';
import { transcribeRecording } from '../../../server/pipeline/asr/transcribe-recording';
import type { PcmAudio, TranscribeOptions, Transcriber } from '../../../server/pipeline/asr/transcriber';
import type { DecodedAudio } from '../../../server/pipeline/audio/decode-audio';
import { dialogueRecording, type DialogueRecording, type DialogueTurn } from '../../support/audio/espeak';
import { encodeWav } from '../../support/audio/signals';
import { toolsAvailable } from '../../support/audio/tools';

/**
 * A unit test of the orchestration (decode → VAD → windows → calls →
 * ordering), so the transcriber here only describes the audio it was given:
 * one segment per loud stretch (10 ms frames above −40 dBFS, gaps under
 * 0.3 s merged), timed with the window offset. The real-model path is
 * covered in transcribe-recording-whisper.test.ts.
 */
class LoudnessEcho implements Transcriber {
  readonly info = { transcriberId: 'test:loudness-echo', modelId: null, settings: {} };
  readonly calls: Array<{ seconds: number; options: TranscribeOptions }> = [];
  constructor(private readonly onCall?: (n: number) => void) {}

  status() {
    return Promise.resolve({ state: 'ready' as const, modelId: 'loudness-echo' });
  }

  async transcribe(audio: PcmAudio, options: TranscribeOptions): Promise<TranscriptSegment[]> {
    const seconds = audio.samples.length / audio.sampleRate;
    this.calls.push({ seconds, options });
    this.onCall?.(this.calls.length);
    const offset = options.offsetSeconds ?? 0;
    const runs: Array<{ start: number; end: number }> = [];
    for (let f = 0; (f + 1) * 160 <= audio.samples.length; f++) {
      const frame = audio.samples.subarray(f * 160, (f + 1) * 160);
      if (Math.sqrt(frame.reduce((s, x) => s + x * x, 0) / 160) < 0.01) continue;
      const last = runs.at(-1);
      if (last && f / 100 - last.end < 0.3) last.end = (f + 1) / 100;
      else runs.push({ start: f / 100, end: (f + 1) / 100 });
    }
    return runs.map((r, i) => ({
      id: `x${i}`,
      start: offset + r.start,
      end: offset + r.end,
      speaker: options.speaker ?? null,
      text: `tal ${this.calls.length}.${i + 1}`,
    }));
  }

  dispose() {
    return Promise.resolve();
  }
}

// A synthetic Swedish consultation, written for these tests.
const TURNS: DialogueTurn[] = [
  { channel: 0, text: 'Hej, vad kan jag hjälpa dig med idag?' },
  { channel: 1, text: 'Jag har haft ont i halsen i fyra dagar.' },
  { channel: 0, text: 'Har du haft feber?' },
  { channel: 1, text: 'Ja, trettioåtta och en halv igår kväll.' },
];

describe.skipIf(!toolsAvailable('transcribe recording', 'espeak-ng'))('transcribeRecording', () => {
  // Vitest runs a skipped suite's body too, so speech is synthesised in beforeAll (only when espeak-ng exists).
  let channels: Float32Array[];
  let turns: DialogueRecording['turns'];
  let audio: DecodedAudio;
  beforeAll(() => {
    ({ channels, turns } = dialogueRecording(TURNS, 2, 1.5));
    audio = { channels, sampleRate: 16000, durationSeconds: channels[0]!.length / 16000, format: 'wav' };
  });

  it('labels segments by channel, in time order, with ids s1, s2, …', async () => {
    const transcriber = new LoudnessEcho();
    const streamed: TranscriptSegment[] = [];
    const progress: Array<[number, number]> = [];
    const result = await transcribeRecording({
      audio,
      transcriber,
      language: 'sv',
      prompt: 'halsfluss',
      channelMode: 'per-channel',
      speakerNames: ['Läkare', 'Patient'],
      onSegment: (s) => streamed.push(s),
      onProgress: (p) => progress.push([p.windowsDone, p.windowsTotal]),
    });

    // Each channel's two turns fit one window: a window per channel.
    expect(result.windows).toBe(2);
    // The channel-1 window also holds turn 3, which must wait for channel 2's turn 2.
    expect(result.segments.map((s) => s.speaker)).toEqual(['Läkare', 'Patient', 'Läkare', 'Patient']);
    expect(result.segments.map((s) => s.id)).toEqual(['s1', 's2', 's3', 's4']);
    result.segments.forEach((s, i) => {
      TranscriptSegmentSchema.parse(s);
      // times map back to the recording: each segment is where its turn was placed
      expect(Math.abs(s.start! - turns[i]!.start)).toBeLessThan(0.05);
      expect(Math.abs(s.end! - turns[i]!.end)).toBeLessThan(0.05);
    });
    expect(streamed).toEqual(result.segments);
    expect(progress).toEqual([[0, 2], [1, 2], [2, 2]]);
    for (const call of transcriber.calls) {
      expect(call.seconds).toBeLessThanOrEqual(30);
      expect(call.options).toMatchObject({ language: 'sv', prompt: 'halsfluss' });
    }
    expect(result.speechSeconds).toBeGreaterThan(4);
    expect(result.timings.vadMs).toBeGreaterThan(0);
    expect(result.timings.totalMs).toBeGreaterThanOrEqual(result.timings.transcribeMs + result.timings.vadMs);
  });

  it('defaults the channel labels to "kanal 1", "kanal 2" and decodes file bytes itself', async () => {
    const bytes = encodeWav(channels, 16000, 'f32');
    const result = await transcribeRecording({ audio: bytes, transcriber: new LoudnessEcho(), language: 'sv', channelMode: 'per-channel' });
    expect(result.segments.map((s) => s.speaker)).toEqual(['kanal 1', 'kanal 2', 'kanal 1', 'kanal 2']);
    expect(result.timings.decodeMs).toBeGreaterThan(0);
    expect(result.durationSeconds).toBeCloseTo(audio.durationSeconds, 3);
  });

  it('mixes the channels by default: one speaker-less track, neighbouring turns share windows', async () => {
    const transcriber = new LoudnessEcho();
    const result = await transcribeRecording({ audio, transcriber, language: 'sv' });
    expect(result.windows).toBe(1); // four turns fit within 30 s
    expect(result.segments).toHaveLength(4);
    expect(result.segments.every((s) => s.speaker === null)).toBe(true);
    expect(transcriber.calls[0]!.options.speaker).toBeNull();
  });

  it('announces the next window before it is transcribed, with the very array it then passes', async () => {
    const announced: Float32Array[] = [];
    const transcriber = new LoudnessEcho();
    const given: Float32Array[] = [];
    const transcribe = transcriber.transcribe.bind(transcriber);
    const prefetching: Transcriber = Object.assign(transcriber, {
      prefetch: (windows: readonly PcmAudio[]) => announced.push(...windows.map((w) => w.samples)),
      transcribe: (audio: PcmAudio, options: TranscribeOptions) => {
        given.push(audio.samples);
        return transcribe(audio, options);
      },
    });
    await transcribeRecording({ audio, transcriber: prefetching, language: 'sv', channelMode: 'per-channel' });
    expect(given.length).toBeGreaterThan(1);
    // Every window after the first was announced while an earlier one was transcribed (or VAD read on).
    for (const samples of given.slice(1)) expect(announced).toContain(samples);
  });

  it('batches windows up to batchSize, and the last ones together when they are at most half a batch more', async () => {
    const sizes = async (batchSize: number, maxSeconds: number): Promise<number[]> => {
      const echo = new LoudnessEcho();
      const batches: number[] = [];
      const batching: Transcriber = Object.assign(echo, {
        batchSize,
        transcribeMany: async (windows: readonly { audio: PcmAudio; options: TranscribeOptions }[]) => {
          batches.push(windows.length);
          const out: TranscriptSegment[][] = [];
          for (const w of windows) out.push(await echo.transcribe(w.audio, w.options));
          return out;
        },
      });
      await transcribeRecording({ audio, transcriber: batching, language: 'sv', channelMode: 'per-channel', window: { maxSeconds } });
      return batches;
    };
    // Short windows: each turn is its own, four in all.
    expect(await sizes(3, 4)).toEqual([4]); // 4 ≤ 3 + 1: no batch of one left over
    expect(await sizes(2, 4)).toEqual([2, 2]); // 4 > 2 + 1
  });

  it('stops between windows when cancelled', async () => {
    const controller = new AbortController();
    const transcriber = new LoudnessEcho((n) => n === 1 && controller.abort(new Error('avbruten')));
    await expect(
      transcribeRecording({ audio, transcriber, language: 'sv', channelMode: 'per-channel', signal: controller.signal }),
    ).rejects.toThrow('avbruten');
    expect(transcriber.calls).toHaveLength(1);
  });
});
