/**
 * `npm test`: lint (with the layering rule), typecheck, dead code (knip), the core's vitest suite, the build, and the
 * Playwright end-to-end suite in Debian's Chromium (and, with SOAN_FRESH_INSTALL=1 as CI sets it, a fresh clone installed
 * with npm 12 that must open a store). Runs every stage even after a failure, then prints
 * one line for the whole run, `N passed, N failed`, and exits non-zero if anything failed. A test that passed only
 * on a retry (Playwright's `flaky`, vitest's retry) counts as failed and is named in the summary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TYPECHECK_PROJECTS } from './typecheck';
import { VITEST_FLAKY_FILE } from './flaky-reporter';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
/** Tests that passed only on a retry: counted as failures, named at the end. */
const flaky: string[] = [];

function stage(name: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  if (!ok) console.log(`=== ${name} FAILED (exit ${r.status ?? r.signal})`);
  return ok;
}

/** Lint, typecheck and build count as one check each. */
function check(name: string, command: string, args: string[]): boolean {
  const ok = stage(name, command, args);
  if (ok) passed++;
  else failed++;
  return ok;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

mkdirSync(results, { recursive: true });
// CI (.ci/run) also installs a fresh clone with npm 12 and opens a store: one check, like lint.
if (process.env.SOAN_FRESH_INSTALL === '1') check('fresh install (npm 12)', 'bash', [join(root, '.ci', 'fresh-install')]);
check('lint', bin('eslint'), ['.']);
for (const project of TYPECHECK_PROJECTS) check(`typecheck ${project}`, bin('tsc'), ['--noEmit', '-p', project]);
// Dead exports, unused files and unlisted or unused dependencies (knip.json: the electron-vite, CLI, test, bench and
// build entries). Reads the sources only: offline, about 10 s.
check('dead code (knip)', bin('knip'), ['--no-progress']);

const vitestJson = join(results, 'vitest.json');
const vitestFlaky = join(root, VITEST_FLAKY_FILE);
rmSync(vitestJson, { force: true });
rmSync(vitestFlaky, { force: true });
const unitOk = stage('unit (vitest)', bin('vitest'), ['run', '--config', 'tests/vitest.config.ts']);
const unit = readJson<{ numPassedTests: number; numFailedTests: number }>(vitestJson);
if (unit) {
  // vitest counts a test that passed on its retry as passed; here it is a failure.
  const unitFlaky = readJson<string[]>(vitestFlaky) ?? [];
  flaky.push(...unitFlaky.map((t) => `unit: ${t}`));
  passed += unit.numPassedTests - unitFlaky.length;
  failed += unit.numFailedTests + unitFlaky.length;
}
if (!unitOk && (!unit || unit.numFailedTests === 0)) failed++; // the run itself broke (e.g. a file failed to load)

if (check('build (electron-vite)', bin('electron-vite'), ['build'])) {
  const e2eJson = join(results, 'playwright.json');
  rmSync(e2eJson, { force: true });
  const e2eOk = stage('end-to-end (playwright, chromium)', bin('playwright'), ['test', '--config', 'tests/playwright.config.ts']);
  type Suite = { title: string; specs?: Array<{ title: string; tests: Array<{ status: string }> }>; suites?: Suite[] };
  const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number }; suites: Suite[] }>(e2eJson);
  if (e2e) {
    // A test that passed only on its retry (CI allows one) is a failure of flakiness: counted as failed and named.
    passed += e2e.stats.expected;
    failed += e2e.stats.unexpected + e2e.stats.flaky;
    const walk = (suite: Suite) => {
      for (const spec of suite.specs ?? []) if (spec.tests.some((t) => t.status === 'flaky')) flaky.push(`e2e: ${suite.title} › ${spec.title}`);
      for (const child of suite.suites ?? []) walk(child);
    };
    e2e.suites.forEach(walk);
  }
  if (!e2eOk && (!e2e || e2e.stats.unexpected === 0)) failed++;
}

if (flaky.length) console.log(`\nFailed as flaky (passed only on a retry):\n  ${flaky.join('\n  ')}`);
console.log(`\n${passed} passed, ${failed} failed${flaky.length ? ` (${flaky.length} of them flaky)` : ''}`);
process.exit(failed > 0 ? 1 : 0);
