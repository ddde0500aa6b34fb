/**
 * Entry point of `npm run eval -- <command> …`. Each command is a module whose
 * default export takes the remaining arguments and returns the exit code; it
 * is imported only when chosen, so one command's dependencies never slow
 * another down.
 */
import { z } from 'zod';

type CommandModule = { default: (argv: string[]) => Promise<number> };

const CommandModuleSchema = z.object({ default: z.function() });

/**
 * For a command whose module may be absent from a checkout: the specifier is
 * a variable so the registry typechecks without the file; a missing file is
 * reported as such instead of as a crash.
 */
async function optional(specifier: string): Promise<CommandModule> {
  let loaded: unknown;
  try {
    loaded = await import(specifier);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ERR_MODULE_NOT_FOUND' && err.message.includes(specifier.replace(/^\.\//, ''))) {
      throw new Error(`this command is not available: ${specifier}.ts is missing`);
    }
    throw e;
  }
  if (!CommandModuleSchema.safeParse(loaded).success) {
    throw new Error(`${specifier}.ts does not export a default run(argv) function`);
  }
  return loaded as CommandModule;
}

const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  notes: () => import('./cli/notes'),
  wer: () => import('./cli/wer'),
  grounding: () => optional('./cli/grounding'),
  'time-saved': () => import('./cli/time-saved'),
};

const USAGE = `usage: npm run eval -- <command> [options]
commands: ${Object.keys(COMMANDS).join(', ')}
run a command without options to see its usage`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const load = command === undefined ? undefined : COMMANDS[command];
  if (!load) {
    process.stderr.write(`${command === undefined ? 'error: no command' : `error: unknown command "${command}"`}\n${USAGE}\n`);
    return 2;
  }
  let module: CommandModule;
  try {
    module = await load();
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message.split('\n')[0]}\n`);
    return 1;
  }
  return module.default(rest);
}

process.exitCode = await main(process.argv.slice(2));
