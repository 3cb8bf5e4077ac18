/** Shared helpers of the core store tests: temp folders that are removed afterwards, and a fresh store. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Db } from '../../electron/core/store/open';
import type { PlanPackage } from '../../electron/core/model/types';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { isUserError } from '../../electron/core/errors';

const dirs: string[] = [];

/** A new empty temp folder; call `removeTempDirs` in afterEach/afterAll. */
export function tempDir(prefix = 'skh-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh store in its own temp folder. */
export function tempStore(): { db: Db; path: string; dir: string } {
  const dir = tempDir();
  const path = join(dir, 'store.sqlite');
  return { db: openStore(path), path, dir };
}

/** The package's content as the exchange file writes it (store ids and key order do not matter). */
export function content(pkg: PlanPackage): string {
  return serializeExchange(pkg);
}

/** Expects `fn` to throw a UserError and returns its message. */
export function userErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (!isUserError(e)) throw e;
    return (e as Error).message;
  }
  throw new Error('expected a UserError, nothing was thrown');
}
