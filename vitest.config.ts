import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Both cores: many tests wait on processes they started (workers, a browser, a terminal).
    maxWorkers: 2,
    // Test files share a worker's modules (no test mocks or mutates them): the sources are
    // transformed and loaded once per worker, not once per file (a minute of the suite's time).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
