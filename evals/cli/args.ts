/**
 * Shared helpers of the eval commands: argument parsing (node:util parseArgs
 * + zod), one-line errors, percent formatting, tables and a progress bar.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { EvalError } from '../datasets/errors';

/** Wrong command line: reported with the command's usage, exit code 2. */
export class UsageError extends EvalError {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<S extends z.ZodType>(argv: string[], options: Options, schema: S): z.infer<S> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = issue.path.length > 0 ? `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : 'arguments';
    throw new UsageError(`${flag}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Runs a command body and turns known errors into one line on stderr.
 * Unknown errors print their type and stack frames but not their message,
 * which could quote note or transcript text.
 */
export async function runCommand(usage: string, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`error: ${e.message}\n${usage}\n`);
      return 2;
    }
    if (e instanceof EvalError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    const err = e instanceof Error ? e : new Error('non-error thrown');
    const frames = (err.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at ')).join('\n');
    process.stderr.write(`error: unexpected ${err.name}\n${frames}\n`);
    return 1;
  }
}

/** A fraction as a percentage with two decimals (0.51763 → 51.76). */
export const percent = (x: number): number => Math.round(x * 10000) / 100;

export function formatTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => { widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  return rows
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
    .join('\n');
}

/** A progress bar on stderr, drawn only for people (TTY) and only in table mode. */
export function progressBar(total: number, enabled: boolean): { tick: () => void; done: () => void } {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY || total === 0) return { tick: () => {}, done: () => {} };
  let count = 0;
  const draw = () => {
    const width = 30;
    const filled = Math.round((count / total) * width);
    stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}/${total}`);
  };
  draw();
  return {
    tick: () => { count++; draw(); },
    done: () => stream.write('\r\x1b[K'),
  };
}
