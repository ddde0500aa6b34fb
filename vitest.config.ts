import { defineConfig } from 'vitest/config';

// One suite, run by `npm test`. Tests that need a Debian tool (ffmpeg,
// espeak-ng, chromium) or ../shared skip themselves with a message when it is
// absent; CI installs everything so there every test runs.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
