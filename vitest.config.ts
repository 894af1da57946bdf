import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: everything that runs in this process (the engine, the model on small
 * scenarios, the experiment layer, tables, the dashboard's components, the commands called as
 * functions): `npm run test:unit`, the fast loop, needs no build. `integration` (files named *.integration.test.ts): tests that start
 * the built `livesim` binary, a Redis, a browser or a pseudo-terminal, and those that run whole
 * presets or many replicates of one (calibration, statistical laws over populations, fidelity).
 * `npm test` runs both.
 */
const shared = {
  // Child processes (Vitest's default, said here because it matters): a CLI test runs livesim in
  // a scratch directory with process.chdir, which worker threads may not call.
  pool: 'forks',
  // Both cores: many tests wait on processes they started (workers, a browser, a terminal).
  maxWorkers: 2,
  // Test files share a worker's modules (no test mocks or mutates them): the sources are
  // transformed and loaded once per worker, not once per file (a minute of the suite's time).
  isolate: false,
  testTimeout: 60_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    ...shared,
    projects: [
      { test: { ...shared, name: 'unit', include: ['test/**/*.test.ts', 'test/**/*.test.tsx'], exclude: ['test/**/*.integration.test.ts', '**/node_modules/**'] } },
      { test: { ...shared, name: 'integration', include: ['test/**/*.integration.test.ts'] } },
    ],
  },
});
