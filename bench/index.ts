export {};

/**
 * `npm run bench -- <name> [<name> …]`: benchmarks print ratios measured side
 * by side in one run. They are not tests and never fail the suite.
 */
const benches: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  metrics: () => import('./metrics'),
  draft: () => import('./draft'),
  report: () => import('./report'),
  asr: () => import('./asr'),
  audio: () => import('./audio'),
  live: () => import('./live'),
  api: () => import('./api'),
};

const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
if (names.length === 0 || names.some((n) => !(n in benches))) {
  console.error(`usage: npm run bench -- <${Object.keys(benches).join('|')}> …`);
  process.exit(2);
}
for (const name of names) {
  console.log(`\n── bench: ${name} ──`);
  await (await benches[name]!()).run();
}
