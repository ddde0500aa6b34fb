import { decodeFlac } from '../server/pipeline/audio/flac/decode-flac';
import { resample } from '../server/pipeline/audio/resample';
import { measureVadSpeed } from '../server/pipeline/audio/vad/measure-speed';
import { ffmpegEncode } from '../test/support/audio/encode';
import { encodeWav, sine, speechLikeSignal } from '../test/support/audio/signals';
import { hasTool } from '../test/support/audio/tools';

/**
 * The audio front end's speed, as multiples of real time on this machine
 * (targets from the speech issue: resampling and decoding must be a small
 * share of the pipeline; Silero VAD ≥ 100× real time on one core).
 */
function timed(fn: () => void): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const tenMinutes = sine(440, 600, 48000, 0.3);
  resample(tenMinutes.subarray(0, 48000), 48000, 16000); // warm the JIT and the filter table
  const resampleMs = timed(() => resample(tenMinutes, 48000, 16000));
  console.log(`resample 600 s 48 kHz → 16 kHz   ${resampleMs.toFixed(0).padStart(6)} ms   ${(600_000 / resampleMs).toFixed(0)}× real time`);

  if (hasTool('ffmpeg')) {
    const minute = speechLikeSignal(60, 44100, 5);
    const wav = encodeWav([minute, minute.slice().reverse()], 44100, 's16');
    const flac = ffmpegEncode(wav, 'flac', ['-c:a', 'flac']);
    decodeFlac(flac, 0, Infinity);
    const flacMs = timed(() => decodeFlac(flac, 0, Infinity));
    console.log(`FLAC 60 s stereo 44.1 kHz         ${flacMs.toFixed(0).padStart(6)} ms   ${(60_000 / flacMs).toFixed(0)}× real time`);
  } else {
    console.log('FLAC: ffmpeg saknas, hoppar över (behövs för att skapa FLAC-filen)');
  }

  const vad = await measureVadSpeed(120);
  console.log(`Silero VAD 120 s, one thread      ${vad.elapsedMs.toFixed(0).padStart(6)} ms   ${vad.realTimeFactor.toFixed(0)}× real time (target ≥ 100×)`);
}
