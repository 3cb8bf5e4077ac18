/**
 * The built app (out/) for the tests that check it: `npm test` runs the unit tests before its build step, so
 * a missing or stale out/ is built here, once — a lock folder keeps two test files from building at once.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BUILT = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'].map((f) => join(ROOT, f));

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds with `electron-vite build` when an output is missing or older than any of `sources`; throws a clear error if the build fails. */
export function ensureBuilt(sources: string[] = [], who = 'this test'): void {
  const newest = Math.max(0, ...sources.map((f) => statSync(f).mtimeMs));
  const needed = () => BUILT.some((f) => !existsSync(f) || statSync(f).mtimeMs < newest);
  if (!needed()) return;
  const lock = join(ROOT, 'test-results', '.build-lock');
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building (or a stale lock from a killed run, older than 5 minutes).
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`${who}: timed out waiting for another build of out/`);
      sleep(500);
    }
  }
  try {
    if (!needed()) return;
    execFileSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
  } catch (e) {
    const err = (e as { stderr?: Buffer }).stderr?.toString() ?? String(e);
    throw new Error(`${who} checks the built app, and \`npx electron-vite build\` failed:\n${err.slice(-2000)}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  for (const f of BUILT) if (!existsSync(f)) throw new Error(`${who}: the build did not produce ${f}`);
}
