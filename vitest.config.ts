import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    env: { TZ: 'UTC', NO_COLOR: '1' },
    testTimeout: 30_000,
    // Vitest's default (one worker fewer than the cores) runs every file in turn on 2 cores, yet
    // the slowest files mostly wait on child processes and a browser: two at once on 2 cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
