import { spawnSync } from 'node:child_process';
import { resample } from '../../../server/pipeline/audio/resample';
import type { SpeechRegion } from '../../../server/pipeline/audio/vad/region-tracker';
import { decodeWav } from '../../../server/pipeline/audio/wav';
import { seededRandom } from './signals';

const RATE = 16000;
/** Truth frames: 10 ms. */
const FRAME = RATE / 100;
/** Pauses inside a phrase shorter than this belong to the phrase (as the VAD's minimum silence). */
const MERGE_GAP_SECONDS = 0.3;

/** Synthetic Swedish speech from espeak-ng, 16 kHz mono. */
export function speakSwedish(text: string, wordsPerMinute = 160): Float32Array {
  const result = spawnSync('espeak-ng', ['-v', 'sv', '-s', String(wordsPerMinute), '--stdout', text], {
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) throw new Error('espeak-ng failed');
  const pcm = decodeWav(new Uint8Array(result.stdout), 0, Infinity);
  return resample(pcm.channels[0]!, pcm.sampleRate, RATE);
}

/**
 * Where the audio is really non-silent: 10 ms frames above −40 dB of the
 * loudest frame, short gaps merged. Computed from the clean samples, before
 * any noise is added, so it is the ground truth for the VAD.
 */
export function energyTruth(samples: Float32Array): SpeechRegion[] {
  const frames = Math.floor(samples.length / FRAME);
  const rms = Float64Array.from({ length: frames }, (_, f) => {
    let sum = 0;
    for (let i = f * FRAME; i < (f + 1) * FRAME; i++) sum += samples[i]! * samples[i]!;
    return Math.sqrt(sum / FRAME);
  });
  const floor = Math.max(...rms) * 10 ** (-40 / 20);
  const regions: SpeechRegion[] = [];
  for (let f = 0; f < frames; f++) {
    if (rms[f]! <= floor) continue;
    const start = f / 100;
    const last = regions.at(-1);
    if (last && start - last.end < MERGE_GAP_SECONDS) last.end = (f + 1) / 100;
    else regions.push({ start, end: (f + 1) / 100 });
  }
  return regions;
}

export interface SpokenRecording {
  samples: Float32Array;
  /** Speech regions in seconds, measured from the clean synthesis. */
  truth: SpeechRegion[];
}

/**
 * Phrases separated by known silences (`pauses[i]` seconds after phrase i; a
 * lead-in before the first), with faint deterministic noise on top so the
 * "silence" is not digital zero.
 */
export function spokenRecording(phrases: string[], pauses: number[], leadIn = 1, noiseLevel = 0.002): SpokenRecording {
  const parts: Float32Array[] = [new Float32Array(Math.round(leadIn * RATE))];
  phrases.forEach((phrase, i) => {
    parts.push(speakSwedish(phrase));
    parts.push(new Float32Array(Math.round((pauses[i] ?? 1) * RATE)));
  });
  const samples = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    samples.set(part, at);
    at += part.length;
  }
  const truth = energyTruth(samples);
  const random = seededRandom(7);
  for (let i = 0; i < samples.length; i++) samples[i]! += noiseLevel * (random() - 0.5) * 2;
  return { samples, truth };
}

export interface DialogueTurn {
  channel: number;
  text: string;
}

export interface DialogueRecording {
  /** One 16 kHz channel per speaker, as a two-microphone recorder writes them. */
  channels: Float32Array[];
  /** Where each turn is audible (espeak's own leading and trailing silence excluded), seconds. */
  turns: Array<DialogueTurn & { start: number; end: number }>;
}

/** Turns spoken one after another, each on its speaker's channel, separated by `gap` seconds. */
export function dialogueRecording(turns: DialogueTurn[], channelCount: number, gap = 0.8): DialogueRecording {
  const spoken = turns.map((turn) => ({ ...turn, audio: speakSwedish(turn.text) }));
  const total = spoken.reduce((n, t) => n + t.audio.length + Math.round(gap * RATE), Math.round(gap * RATE));
  const channels = Array.from({ length: channelCount }, () => new Float32Array(total));
  const placed: DialogueRecording['turns'] = [];
  let at = Math.round(gap * RATE);
  for (const { audio, ...turn } of spoken) {
    channels[turn.channel]!.set(audio, at);
    const audible = energyTruth(audio);
    placed.push({ ...turn, start: at / RATE + audible[0]!.start, end: at / RATE + audible.at(-1)!.end });
    at += audio.length + Math.round(gap * RATE);
  }
  channels.forEach((channel, c) => {
    const random = seededRandom(100 + c);
    for (let i = 0; i < channel.length; i++) channel[i]! += 0.002 * (random() - 0.5) * 2;
  });
  return { channels, turns: placed };
}
