/**
 * Backups of the store and an export of every plan.
 *
 * A backup is a copy made with SQLite's online backup API (`db.backup`), so it is consistent even while the
 * app writes, WAL content included. It is written as `<name>.partial`, checked (`PRAGMA integrity_check`,
 * our application id), switched to a self-contained single file (journal_mode DELETE), synced, and only then
 * renamed to `soan-ke-hoach-YYYYMMDD-HHMMSS.sqlite` (local time): a backup that is listed is whole.
 * The app makes one on start when there is none of today, then daily; "Back up now" makes one more. Kept: the newest
 * `keep` (10) AND the newest of each day of the last `days` (30), so however often "Back up now" is clicked,
 * earlier days' backups stay (`backupsToKeep`).
 *
 * Restoring replaces the store file with a copy of a backup, after backing up the store being replaced.
 * It needs every connection to the store closed: the caller closes, restores, and opens again.
 */
import {
  closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../errors';
import { serializeExchange } from '../exchange/exchange';
import { APPLICATION_ID, openSqlite, storeDiskError, type Db } from './open';
import { LATEST_VERSION } from './migrations';
import { listPlans, loadPlan } from './plans';
import { withTracking } from '../tracking/exchange';

export const BACKUP_FOLDER = 'backups';
export const BACKUPS_KEPT = 10;
/** Besides the newest BACKUPS_KEPT, the newest backup of each of this many days (today included) is kept. */
export const BACKUP_DAYS_KEPT = 30;
const PREFIX = 'soan-ke-hoach-';
const NAME = /^soan-ke-hoach-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.sqlite$/;

export interface BackupInfo {
  /** Full path of the backup file. */
  file: string;
  /** Its name, e.g. soan-ke-hoach-20250312-081500.sqlite. */
  name: string;
  /** When it was made (from its name, local time), as an ISO string. */
  createdAt: string;
  /** The local day it was made, YYYY-MM-DD. */
  day: string;
  size: number;
}

/** The backups folder of a store: `backups/` beside the data file. */
export function backupsDirFor(storePath: string): string {
  return join(dirname(storePath), BACKUP_FOLDER);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
/** YYYYMMDD-HHMMSS in local time: names sort by time, and a user reads them as their own clock. */
export function timeStamp(d: Date): string {
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
}

function parseName(name: string): { date: Date; seq: number } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  return { date: new Date(y, mo - 1, d, h, mi, s), seq: Number(m[7] ?? 0) };
}

/** The backups in `dir`, newest first. A missing folder has none. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const found: Array<BackupInfo & { seq: number; time: number }> = [];
  for (const name of names) {
    const parsed = parseName(name);
    if (!parsed) continue;
    const file = join(dir, name);
    let size: number;
    try {
      const st = statSync(file);
      if (!st.isFile()) continue;
      size = st.size;
    } catch {
      continue;
    }
    found.push({ file, name, createdAt: parsed.date.toISOString(), day: localDay(parsed.date), size, seq: parsed.seq, time: parsed.date.getTime() });
  }
  found.sort((a, b) => b.time - a.time || b.seq - a.seq);
  return found.map(({ file, name, createdAt, day, size }) => ({ file, name, createdAt, day, size }));
}

/** "On start and then daily": true when `dir` holds no backup made on `now`'s (local) day. */
export function shouldBackUp(dir: string, now: Date = new Date()): boolean {
  const today = localDay(now);
  return !listBackups(dir).some((b) => b.day === today);
}

/** Partial files this process is writing right now (never swept as leftovers). */
const inProgress = new Set<string>();

/** A `.partial` left by a run that was killed mid-backup is not a backup: it goes. */
function sweepPartials(dir: string): void {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (name.startsWith(PREFIX) && name.endsWith('.partial') && !inProgress.has(file)) rmSync(file, { force: true });
  }
}

