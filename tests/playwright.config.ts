/**
 * End-to-end tests of the renderer against the loopback HTTP host, in Debian's Chromium
 * (never `playwright install`). Build the renderer first: `npm run build:web` (npm run test:e2e does).
 */
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const PORT = 5183;

export default defineConfig({
  testDir: 'e2e',
  outputDir: resolve(repoRoot, 'test-results/e2e-artifacts'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: resolve(repoRoot, 'test-results/playwright.json') }]],
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
    command: `npx tsx electron/cli/host.ts --db test-results/e2e/store.sqlite --port ${PORT} --fresh`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
