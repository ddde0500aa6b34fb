/**
 * Import graph check for CI (`npm run lint`): no import loops, type-only
 * imports included (a loop of types is still a loop of concepts), and no
 * arrow from a lower layer to a higher one. Reads relative imports with
 * TypeScript's own pre-parser, so it needs no build and no extra package.
 *
 * Usage: tsx scripts/check-imports.ts   (exit 1 with each loop and arrow listed)
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT, sourceFiles } from './lib/source-files';

const SOURCES = ['server', 'client/src', 'evals', 'prompts'];
const SKIP = /(^|\/)(node_modules|generated|dist)(\/|$)|\.d\.ts$/;

/**
 * Layers, lowest first: a file may import its own layer or lower ones. The
 * pipeline (audio, ASR, drafting) knows nothing of HTTP, jobs, modules or the
 * app's errors, and inside it the model runtime and audio sit below ASR, LLM
 * and drafting;
 * evals know nothing of the server's app; the client reaches the server only
 * for shared contracts.
 */
const FORBIDDEN: Array<{ from: RegExp; to: RegExp; why: string }> = [
  {
    from: /^server\/pipeline\//,
    to: /^server\/(modules|http|jobs|routes|app|deps|compose|errors|db|storage|events|env|logger)\b/,
    why: 'the pipeline must not know the app: it throws PipelineError, which the app maps to jobs and HTTP',
  },
  { from: /^server\/pipeline\/(runtime|audio)\//, to: /^server\/pipeline\/(asr|llm|draft)\//, why: 'model runtime and audio sit below the capabilities that use them' },
  { from: /^server\/pipeline\/runtime\//, to: /^server\/pipeline\/audio\//, why: 'the model runtime knows nothing of audio' },
  { from: /^evals\//, to: /^server\/(modules|http|jobs|routes|app|deps|compose)\b/, why: 'metrics must not know the app' },
  { from: /^client\//, to: /^server\/(?!contracts\/)/, why: 'the client shares only server/contracts' },
  {
    from: /^(server|evals\/(cli|validation|datasets))\//,
    to: /^evals\/metrics\/[^/]+\/(?!index\.ts$)/,
    why: 'a metric folder (the grounding checker) is reached through its index.ts, not its internals',
  },
];

const files = (dir: string) => sourceFiles(dir, /\.(ts|tsx)$/, SKIP);

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base.replace(/\.js$/, '.ts')]) {
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  return null;
}

const graph = new Map<string, string[]>();
for (const file of SOURCES.flatMap(files)) {
  const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  graph.set(file, importedFiles.map((i) => resolve(file, i.fileName)).filter((f): f is string => f !== null && /\.(ts|tsx)$/.test(f)));
}

const problems: string[] = [];
for (const [from, targets] of graph) {
  for (const to of targets) {
    const rule = FORBIDDEN.find((r) => r.from.test(from) && r.to.test(to));
    if (rule) problems.push(`layer: ${from} → ${to} (${rule.why})`);
  }
}

// Loops: Tarjan's strongly connected components; every component of more than one file is a loop.
let index = 0;
const order = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
function visit(v: string): void {
  order.set(v, index);
  low.set(v, index++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue;
    if (!order.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
  }
  if (low.get(v) === order.get(v)) {
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) problems.push(`loop: ${component.sort().join(' ↔ ')}`);
  }
}
for (const v of graph.keys()) if (!order.has(v)) visit(v);

for (const line of problems) console.log(line);
console.log(problems.length ? `${problems.length} problem(s) in the import graph of ${graph.size} files.` : `Import graph: ${graph.size} files, no loops, no upward arrows.`);
process.exit(problems.length ? 1 : 0);
