// Worker entry. Plain JavaScript because a worker thread starts without the
// parent's TypeScript loader (vitest's or tsx's); it loads the typed worker
// through tsx's API, which the app already runs on.
import { tsImport } from 'tsx/esm/api';

await tsImport('./log-mel-worker.ts', import.meta.url);
