/**
 * `npm run report -- --from 2026-01-01 --to 2026-06-30 --format xlsx|md [--out file]`
 * Builds the same follow-up report as the dashboard's export button, against
 * the database in DATABASE_URL (read from the environment like the server).
 * Exit codes: 0 written, 1 error, 2 usage, 78 bad environment.
 */
import { svNumber } from '../contracts/sv-number';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { compose } from '../compose';
import { AppError } from '../errors';
import { EnvError, loadEnv } from '../env';
import { createLogger } from '../logger';
import { buildReport, checkPeriod, ReportQuerySchema } from '../modules/followup/reports/jobs';

const USAGE = 'användning: npm run report -- --from ÅÅÅÅ-MM-DD --to ÅÅÅÅ-MM-DD --format xlsx|md [--out fil]';

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } }, strict: true }).values;
  } catch {
    console.error(USAGE);
    return 2;
  }
  const parsed = ReportQuerySchema.extend({ out: z.string().min(1).optional() }).safeParse(args);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
    console.error(USAGE);
    return 2;
  }
  let env;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      return 78;
    }
    throw error;
  }
  const { deps, close } = await compose(env, createLogger(env.LOG_LEVEL === 'debug' ? 'debug' : 'warn'));
  try {
    checkPeriod(parsed.data, '--from');
    const started = Date.now();
    const report = await buildReport(deps, parsed.data);
    const out = parsed.data.out ?? report.filename;
    fs.writeFileSync(out, report.body);
    console.log(`Skrev ${out} (${svNumber(report.body.length, 0)} byte) på ${svNumber((Date.now() - started) / 1000, 1, true)} s`);
    return 0;
  } catch (error) {
    console.error(error instanceof AppError ? `${error.title}: ${error.detail ?? ''}` : `Rapporten kunde inte skapas (${error instanceof Error ? error.name : 'fel'}).`);
    return 1;
  } finally {
    await close();
  }
}

process.exitCode = await main(process.argv.slice(2));
