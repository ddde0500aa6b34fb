import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { WhisperDims } from '../test/support/synthetic/whisper-graphs';
import { writeSyntheticGgml } from './asr-ggml';

/**
 * whisper.cpp on the same 30 s of audio as our pipeline, through the
 * prebuilt npm binding `@napi-rs/whisper` (a devDependency; its Linux x64
 * build uses AVX-512, which not every CPU has), in a child process: its
 * `full()` blocks the event loop. The model is a synthetic GGML file of the
 * same size (`asr-ggml.ts`) that emits the same number of tokens per window.
 *
 * whisper.cpp reports no stage times through the binding, so they come from
 * two kinds of runs on the same window, alternated: the whole window (all
 * tokens, then end-of-text) and one stopped after two tokens (`max_tokens`).
 * Per token = the difference / the extra steps; "mel + encoder" = the short
 * run less its decoder steps.
 */

export type WhisperCppResult =
  | { ok: true; perWindowMs: number; encoderMs: number; perTokenMs: number; tokens: number; loadMs: number; rssMb: number; modelMb: number; text: string }
  | { ok: false; reason: string };

const ChildOutput = z.object({
  loadMs: z.number(),
  full: z.array(z.number()).min(1),
  short: z.array(z.number()).min(1),
  text: z.string(),
  rssMb: z.number(),
});

const CHILD = fileURLToPath(new URL('./asr-whispercpp-child.cjs', import.meta.url));
const SHORT_STEPS = 2;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Why whisper.cpp cannot run here, or null when it can. */
export function whisperCppMissing(): string | null {
  try {
    createRequire(CHILD).resolve('@napi-rs/whisper');
  } catch {
    return '@napi-rs/whisper is not installed (npm ci installs it as a devDependency)';
  }
  if (process.platform !== 'linux' && process.platform !== 'darwin') return `no prebuilt @napi-rs/whisper for ${process.platform}`;
  if (process.platform === 'linux' && process.arch === 'x64') {
    const cpu = readFileSync('/proc/cpuinfo', 'utf8');
    if (!/\bavx512f\b/.test(cpu)) return "this CPU has no AVX-512, which @napi-rs/whisper's Linux build needs (whisper.cpp not measured)";
  }
  return null;
}

/**
 * Measures whisper.cpp on `samples` (16 kHz, ≤ 30 s) with a synthetic GGML
 * model of `dims` that decodes `tokens` tokens per window (end-of-text
 * included), `repeats` times each kind of run.
 */
export async function measureWhisperCpp(options: {
  dir: string;
  dims: WhisperDims;
  tokens: number;
  samples: Float32Array;
  repeats: number;
  timeoutMs: number;
}): Promise<WhisperCppResult> {
  const missing = whisperCppMissing();
  if (missing) return { ok: false, reason: missing };
  const model = path.join(options.dir, 'ggml-synthetic.bin');
  const audio = path.join(options.dir, 'window.f32');
  try {
    const bytes = await writeSyntheticGgml(model, options.dims, options.tokens - 1);
    await writeFile(audio, new Uint8Array(options.samples.buffer, options.samples.byteOffset, options.samples.byteLength));
    const out = await runChild([model, audio, String(options.repeats)], options.timeoutMs);
    const parsed = ChildOutput.safeParse(JSON.parse(out.trim().split('\n').at(-1) ?? 'null'));
    if (!parsed.success) return { ok: false, reason: `whisper.cpp child gave no figures: ${out.slice(-300)}` };
    const { full, short } = parsed.data;
    const perTokenMs = (median(full) - median(short)) / (options.tokens - SHORT_STEPS);
    return {
      ok: true,
      perWindowMs: median(full),
      encoderMs: median(short) - SHORT_STEPS * perTokenMs,
      perTokenMs,
      tokens: options.tokens,
      loadMs: parsed.data.loadMs,
      rssMb: parsed.data.rssMb,
      modelMb: bytes / 1e6,
      text: parsed.data.text,
    };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await rm(model, { force: true });
    await rm(audio, { force: true });
  }
}

function runChild(args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(stdout);
      else reject(new Error(`whisper.cpp child ${signal ? `killed (${signal}, timeout ${timeoutMs / 1000} s)` : `exited ${code}`}: ${stderr.slice(-400)}`));
    });
  });
}
