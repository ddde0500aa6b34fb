import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * Real server processes (`server/main.ts`, `server/worker.ts`) for tests of
 * several processes: each with its own environment, its output collected
 * (never printed), killable like a crashed machine.
 */
const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface ServerProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  output(): string;
  /** resolves with the first match of `pattern` in the output */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  /** SIGTERM, then SIGKILL after 10 s */
  stop(): Promise<void>;
}

export function spawnServer(name: string, script: 'main' | 'worker', env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', `${script}.ts`)], {
    cwd: ROOT,
    // Only what the server needs: nothing of the test runner's environment leaks in.
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    name,
    child,
    pid: child.pid!,
    output: () => out,
    exited,
    async waitFor(pattern, timeoutMs = 60_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const match = pattern.exec(out);
        if (match) return match;
        if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}) before ${pattern}:\n${out.slice(-2000)}`);
        if (Date.now() > end) throw new Error(`${name}: no ${pattern} within ${timeoutMs} ms:\n${out.slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
