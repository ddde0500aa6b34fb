import { spawnSync } from 'node:child_process';
import { resample } from '../server/pipeline/audio/resample';
import { decodeWav } from '../server/pipeline/audio/wav';
import { energyTruth } from '../test/support/audio/espeak';
import { encodeWav, seededRandom, speechLikeSignal } from '../test/support/audio/signals';

/**
 * The benchmark's recording: a synthetic Swedish consultation at 48 kHz (so
 * the resampler does real work) with a set share of silence. Two espeak-ng
 * voices take turns; pauses of varying length (and a few long ones, as while
 * the doctor examines) make up the silence. All lines are invented.
 */

export const RECORDING_RATE = 48_000;

const DOCTOR = [
  'Hej och välkommen. Vad kan jag hjälpa dig med idag?',
  'Hur länge har du haft ont i bröstet, och kommer smärtan vid ansträngning?',
  'Har du haft feber, hosta eller andfåddhet den senaste veckan?',
  'Tar du några mediciner regelbundet, till exempel blodtrycksmedicin?',
  'Jag ska lyssna på hjärtat och lungorna nu. Andas lugnt genom munnen.',
  'Blodtrycket är hundratrettio över åttiofem och pulsen är regelbunden.',
  'Jag tar ett EKG och några blodprover, bland annat blodstatus och CRP.',
  'Om smärtan kommer tillbaka i vila ska du ringa hundratolv direkt.',
  'Vi bokar en ny tid om två veckor för att gå igenom provsvaren.',
];
const PATIENT = [
  'Jag har haft ont i bröstet i ungefär tre dagar, mest när jag går i trappor.',
  'Nej, ingen feber, men jag har hostat lite på morgnarna.',
  'Jag tar en tablett mot högt blodtryck varje morgon, och ibland värktablett.',
  'Det känns som ett tryck mitt i bröstet som går över när jag vilar.',
  'Min pappa hade hjärtinfarkt när han var sextio år.',
  'Jag röker inte längre, jag slutade för fem år sedan.',
  'Okej, det låter bra. Ska jag vara fastande till blodproverna?',
  'Tack så mycket, då ses vi om två veckor.',
];

interface Voice {
  variant: string;
  pitch: number;
  wordsPerMinute: number;
}
const VOICES: Voice[] = [
  { variant: 'sv', pitch: 35, wordsPerMinute: 165 },
  { variant: 'sv+f3', pitch: 65, wordsPerMinute: 150 },
];

export interface Consultation {
  /** 16-bit PCM WAV at 48 kHz, mono: the "uploaded file". */
  wav: Uint8Array;
  durationSeconds: number;
  /** Silence by an energy measure of the clean synthesis (espeak's own lead-in/out counts as silence). */
  silenceShare: number;
  source: 'espeak-ng' | 'speech-like signal (espeak-ng missing)';
}

let espeak: boolean | undefined;
export function hasEspeak(): boolean {
  if (espeak === undefined) {
    const probe = spawnSync('espeak-ng', ['--version']);
    espeak = !probe.error && probe.status === 0;
  }
  return espeak;
}

function speak(text: string, voice: Voice, speedDelta: number): Float32Array {
  const args = ['-v', voice.variant, '-p', String(voice.pitch), '-s', String(voice.wordsPerMinute + speedDelta), '--stdout', text];
  const result = spawnSync('espeak-ng', args, { maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error('espeak-ng failed');
  const pcm = decodeWav(new Uint8Array(result.stdout), 0, Infinity);
  return resample(pcm.channels[0]!, pcm.sampleRate, RECORDING_RATE);
}

/** Trim espeak's silent lead-in and tail, so pauses are exactly the ones we insert. */
function audible(samples: Float32Array): Float32Array {
  const at16k = resample(samples, RECORDING_RATE, 16_000);
  const regions = energyTruth(at16k);
  const first = regions[0];
  const last = regions.at(-1);
  if (!first || !last) return samples;
  return samples.slice(Math.floor(first.start * RECORDING_RATE), Math.ceil(last.end * RECORDING_RATE));
}

/** Turns alternate doctor/patient, cycling through the lines with a varied speaking rate. */
function speechTurns(seconds: number, speechShare: number): Float32Array[] {
  const turns: Float32Array[] = [];
  const cache = new Map<string, Float32Array>();
  let total = 0;
  for (let i = 0; total < seconds * speechShare; i++) {
    const doctor = i % 2 === 0;
    const lines = doctor ? DOCTOR : PATIENT;
    const line = lines[Math.floor(i / 2) % lines.length]!;
    const speed = [0, 12, -10][Math.floor(i / 17) % 3]!;
    const key = `${i % 2}:${speed}:${line}`;
    let turn = cache.get(key);
    if (!turn) {
      turn = hasEspeak() ? audible(speak(line, VOICES[i % 2]!, speed)) : speechLikeSignal(2 + (i % 5), RECORDING_RATE, 1 + (i % 2));
      cache.set(key, turn);
    }
    turns.push(turn);
    total += turn.length / RECORDING_RATE;
  }
  return turns;
}

/**
 * Builds the recording: speech turns until `speechShare` of `seconds` is
 * filled, then pauses between them that add up to the rest — most 0.5–2.5 s,
 * every seventh 6–10 s — and faint noise so silence is not digital zero.
 */
export function buildConsultation(seconds = 600, silenceShare = 0.3): Consultation {
  const turns = speechTurns(seconds, 1 - silenceShare);
  const random = seededRandom(42);
  // weights[0]: lead-in; weights[i]: the pause before turn i.
  const weights = turns.map((_, i) => (i === 0 ? 1 : i % 7 === 0 ? 6 + 4 * random() : 0.5 + 2 * random()));
  const speech = turns.reduce((n, t) => n + t.length, 0);
  const silence = Math.max(0, Math.round(seconds * RECORDING_RATE) - speech);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const samples = new Float32Array(speech + silence);
  let at = 0;
  turns.forEach((turn, i) => {
    at += Math.round((silence * weights[i]!) / weightSum);
    samples.set(turn.subarray(0, Math.max(0, samples.length - at)), at);
    at += turn.length;
  });
  const truth = energyTruth(resample(samples, RECORDING_RATE, 16_000));
  const audibleSeconds = truth.reduce((n, r) => n + r.end - r.start, 0);
  const noise = seededRandom(7);
  for (let i = 0; i < samples.length; i++) samples[i]! += 0.002 * (noise() - 0.5) * 2;
  return {
    wav: encodeWav([samples], RECORDING_RATE, 's16'),
    durationSeconds: samples.length / RECORDING_RATE,
    silenceShare: 1 - audibleSeconds / (samples.length / RECORDING_RATE),
    source: hasEspeak() ? 'espeak-ng' : 'speech-like signal (espeak-ng missing)',
  };
}
