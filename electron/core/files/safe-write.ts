/**
 * Writing a file the user named (an export, a rollover, "export everything") without ever destroying data.
 *
 * Every command and shell that writes a file goes through `writeFileSafely`:
 * - the target may not be a data file, its `-wal`/`-shm`/`-journal`, its `.lock`, nor anything inside its
 *   `backups` folder. Paths are compared after resolving symbolic links and `..` (the real path of the target's
 *   parent folder plus its name), so `./x/../store.sqlite` or a link to the store is recognised. Besides the stores
 *   named by the caller, every store opened in this process is protected (`protectStorePath`), and any existing
 *   file that is itself a Soạn Kế hoạch store (its SQLite header says so) is never replaced;
 * - an existing file is replaced only when the caller says the user agreed (`overwrite`: the CLI's `--force`,
 *   the save dialog's own question on the desktop);
 * - the bytes go to a temporary file in the same folder, are synced, and renamed over the target: the target is
 *   either the old file or the whole new one, never half-written, even if the disk fills or the power goes.
 * Failures are coded UserErrors naming the target and the cause (locked by another program, read-only, folder
 * missing, disk full).
 */
import { closeSync, existsSync, fsyncSync, lstatSync, openSync, readlinkSync, readSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UserError } from '../errors';

/** 'SKH1' at offset 68 of the SQLite header (PRAGMA application_id): the file is one of our stores. */
const STORE_APPLICATION_ID = 0x534b4831;
const STORE_COMPANIONS = ['', '-wal', '-shm', '-journal', '.lock'];
const BACKUPS_FOLDER = 'backups';

/** Stores opened by this process (absolute paths): protected from every write without being named each time. */
const openedStores = new Set<string>();

/** Records a store as protected for the rest of the process (openStore calls it). `:memory:` is ignored. */
export function protectStorePath(storePath: string): void {
  if (storePath && storePath !== ':memory:') openedStores.add(resolve(storePath));
}

/**
 * The real path of `file` whether or not it exists: symbolic links in it resolved, `..` removed. A file that does not
 * exist yet gets the real path of its nearest existing ancestor folder plus the rest of its path.
 */
export function realPathOf(file: string, depth = 0): string {
  const absolute = resolve(file);
  try {
    return realpathSync.native(absolute);
  } catch {
    // A link whose target does not exist yet (a store not yet created) still leads there.
    try {
      // (At most 40 links deep, as the system itself: a loop ends here.)
      if (depth < 40 && lstatSync(absolute).isSymbolicLink()) return realPathOf(resolve(dirname(absolute), readlinkSync(absolute)), depth + 1);
    } catch {
      // Not there at all.
    }
    const parent = dirname(absolute);
    if (parent === absolute) return absolute;
    return join(realPathOf(parent, depth), basename(absolute));
  }
}

/** Windows and macOS compare names without case by default; `Store.SQLITE` is the same file as `store.sqlite` there. */
function sameKey(path: string, platform: NodeJS.Platform = process.platform): string {
  return platform === 'win32' || platform === 'darwin' ? path.toLowerCase() : path;
}

