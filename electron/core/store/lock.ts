/**
 * One writer per store. The app (or the browser host) holds `<store>.lock` for as long as it runs; the CLI holds it
 * while a write command runs. The file is created with the `wx` flag (fails if it exists), so two processes can never
 * both create it, and it says who holds it: `{ pid, host, startedAt, kind }`.
 *
 * A lock left by a process that is gone (killed, crashed, power cut) is stale: on this computer, a pid that no longer
 * runs (`process.kill(pid, 0)` throws ESRCH) is taken over. A lock from another computer (a store on a shared drive)
 * cannot be checked and is respected; the message says which computer holds it.
 * Readers need no lock: WAL lets them read while the holder writes.
 */
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { basename, dirname } from 'node:path';
import { UserError, type ErrorParams } from '../errors';
import { realPathOf } from '../files/safe-write';

export type LockKind = 'app' | 'cli';

export interface LockInfo {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  startedAt: string;
  kind: LockKind;
}

/** The store is locked by another holder (a UserError: its message names the holder). */
export class StoreLockedError extends UserError {
  constructor(
    message: string,
    readonly holder: LockInfo | null,
    coded?: { code: string; params: ErrorParams },
  ) {
    super(message, [], coded);
    this.name = 'StoreLockedError';
  }
}

/** Releases the lock (once; later calls do nothing). */
export type ReleaseLock = () => void;

/** A lock file that holds nothing readable yet is being written by its creator, unless it is older than this. */
const UNREADABLE_GRACE_MS = 10_000;

/**
 * The lock file beside the store's real file: symbolic links and `..` resolved first, so a link to the store (or
 * another spelling of its path) finds the same lock instead of taking a second one.
 */
export function lockFileFor(storePath: string): string {
  return `${realPathOf(storePath)}.lock`;
}

/** Lock files this process holds (a second acquire in the same process is refused too). */
const heldHere = new Map<string, LockInfo>();

function parseLock(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && Number.isInteger(v.pid) && v.pid > 0 && typeof v.host === 'string' && typeof v.startedAt === 'string' && (v.kind === 'app' || v.kind === 'cli')) {
      return { pid: v.pid, host: v.host, startedAt: v.startedAt, kind: v.kind };
    }
  } catch {
    // Unreadable: handled by the caller.
  }
  return null;
}

