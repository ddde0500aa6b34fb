import { spawnSync } from 'node:child_process';

const VERSION_FLAGS: Record<string, string> = { ffmpeg: '-version', sox: '--version', 'espeak-ng': '--version' };

/** Whether a Debian tool the audio tests need is on PATH. */
export function hasTool(name: 'ffmpeg' | 'sox' | 'espeak-ng'): boolean {
  const result = spawnSync(name, [VERSION_FLAGS[name]!], { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** True when every tool is present; otherwise prints which are missing, for the skip message. */
export function toolsAvailable(suite: string, ...names: Array<'ffmpeg' | 'sox' | 'espeak-ng'>): boolean {
  const missing = names.filter((n) => !hasTool(n));
  if (missing.length > 0) {
    console.warn(`[${suite}] skipped: missing Debian tool(s) ${missing.join(', ')} (apt-get install ${missing.join(' ')})`);
  }
  return missing.length === 0;
}
