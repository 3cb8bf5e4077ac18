/**
 * End-to-end tests of the renderer against the loopback HTTP host, in Debian's Chromium
 * (never `playwright install`). Build the renderer first: `npm run build:web` (npm run test:e2e does).
 */
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
// PW_PORT lets several people (or agents) run the suite at once: each run gets its own port, store and outputs.
const PORT = Number(process.env.PW_PORT ?? 5183);
const RUN_DIR = process.env.PW_PORT ? `e2e-${PORT}` : 'e2e';

export default defineConfig({
  testDir: 'e2e',
  outputDir: resolve(repoRoot, `test-results/${RUN_DIR}-artifacts`),
  fullyParallel: false,
  workers: 1,
  // On CI one retry tells a flaky test (fails, then passes) from a broken one; run-all counts a flaky test as a
  // failure and names it, so a retry never hides one.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: resolve(repoRoot, process.env.PW_PORT ? `test-results/playwright-${PORT}.json` : 'test-results/playwright.json') }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node electron/cli/launch.mjs host --db test-results/${RUN_DIR}/store.sqlite --port ${PORT} --fresh`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
