import fs from 'node:fs';
import path from 'node:path';

/** The repository's root, for the CI checks in scripts/. */
export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The files below `dir` (repository-relative, forward slashes) whose path matches `keep` and not `skip`. */
export function sourceFiles(dir: string, keep: RegExp, skip: RegExp): string[] {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return [];
  return (fs.readdirSync(abs, { recursive: true }) as string[])
    .map((f) => path.join(dir, f).split(path.sep).join('/'))
    .filter((f) => keep.test(f) && !skip.test(f));
}
