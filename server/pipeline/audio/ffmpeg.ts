import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PipelineError } from '../errors';
import { corrupt, overLimit } from './audio-error';
import type { AudioFormat } from './formats';
import type { NativePcm } from './pcm';
import { decodeWav } from './wav';

export interface FfmpegOptions {
  ffmpegPath: string;
  mono: boolean;
  maxSeconds: number;
  signal?: AbortSignal;
}

const OUTPUT_RATE = 16000;

function ffmpegMissing(format: AudioFormat, ffmpegPath: string): PipelineError {
  return new PipelineError('ffmpeg_missing', {
    message: `Formatet ${format.toUpperCase()} kräver programmet ffmpeg, som saknas på servern. WAV och FLAC kan läsas utan ffmpeg.`,
    detail: `Decoding ${format} needs ffmpeg, which was not found at '${ffmpegPath}'. Install the ffmpeg package or upload WAV/FLAC.`,
  });
}

/**
 * Decode a compressed recording with ffmpeg into 16 kHz float samples.
 *
 * The input goes through a private temporary file rather than stdin because
 * MP4/M4A files usually keep their index at the end and need a seekable
 * input. The output is WAV (32-bit float) on stdout, so the channel count
 * travels with the samples. ffmpeg's stderr is discarded: it names files and
 * tags, which may identify a patient, and the exit status is all we act on.
 */
export async function decodeWithFfmpeg(bytes: Uint8Array, format: AudioFormat, options: FfmpegOptions): Promise<NativePcm> {
  const dir = await mkdtemp(join(tmpdir(), 'journalverkstan-audio-'));
  try {
    const input = join(dir, 'input');
    await writeFile(input, bytes, { mode: 0o600 });
    const wav = await runFfmpeg(input, format, options);
    return decodeWav(wav, 0, options.maxSeconds);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function runFfmpeg(input: string, format: AudioFormat, options: FfmpegOptions): Promise<Uint8Array> {
  const args = [
    '-nostdin', '-hide_banner', '-loglevel', 'error',
    '-i', input,
    '-map', '0:a:0', '-vn',
    '-ar', String(OUTPUT_RATE),
    ...(options.mono ? ['-ac', '1'] : []),
    '-c:a', 'pcm_f32le', '-f', 'wav', 'pipe:1',
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(options.ffmpegPath, args, { stdio: ['ignore', 'pipe', 'ignore'], signal: options.signal });
    const chunks: Buffer[] = [];
    let received = 0;
    let limit = Infinity;
    let failure: Error | undefined;

    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (limit === Infinity && received >= 24) {
        // ffmpeg writes the fmt chunk first: the channel count sits at byte 22.
        const channels = Buffer.concat(chunks).readUInt16LE(22) || 1;
        limit = 4096 + options.maxSeconds * OUTPUT_RATE * 4 * channels;
      }
      if (received > limit && !failure) {
        failure = overLimit(options.maxSeconds);
        child.kill('SIGKILL');
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') failure ??= ffmpegMissing(format, options.ffmpegPath);
      else if (error.name === 'AbortError') failure ??= options.signal?.reason ?? error;
      else failure ??= corrupt(format.toUpperCase(), `ffmpeg could not be started (${error.code ?? error.name})`);
    });
    child.on('close', (code) => {
      if (failure) reject(failure);
      else if (code !== 0) reject(corrupt(format.toUpperCase(), `ffmpeg exited with code ${code} (no decodable audio stream)`));
      else resolve(Buffer.concat(chunks));
    });
  });
}
