import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/core/**/*.test.ts', 'tests/renderer/*.test.ts', 'electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores (one, on a 2-core machine). Several suites mostly wait
    // (the crash loop on a child host, the CLI processes, LibreOffice), so one more worker than cores keeps both busy.
    maxWorkers: availableParallelism() + 1,
    // No retries: a test that needs one is flaky. If a test sets its own `retry`, the flaky reporter lists it
    // and `npm test` counts it as a failure.
    retry: 0,
    reporters: ['default', 'json', './tests/flaky-reporter.ts'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
