import { LiveWindower, type LiveWindow } from '../server/pipeline/audio/live-windower';
import type { Transcriber } from '../server/pipeline/asr/transcriber';

const RATE = 16_000;

export interface LiveResult {
  windows: number;
  /** Wall time from "stop" (end of the audio) until the last window's transcript is back. */
  stopToFinalSeconds: number;
  /** Windows still waiting or running when "stop" was pressed. */
  backlogAtStop: number;
  /** Time the VAD/windower took for all chunks (it runs as the audio arrives). */
  windowerSeconds: number;
}

interface Pending {
  window: LiveWindow;
  /** Simulated wall clock (s since recording start) at which the window was handed over. */
  readyAt: number;
}

/**
 * A live recording on a simulated clock. The audio arrives in `chunkSeconds`
 * chunks at real-time pace; each is handed to the `LiveWindower` when it
 * exists (its processing time is measured and added). Closed windows queue
 * for one background transcriber, which starts a window at the earliest when
 * its audio exists and the previous window is done; each transcription's
 * duration is the measured wall time of really running it. So nothing waits
 * 10 real minutes, yet no window is transcribed before its audio was spoken.
 */
export async function simulateLive(
  samples: Float32Array,
  transcriber: Transcriber,
  options: { chunkSeconds?: number; language?: string } = {},
): Promise<LiveResult> {
  const chunk = Math.round((options.chunkSeconds ?? 0.5) * RATE);
  const windower = await LiveWindower.open();
  const pending: Pending[] = [];
  let windowerSeconds = 0;
  let vadFreeAt = 0;

  const hand = async (produce: () => Promise<LiveWindow[]>, arrivesAt: number): Promise<void> => {
    const started = performance.now();
    const windows = await produce();
    const took = (performance.now() - started) / 1000;
    windowerSeconds += took;
    vadFreeAt = Math.max(vadFreeAt, arrivesAt) + took;
    pending.push(...windows.map((window) => ({ window, readyAt: vadFreeAt })));
  };
  for (let at = 0; at < samples.length; at += chunk) {
    const end = Math.min(samples.length, at + chunk);
    await hand(() => windower.append(samples.subarray(at, end)), end / RATE);
  }
  const stopAt = samples.length / RATE;
  await hand(() => windower.flush(), stopAt);

  let busyUntil = 0;
  let backlogAtStop = 0;
  for (const { window, readyAt } of pending) {
    const start = Math.max(busyUntil, readyAt);
    const started = performance.now();
    await transcriber.transcribe(
      { samples: window.samples, sampleRate: RATE },
      { language: options.language ?? 'sv', offsetSeconds: window.start, speaker: null },
    );
    busyUntil = start + (performance.now() - started) / 1000;
    if (busyUntil > stopAt) backlogAtStop += 1;
  }
  return { windows: pending.length, stopToFinalSeconds: Math.max(0, busyUntil - stopAt), backlogAtStop, windowerSeconds };
}
