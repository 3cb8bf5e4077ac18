/** One writer per store: the lock file, stale takeover, and the CLI refusing to write while the app holds the store. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireStoreLock, lockFileFor, readStoreLock, StoreLockedError, waitForStoreLock, type LockInfo } from '../../electron/core/store/lock';
import { runCli } from '../../electron/cli/main';
import { openStore } from '../../electron/core/store/open';
import { listPlans } from '../../electron/core/store/plans';
import { removeTempDirs, tempDir } from './helpers';

const children: ChildProcess[] = [];

afterEach(() => {
  // Only our own children, by their pid.
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  removeTempDirs();
});

/** A pid that is surely not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}

/** A live process of ours (not this one) that can be named as a lock's holder. */
async function liveChild(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((r) => child.once('spawn', r));
  return child;
}

function writeLock(storePath: string, info: Partial<LockInfo>): void {
  writeFileSync(lockFileFor(storePath), JSON.stringify({ pid: 1, host: hostname(), startedAt: '2025-03-12T08:15:00.000Z', kind: 'app', ...info }));
}

describe('store lock', () => {
  it('a second acquire is refused with a message naming the holder; release lets the next one in', () => {
    const store = join(tempDir(), 'store.sqlite');
    const release = acquireStoreLock(store, 'app');
    const held = readStoreLock(store)!;
    expect(held).toMatchObject({ pid: process.pid, host: hostname(), kind: 'app' });
    let error: unknown;
    try {
      acquireStoreLock(store, 'cli');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toMatch(
      new RegExp(`^store\\.sqlite: Soạn Kế hoạch is already open on this data file \\(process ${process.pid}, since \\d\\d:\\d\\d \\d\\d/\\d\\d/\\d{4}\\)\\. Close it first\\.$`),
    );
    release();
    expect(existsSync(lockFileFor(store))).toBe(false);
    release(); // twice is harmless
    const again = acquireStoreLock(store, 'cli');
    expect(readStoreLock(store)?.kind).toBe('cli');
    again();
  });

  it('a stale lock (its process is gone) is taken over', async () => {
    const store = join(tempDir(), 'store.sqlite');
    writeLock(store, { pid: await deadPid() });
    const release = acquireStoreLock(store, 'app');
    expect(readStoreLock(store)?.pid).toBe(process.pid);
    release();
    // Our own pid in a lock this process did not take: an earlier process that had the same pid.
    writeLock(store, { pid: process.pid });
    acquireStoreLock(store, 'app')();
    // Garbage that has been there a while is stale too.
    writeFileSync(lockFileFor(store), '');
    const old = new Date(Date.now() - 60_000);
    const { utimesSync } = await import('node:fs');
    utimesSync(lockFileFor(store), old, old);
    acquireStoreLock(store, 'app')();
    expect(existsSync(lockFileFor(store))).toBe(false);
  });

  it("a live process's lock and another computer's lock are respected", async () => {
    const store = join(tempDir(), 'store.sqlite');
    const child = await liveChild();
    writeLock(store, { pid: child.pid!, kind: 'cli' });
    expect(() => acquireStoreLock(store, 'app')).toThrow(new RegExp(`the command line is writing to this data file \\(process ${child.pid},`));
    writeLock(store, { pid: 1234, host: 'PHONG-KH-01' });
    expect(() => acquireStoreLock(store, 'app')).toThrow(/process 1234 on the computer "PHONG-KH-01".*delete store\.sqlite\.lock/);
    // Released by its holder, not by a refused one.
    expect(readStoreLock(store)?.host).toBe('PHONG-KH-01');
  });

  it('release removes only its own lock', () => {
    const store = join(tempDir(), 'store.sqlite');
    const release = acquireStoreLock(store, 'app');
    writeLock(store, { pid: 4321, host: 'elsewhere' }); // someone took it over meanwhile
    release();
    expect(readStoreLock(store)?.pid).toBe(4321);
  });

  it('waitForStoreLock waits for a release, then refuses after its timeout', async () => {
    const store = join(tempDir(), 'store.sqlite');
    const release = acquireStoreLock(store, 'app');
    setTimeout(release, 150);
    const started = Date.now();
    const mine = await waitForStoreLock(store, 'cli', { timeoutMs: 2000, pollMs: 20 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    await expect(waitForStoreLock(store, 'cli', { timeoutMs: 100, pollMs: 20 })).rejects.toThrow(/command line is writing/);
    mine();
  });
});

describe('the CLI and the lock', () => {
  it('refuses an import while another live process holds the store, reads meanwhile, and imports after release', async () => {
    const dir = tempDir();
    const db = join(dir, 'store.sqlite');
    const lines: string[] = [];
    const cli = (...argv: string[]) => runCli([...argv, '--db', db], (l) => lines.push(l));
    const sample = join(dir, 'sample.json');
    await cli('sample', sample);

    const child = await liveChild();
    writeLock(db, { pid: child.pid! });
    const started = Date.now();
    await expect(cli('import', sample)).rejects.toThrow(`Soạn Kế hoạch is already open on this data file (process ${child.pid}, since`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2500); // it waited a little first
    // A broken file is refused for what it is, not for the lock: the file is read before the lock is waited for.
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "format": ');
    await expect(cli('import', broken)).rejects.toThrow(/broken\.json: not valid JSON/);
    // Nothing was written; reading needs no lock.
    lines.length = 0;
    await cli('list');
    expect(lines).toEqual([]);
    expect(readStoreLock(db)?.pid).toBe(child.pid); // the holder's lock is untouched

    // Held by this process (the app in-process): refused too; released, the import goes through.
    rmSync(lockFileFor(db));
    const release = acquireStoreLock(db, 'app');
    await expect(cli('import', sample)).rejects.toThrow(StoreLockedError);
    release();
    await cli('import', sample);
    expect(lines.at(-1)).toMatch(/^\d+$/);
    expect(existsSync(lockFileFor(db))).toBe(false);

    // A holder killed without releasing leaves its lock behind: stale, taken over.
    writeLock(db, { pid: child.pid! });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    await cli('import', sample);
    expect(lines.at(-1)).toMatch(/^\d+$/);
    expect(existsSync(lockFileFor(db))).toBe(false);
    const store = openStore(db);
    expect(listPlans(store)).toHaveLength(2);
    store.close();
  }, 30_000);

  it('the lock file is JSON naming the holder', () => {
    const store = join(tempDir(), 'store.sqlite');
    const release = acquireStoreLock(store, 'cli');
    const raw = JSON.parse(readFileSync(lockFileFor(store), 'utf8'));
    expect(Object.keys(raw).sort()).toEqual(['host', 'kind', 'pid', 'startedAt']);
    expect(new Date(raw.startedAt).getTime()).toBeLessThanOrEqual(Date.now());
    release();
  });
});