function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/** Whether the existing file at `file` starts with an SQLite header carrying our application id. */
function isOurStoreFile(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(72);
    if (readSync(fd, head, 0, 72, 0) < 72) return false;
    return head.toString('latin1', 0, 16) === 'SQLite format 3\0' && head.readUInt32BE(68) === STORE_APPLICATION_ID;
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export interface SafeWriteOptions {
  /** Stores (data files) whose files and backups folder must never be written; stores opened in this process are added. */
  protect?: readonly string[];
  /** The user agreed to replace an existing file (CLI `--force`, or the save dialog asked). Default false. */
  overwrite?: boolean;
}

/** Why `target` may not be written, as a coded UserError, or null when it may. Reads the disk, writes nothing. */
export function refusalFor(target: string, { protect = [], overwrite = false }: SafeWriteOptions = {}): UserError | null {
  const real = sameKey(realPathOf(target));
  for (const store of new Set([...protect.map((p) => resolve(p)), ...openedStores])) {
    const storeReal = realPathOf(store);
    for (const suffix of STORE_COMPANIONS) {
      if (real === sameKey(storeReal + suffix)) {
        return UserError.coded('file.isStore', { file: target, store: basename(store) }, `${target}: this is the data file ${basename(store)} (or one of its own files); choose another name.`);
      }
    }
    if (isInside(real, sameKey(join(dirname(storeReal), BACKUPS_FOLDER)))) {
      return UserError.coded('file.inBackups', { file: target }, `${target}: the backups folder is kept by the program; save elsewhere.`);
    }
  }
  let exists = false;
  try {
    const st = statSync(target);
    exists = true;
    if (st.isDirectory()) return UserError.coded('file.isFolder', { file: target }, `${target}: this is a folder; give a file name.`);
  } catch {
    // Does not exist (or cannot be seen): writing will tell.
  }
  if (exists) {
    // Someone else's store (another data file) is never replaced by an export, even when forced.
    const stem = STORE_COMPANIONS.slice(1).reduce((name, s) => (name.endsWith(s) ? name.slice(0, -s.length) : name), target);
    if (isOurStoreFile(target) || (stem !== target && isOurStoreFile(stem))) {
      return UserError.coded('file.isStore', { file: target, store: basename(stem) }, `${target}: this is the data file ${basename(stem)} (or one of its own files); choose another name.`);
    }
    if (!overwrite) return UserError.coded('file.exists', { file: target }, `${target}: the file exists; choose another name, or replace it (--force).`);
  }
  return null;
}

/** An existing file whose read-only flag is off: on Windows an EPERM on it means another program holds it open. */
function writableFile(file: string): boolean {
  try {
    return (statSync(file).mode & 0o200) !== 0;
  } catch {
    return false;
  }
}

/**
 * The cause of a failed write of `target` as one coded message: locked by another program (EBUSY; Windows also
 * says EPERM when Word has the file open), read-only (EACCES/EPERM/EROFS), folder missing (ENOENT/ENOTDIR), disk full.
 */
export function writeError(e: unknown, target: string): UserError {
  if (e instanceof UserError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  const folder = dirname(resolve(target));
  if (code === 'EBUSY' || (code === 'EPERM' && process.platform === 'win32' && writableFile(target))) {
    return UserError.coded('file.locked', { file: target, detail: code }, `${target}: the file is open in another program (${code}); close it there, then try again.`);
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return UserError.coded('file.readOnly', { file: target, folder, detail: code }, `${target}: the file or its folder ${folder} is read-only (${code}); choose another place.`);
  }
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return UserError.coded('file.folderMissing', { file: target, folder }, `${target}: the folder ${folder} does not exist.`);
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return UserError.coded('file.diskFull', { file: target }, `${target}: the disk is full; nothing was written.`);
  }
  return UserError.coded('file.cannotWrite', { file: target, detail: code }, `${target}: cannot write the file (${code}).`);
}

/**
 * Writes `bytes` to `target` safely (see the module comment): refused targets throw a coded UserError before anything
 * is written; otherwise a temporary file beside the target is written, synced and renamed over it. On any failure the
 * temporary file is removed and the target is left as it was.
 */
export function writeFileSafely(target: string, bytes: Buffer | string, options: SafeWriteOptions = {}): void {
  const refusal = refusalFor(target, options);
  if (refusal) throw refusal;
  const absolute = resolve(target);
  const folder = dirname(absolute);
  if (!existsSync(folder)) throw writeError(Object.assign(new Error('no folder'), { code: 'ENOENT' }), target);
  // A symbolic link at the target is replaced by the file, not followed: the link could point anywhere.
  const temp = join(folder, `.${basename(absolute)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx');
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    for (let at = 0; at < data.length; ) at += writeSync(fd, data, at, data.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, absolute);
  } catch (e) {
    if (fd !== null) closeSync(fd);
    rmSync(temp, { force: true });
    throw writeError(e, target);
  }
  syncFolder(folder);
}

/** Makes the rename durable where the system allows opening a folder (not Windows). */
function syncFolder(folder: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}