/** Who holds the store's lock, or null when nobody does (or the file cannot be read). */
export function readStoreLock(storePath: string): LockInfo | null {
  try {
    return parseLock(readFileSync(lockFileFor(storePath), 'utf8'));
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Whether the lock file at `file` (holding `text`) belongs to a holder that is still there. */
function isLive(file: string, text: string): boolean {
  const info = parseLock(text);
  if (!info) {
    // Created but not yet written, or written by a process that died right then.
    try {
      return Date.now() - statSync(file).mtimeMs < UNREADABLE_GRACE_MS;
    } catch {
      return false;
    }
  }
  if (info.host !== hostname()) return true;
  // Our own pid: live only if this very process took it (otherwise an earlier process had the same pid).
  if (info.pid === process.pid) return heldHere.get(file)?.startedAt === info.startedAt;
  return processAlive(info.pid);
}

function formatSince(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())} ${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()}`;
}

/** The refusal, naming the holder. */
export function lockHeldMessage(storePath: string, info: LockInfo | null): string {
  const name = basename(storePath);
  if (!info) return `${name}: another Soạn Kế hoạch is opening this data file right now. Try again in a moment.`;
  const where = info.host === hostname() ? `process ${info.pid}` : `process ${info.pid} on the computer "${info.host}"`;
  const since = formatSince(info.startedAt);
  const remote =
    info.host === hostname() ? '' : ` If that computer is no longer running it, delete ${basename(lockFileFor(storePath))} beside the data file.`;
  if (info.kind === 'cli') {
    return `${name}: the command line is writing to this data file (${where}, since ${since}). Wait for it to finish, then try again.${remote}`;
  }
  return `${name}: Soạn Kế hoạch is already open on this data file (${where}, since ${since}). Close it first.${remote}`;
}

/** The refusal's code and params, for the UI's own translation of lockHeldMessage. */
export function lockHeldCode(storePath: string, info: LockInfo | null): { code: string; params: ErrorParams } {
  const file = basename(storePath);
  if (!info) return { code: 'store.lockBusy', params: { file } };
  const params = { file, pid: info.pid, host: info.host, since: formatSince(info.startedAt), lockFile: basename(lockFileFor(storePath)) };
  const remote = info.host !== hostname();
  if (info.kind === 'cli') return remote ? { code: 'store.lockedByCliRemote', params } : { code: 'store.lockedByCli', params };
  return remote ? { code: 'store.lockedRemote', params } : { code: 'store.locked', params };
}

function writeLockFile(file: string, info: LockInfo): void {
  const fd = openSync(file, 'wx');
  try {
    writeSync(fd, JSON.stringify(info));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Takes the store's lock for this process or throws a UserError naming who holds it. A stale lock is taken over.
 * Returns the release function; the lock is also released when the process exits normally.
 */
export function acquireStoreLock(storePath: string, kind: LockKind): ReleaseLock {
  const file = lockFileFor(storePath);
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (e) {
    throw UserError.coded(
      'store.cannotCreateFolder',
      { file: basename(storePath), folder: dirname(file), detail: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
      `${basename(storePath)}: cannot create the folder ${dirname(file)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`,
    );
  }
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), kind };
  // A few rounds: each either takes the lock, finds it live, or clears a stale one and tries again.
  for (let round = 0; round < 5; round++) {
    try {
      writeLockFile(file, info);
      return holdLock(file, info);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
          throw UserError.coded(
            'store.folderReadOnly',
            { file: basename(storePath), folder: dirname(file), detail: code },
            `${basename(storePath)}: the data folder is read-only: ${dirname(file)} (${code}). Soạn Kế hoạch needs to write there.`,
          );
        }
        if (code === 'ENOSPC') throw UserError.coded('store.diskFull', { file: basename(storePath) }, `${basename(storePath)}: the disk is full. Free some space, then start again.`);
        throw e;
      }
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // Released meanwhile.
    }
    if (isLive(file, text)) {
      const holder = parseLock(text);
      throw new StoreLockedError(lockHeldMessage(storePath, holder), holder, lockHeldCode(storePath, holder));
    }
    clearStale(file, text);
  }
  const holder = readStoreLock(storePath);
  throw new StoreLockedError(lockHeldMessage(storePath, holder), holder, lockHeldCode(storePath, holder));
}

/**
 * Moves a stale lock out of the way. Renaming is atomic, so of two processes clearing the same stale lock only one
 * moves it; if what was moved turns out to be a fresh lock another process has just taken, it is put back.
 */
function clearStale(file: string, staleText: string): void {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    renameSync(file, aside);
  } catch {
    return; // Someone else moved or released it.
  }
  let moved = '';
  try {
    moved = readFileSync(aside, 'utf8');
  } catch {
    // Gone: nothing to put back.
  }
  if (moved !== staleText) {
    try {
      linkSync(aside, file); // Fails if a lock exists again: then that one stands.
    } catch {
      // Keep whatever holds the name now.
    }
  }
  rmSync(aside, { force: true });
}

function holdLock(file: string, info: LockInfo): ReleaseLock {
  heldHere.set(file, info);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    heldHere.delete(file);
    // Only our own lock is removed: after a takeover the file may be someone else's.
    try {
      const now = parseLock(readFileSync(file, 'utf8'));
      if (now && now.pid === info.pid && now.startedAt === info.startedAt && now.host === info.host) unlinkSync(file);
    } catch {
      // Already gone.
    }
  };
  process.on('exit', release);
  return release;
}

/**
 * Like acquireStoreLock, but while the lock is live it tries again for up to `timeoutMs`
 * (a CLI write waits briefly for another write to finish), then refuses with the same message.
 */
export async function waitForStoreLock(storePath: string, kind: LockKind, { timeoutMs = 3000, pollMs = 100 } = {}): Promise<ReleaseLock> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return acquireStoreLock(storePath, kind);
    } catch (e) {
      if (!(e instanceof StoreLockedError) || Date.now() + pollMs > deadline) throw e;
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