function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable. Windows cannot open a folder; there the rename is already durable enough. */
function fsyncDir(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported on this system.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Checks that `file` is a whole Soạn Kế hoạch store this program can open; throws a UserError naming the problem.
 * `toSingleFile` also switches it to journal_mode DELETE (a backup must not need a -wal beside it).
 */
function verifyStoreCopy(file: string, toSingleFile: boolean): void {
  let db: Db;
  try {
    db = openSqlite(file, { readonly: !toSingleFile, fileMustExist: true });
  } catch (e) {
    throw UserError.coded('backup.cannotOpen', { file: basename(file), detail: (e as Error).message }, `${basename(file)}: cannot open the backup (${(e as Error).message}).`);
  }
  try {
    if (toSingleFile) db.pragma('journal_mode = DELETE');
    const check = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    if (check.length !== 1 || check[0].integrity_check !== 'ok') {
      const detail = check.map((c) => c.integrity_check).slice(0, 3).join('; ');
      throw UserError.coded('backup.damaged', { file: basename(file), detail }, `${basename(file)}: the backup is damaged (${detail}).`);
    }
    if ((db.pragma('application_id', { simple: true }) as number) !== APPLICATION_ID) {
      throw UserError.coded('backup.notStore', { file: basename(file) }, `${basename(file)}: not a Soạn Kế hoạch data file.`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) {
      throw UserError.coded('backup.tooNew', { file: basename(file), version }, `${basename(file)}: made by a newer Soạn Kế hoạch (data version ${version}); update the program first.`);
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw UserError.coded('backup.damaged', { file: basename(file), detail: (e as Error).message }, `${basename(file)}: the backup is damaged (${(e as Error).message}).`);
  } finally {
    db.close();
  }
}

export interface BackupOptions {
  /** How many backups to keep, newest first (default 10), besides one per day for `days`. */
  keep?: number;
  /** Days (today included) whose newest backup is kept whatever `keep` says (default 30). */
  days?: number;
  now?: Date;
}

/**
 * Which of `backups` (newest first, as listBackups gives them) stay: the newest `keep`, plus the newest of each local
 * day from `now`'s day back `days - 1` days. Clicking "Back up now" many times only replaces today's extra copies.
 */
export function backupsToKeep(backups: readonly BackupInfo[], { keep = BACKUPS_KEPT, days = BACKUP_DAYS_KEPT, now = new Date() }: BackupOptions = {}): Set<string> {
  const kept = new Set(backups.slice(0, Math.max(1, keep)).map((b) => b.file));
  const first = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  const oldestDay = localDay(first);
  const seenDays = new Set<string>();
  for (const b of backups) {
    if (b.day < oldestDay || seenDays.has(b.day)) continue;
    seenDays.add(b.day);
    kept.add(b.file);
  }
  return kept;
}

/** Removes the backups in `dir` that backupsToKeep lets go, never those in `spare`. */
function pruneBackups(dir: string, options: BackupOptions, spare: ReadonlySet<string> = new Set()): void {
  const backups = listBackups(dir);
  const kept = backupsToKeep(backups, options);
  for (const b of backups) if (!kept.has(b.file) && !spare.has(resolve(b.file))) rmSync(b.file, { force: true });
}

/**
 * Copies the open store `db` into `dir` with SQLite's online backup, verifies the copy, then keeps the newest `keep`.
 * Returns the new backup. A failure (disk full, read-only folder, damaged copy) leaves no partial file and throws a UserError.
 */
export async function backupStore(db: Db, dir: string, { keep = BACKUPS_KEPT, days = BACKUP_DAYS_KEPT, now = new Date() }: BackupOptions = {}): Promise<BackupInfo> {
  try {
    mkdirSync(dir, { recursive: true });
    sweepPartials(dir);
  } catch (e) {
    const detail = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw UserError.coded('backup.cannotMake', { folder: dir, detail }, `Cannot make a backup in ${dir} (${detail}).`);
  }
  const stamp = timeStamp(now);
  let name = `${PREFIX}${stamp}.sqlite`;
  for (let n = 2; existsSync(join(dir, name)) || inProgress.has(join(dir, `${name}.partial`)); n++) name = `${PREFIX}${stamp}-${n}.sqlite`;
  const file = join(dir, name);
  const partial = `${file}.partial`;
  inProgress.add(partial);
  try {
    await db.backup(partial);
    verifyStoreCopy(partial, true);
    fsyncFile(partial);
    renameSync(partial, file);
    fsyncDir(dir);
  } catch (e) {
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
    if (e instanceof UserError) throw e;
    throw storeDiskError(e, partial, 'the backup was not made') ?? UserError.coded('backup.cannotMake', { folder: dir, detail: (e as Error).message }, `Cannot make a backup in ${dir} (${(e as Error).message}).`);
  } finally {
    inProgress.delete(partial);
  }
  pruneBackups(dir, { keep, days, now });
  return listBackups(dir).find((b) => b.file === file)!;
}

export interface RestoreResult {
  /** The backup made of the store just before it was replaced; null when there was no store. */
  replaced: BackupInfo | null;
  /** A store that could not be opened (damaged) is copied aside as it was, to this file. */
  setAside: string | null;
}

/**
 * Replaces the store at `currentPath` with the backup `backupFile`. Every connection to the store must be closed.
 * The backup is checked first; the current store is backed up (or, if it cannot be opened, copied aside as it is);
 * then the backup is copied to a temp file in the store's folder, synced, and renamed over the store, with the old
 * -wal and -shm removed. A crash at any point leaves either the old store or the restored one, never a mix.
 */
export async function restoreBackup(
  currentPath: string,
  backupFile: string,
  { keep = BACKUPS_KEPT, days = BACKUP_DAYS_KEPT, now = new Date(), backupsDir = backupsDirFor(currentPath) }: BackupOptions & { backupsDir?: string } = {},
): Promise<RestoreResult> {
  if (!existsSync(backupFile)) throw UserError.coded('backup.notFound', { file: basename(backupFile) }, `${basename(backupFile)}: no such backup.`);
  verifyStoreCopy(backupFile, false);
  const folder = dirname(currentPath);
  const temp = join(folder, `.${basename(currentPath)}.restoring-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    // First a private copy: backing up the current store below may prune the chosen backup if it is the oldest.
    copyFileSync(backupFile, temp);
    fsyncFile(temp);
    let replaced: BackupInfo | null = null;
    let setAside: string | null = null;
    if (existsSync(currentPath)) {
      let current: Db | null = null;
      try {
        current = openSqlite(currentPath, { fileMustExist: true });
        replaced = await backupStore(current, backupsDir, { keep: keep + 1, days, now });
      } catch {
        // Damaged or not ours: it cannot be copied page by page, so it is kept byte for byte below.
      } finally {
        // Closing the last connection checkpoints the WAL into the file and removes it.
        current?.close();
      }
      if (!replaced) {
        mkdirSync(backupsDir, { recursive: true });
        setAside = join(backupsDir, `damaged-${timeStamp(now)}-${basename(currentPath)}`);
        copyFileSync(currentPath, setAside);
        if (existsSync(`${currentPath}-wal`)) copyFileSync(`${currentPath}-wal`, `${setAside}-wal`);
      }
    }
    // A stale -wal must never be applied to the restored file: it goes first. (Its content is in the backup above.)
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(currentPath + suffix, { force: true });
    renameSync(temp, currentPath);
    fsyncDir(folder);
    // Back to the usual retention, but never the backup of the replaced store nor the one just restored.
    pruneBackups(backupsDir, { keep, days, now }, new Set([resolve(backupFile), ...(replaced ? [resolve(replaced.file)] : [])]));
    return { replaced, setAside };
  } catch (e) {
    rmSync(temp, { force: true });
    if (e instanceof UserError) throw e;
    throw storeDiskError(e, currentPath, 'the backup was not restored') ?? UserError.coded('backup.cannotRestore', { file: basename(backupFile), detail: (e as Error).message }, `Cannot restore ${basename(backupFile)} (${(e as Error).message}).`);
  }
}

// ---------- export of every plan ----------

/** ASCII file-name part from a Vietnamese title: "Kế hoạch Đồng Xoài 2025" → "ke-hoach-dong-xoai-2025". */
export function slugify(title: string): string {
  const ascii = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, 60).replace(/-+$/, '') || 'plan';
}

export interface ExportedPlan {
  id: number;
  title: string;
  year: number;
  revision: number;
  updatedAt: string;
  /** Set for a plan in the trash. */
  deletedAt: string | null;
  file: string;
}

export interface ExportAllResult {
  folder: string;
  plans: ExportedPlan[];
}

/** A folder name for an export made now: soan-ke-hoach-export-YYYYMMDD-HHMMSS. */
export function exportFolderName(now: Date = new Date()): string {
  return `${PREFIX}export-${timeStamp(now)}`;
}

/**
 * Writes every plan (those in the trash too) as an exchange file `<id>-<slug>.json`, plus `index.json` listing them,
 * into `folder`, which must not exist yet or be empty. All is written into a temp folder beside it and renamed into
 * place at the end: a failure midway leaves nothing.
 */
export function exportAllPlans(db: Db, folder: string): ExportAllResult {
  if (existsSync(folder)) {
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      throw UserError.coded('export.notFolder', { folder }, `${folder}: exists and is not a folder.`);
    }
    if (entries.length) throw UserError.coded('export.folderNotEmpty', { folder }, `${folder}: the folder is not empty; choose a new one.`);
  }
  const parent = dirname(folder);
  const temp = join(parent, `.${basename(folder)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  const fail = (e: unknown): never => {
    try {
      rmSync(temp, { recursive: true, force: true });
    } catch {
      // Nothing was created there.
    }
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC') throw UserError.coded('export.diskFull', { folder }, `${folder}: the disk is full; nothing was exported.`);
    throw UserError.coded('export.cannotWrite', { folder, detail: code ?? (e as Error).message }, `${folder}: cannot export there (${code ?? (e as Error).message}); nothing was exported.`);
  };
  const plans: ExportedPlan[] = [];
  try {
    mkdirSync(temp, { recursive: false });
    const summaries = [...listPlans(db), ...listPlans(db, { trash: true })].sort((a, b) => a.id - b.id);
    for (const s of summaries) {
      const file = `${s.id}-${slugify(s.title)}.json`;
      // #23: with its tracking (issues and their signed PDFs, periods, statuses, reports).
      writeFileSync(join(temp, file), serializeExchange(withTracking(db, s.id, loadPlan(db, s.id).pkg, { pdf: true })));
      fsyncFile(join(temp, file));
      plans.push({ id: s.id, title: s.title, year: s.year, revision: s.revision, updatedAt: s.updatedAt, deletedAt: s.deletedAt, file });
    }
    const index = { format: 'soan-ke-hoach/export', exportedAt: new Date().toISOString(), plans };
    writeFileSync(join(temp, 'index.json'), JSON.stringify(index, null, 2) + '\n');
    fsyncFile(join(temp, 'index.json'));
    if (existsSync(folder)) rmdirSync(folder);
    renameSync(temp, folder);
    fsyncDir(parent);
  } catch (e) {
    fail(e);
  }
  return { folder, plans };
}

// ---------- on start, then daily ----------

export interface BackupSchedule {
  /** Stops the timer and waits for a backup under way, so the store can be closed. */
  stop(): Promise<void>;
}

/**
 * "On start and then daily": backs up `db` into `dir` now if there is no backup of today, then checks again every
 * `everyMs` (an hour), so a session left open overnight gets the next day's backup. Failures go to `onError` and never
 * stop the app.
 */
export function scheduleBackups(
  db: Db,
  dir: string,
  { everyMs = 60 * 60 * 1000, keep = BACKUPS_KEPT, onBackup, onError }: { everyMs?: number; keep?: number; onBackup?: (b: BackupInfo) => void; onError?: (e: unknown) => void } = {},
): BackupSchedule {
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped || !db.open || !shouldBackUp(dir)) return;
    running = backupStore(db, dir, { keep })
      .then((b) => onBackup?.(b), (e: unknown) => onError?.(e))
      .finally(() => (running = null));
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref?.();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
