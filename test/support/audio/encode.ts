import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Format fixtures made at test time from a WAV source, with the same tools a
 * user's recorder or phone would leave behind (ffmpeg's encoders, sox).
 */
function convert(tool: 'ffmpeg' | 'sox', source: Uint8Array, extension: string, args: (input: string, output: string) => string[]): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'jv-audio-fixture-'));
  try {
    const input = join(dir, 'source.wav');
    const output = join(dir, `out.${extension}`);
    writeFileSync(input, source);
    execFileSync(tool, args(input, output), { stdio: ['ignore', 'ignore', 'pipe'] });
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function ffmpegEncode(source: Uint8Array, extension: string, codecArgs: readonly string[]): Uint8Array {
  return convert('ffmpeg', source, extension, (input, output) => [
    '-nostdin', '-hide_banner', '-loglevel', 'error', '-i', input, ...codecArgs, '-y', output,
  ]);
}

export function soxEncode(source: Uint8Array, extension: string, soxArgs: readonly string[] = []): Uint8Array {
  return convert('sox', source, extension, (input, output) => [input, ...soxArgs, output]);
}

/** Every compressed format the app accepts, as ffmpeg writes them. */
export const COMPRESSED_FORMATS = [
  { name: 'MP3', extension: 'mp3', args: ['-c:a', 'libmp3lame', '-b:a', '96k'], format: 'mp3' },
  { name: 'M4A/AAC', extension: 'm4a', args: ['-c:a', 'aac', '-b:a', '96k'], format: 'mp4' },
  { name: 'AAC (ADTS)', extension: 'aac', args: ['-c:a', 'aac', '-b:a', '96k'], format: 'aac' },
  { name: 'OGG/Opus', extension: 'ogg', args: ['-c:a', 'libopus', '-b:a', '48k'], format: 'ogg' },
  { name: 'WebM/Opus', extension: 'webm', args: ['-c:a', 'libopus', '-b:a', '48k'], format: 'webm' },
] as const;
