/**
 * File size check for CI (`npm run lint`): no source file over 300 lines,
 * so a file stays one idea a reviewer can hold. Tests (test/, *.test.ts)
 * and generated code (Prisma clients, builds) are not counted; data that
 * grows (lexicons) is split by topic instead.
 *
 * Usage: tsx scripts/check-size.ts   (exit 1 with each long file listed)
 */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, sourceFiles } from './lib/source-files';

const SOURCES = ['server', 'client/src', 'evals', 'prompts', 'scripts', 'bench'];
const SKIP = /(^|\/)(node_modules|generated|dist)(\/|$)|\.test\.tsx?$|\.d\.ts$/;
const MAX_LINES = 300;

/**
 * Files another engineer is splitting right now (their area); each must
 * still be over the limit, so the list can only shrink. Empty it when they
 * land.
 */
const PENDING = new Set<string>([]);

const files = (dir: string) => sourceFiles(dir, /\.(ts|tsx|mjs|cjs|js)$/, SKIP);

const problems: string[] = [];
let count = 0;
for (const file of SOURCES.flatMap(files)) {
  count++;
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > MAX_LINES && !PENDING.has(file)) problems.push(`size: ${file} has ${lines} lines (at most ${MAX_LINES})`);
  if (lines <= MAX_LINES && PENDING.has(file)) problems.push(`size: ${file} is split (${lines} lines): remove it from PENDING in scripts/check-size.ts`);
}
for (const line of problems) console.log(line);
console.log(problems.length ? `${problems.length} problem(s) in ${count} source files.` : `File sizes: ${count} source files, none over ${MAX_LINES} lines.`);
process.exit(problems.length ? 1 : 0);
