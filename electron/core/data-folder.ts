/**
 * The plans' own folder, apart from Chromium's profile: `<user data>/data/` holds the store and its `backups/`
 * (`%APPDATA%\soan-ke-hoach\data\` on Windows), while Electron keeps its caches in `<user data>/` itself. An
 * uninstall or a "clear the browser data" then never reaches the plans, and the folder to copy is obvious.
 *
 * Versions before this one kept the store directly in `<user data>/`. On the first start after the update the
 * store is moved: backed up first (beside it, in its own backups folder), copied with SQLite's online backup into
 * `data/` and checked, its older backups moved along, and the old file renamed to `…sqlite.moved` (never deleted)
 * so the move happens once. Until the copy is in place nothing is changed; if a step fails, the new copy is removed
 * and the old store is used where it is.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type * as BackupModule from './store/backup';
import { acquireStoreLock } from './store/lock';
import type * as OpenModule from './store/open';
import { resolveStorePath } from './paths';
import { errorText, isUserError } from './errors';
import { argvLang, translate } from './model/messages';

/** What the old store file is renamed to once moved: kept, never deleted, and never moved again. */
export const MOVED_SUFFIX = '.moved';

export type MoveResult =
  | { moved: true; from: string; to: string; backup: string; backupsMoved: number }
  | { moved: false; reason: 'nothing-to-move' | 'already-there' };

/**
 * Moves the store at `from` (the old place) to `to` (in the data folder) when `from` exists and `to` does not.
 * Holds the old store's lock throughout (a running older copy of the app makes it refuse with who holds it).
 * Throws a UserError (lock, disk, damaged copy) with `to` removed and `from` untouched; backups made before the
 * failure stay.
 */
export async function moveLegacyStore(from: string, to: string): Promise<MoveResult> {
  if (!existsSync(from)) return { moved: false, reason: 'nothing-to-move' };
  if (existsSync(to)) return { moved: false, reason: 'already-there' };
  // Loaded only for a move: backup.ts brings the exchange writer and its schema validator (ajv), and open.ts the
  // SQLite driver, which every CLI command (help too) would otherwise load at start through settleStorePath.
  const { backupsDirFor, backupStore, listBackups }: typeof BackupModule = await import('./store/backup');
  const { openSqlite }: typeof OpenModule = await import('./store/open');
  const release = acquireStoreLock(from, 'app');
  const staging = join(dirname(to), `.moving-${process.pid}`);
  let placed = false;
  try {
    const db = openSqlite(from, { fileMustExist: true });
    let backup: string;
    try {
      // First a backup where the old store is, so nothing is touched before there is a copy of it.
      backup = (await backupStore(db, backupsDirFor(from), { keep: Number.MAX_SAFE_INTEGER })).file;
      // Then the copy itself, by the same verified online backup, renamed into place only when whole.
      mkdirSync(staging, { recursive: true });
      const copy = await backupStore(db, staging, { keep: Number.MAX_SAFE_INTEGER });
      renameSync(copy.file, to);
      placed = true;
      // Fold the WAL into the old file, so that renaming it keeps everything it held.
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    // The old backups (the one just made included) go along to the new backups folder.
    const oldBackups = listBackups(backupsDirFor(from));
    const newBackupsDir = backupsDirFor(to);
    mkdirSync(newBackupsDir, { recursive: true });
    for (const b of oldBackups) if (!existsSync(join(newBackupsDir, b.name))) copyFileSync(b.file, join(newBackupsDir, b.name));
    for (const b of oldBackups) rmSync(b.file);
    renameSync(from, from + MOVED_SUFFIX);
    for (const suffix of ['-wal', '-shm']) rmSync(from + suffix, { force: true });
    return { moved: true, from, to, backup: join(newBackupsDir, basename(backup)), backupsMoved: oldBackups.length };
  } catch (e) {
    if (placed && existsSync(from)) rmSync(to, { force: true });
    throw e;
  } finally {
    try {
      rmSync(staging, { recursive: true, force: true });
    } finally {
      // Even when the staging folder cannot be removed (its parent is not a folder), the lock goes.
      release();
    }
  }
}

/**
 * The store path for this run (resolveStorePath), with the old store moved into the plans' folder first when
 * the default place is used. A move that fails is told through `warn` and the old store is used where it is,
 * so the app still opens every plan; the next start tries again.
 */
export async function settleStorePath(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = (m) => console.error(m),
): Promise<{ path: string; rest: string[]; moved: MoveResult | null }> {
  const { path, rest, legacy } = resolveStorePath(args, env);
  if (!legacy) return { path, rest, moved: null };
  // Said in the command's language: `--lang en` or SOAN_LANG=en, else Vietnamese (as the CLI decides).
  const lang = argvLang(args, env.SOAN_LANG);
  try {
    const moved = await moveLegacyStore(legacy, path);
    if (moved.moved) warn(translate('cli.storeMoved', { path, backup: String(moved.backup) }, lang));
    return { path, rest, moved };
  } catch (e) {
    const reason = isUserError(e) ? errorText(e, lang) : ((e as NodeJS.ErrnoException).code ?? (e as Error).message);
    warn(translate('cli.storeNotMoved', { path, reason, legacy }, lang));
    return { path: existsSync(legacy) ? legacy : path, rest, moved: null };
  }
}
