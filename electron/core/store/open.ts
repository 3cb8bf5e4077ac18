import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserError } from '../errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { protectStorePath } from '../files/safe-write';
import { assertLocalStore } from './network-path';

export type Db = Database.Database;

/** 'SKH1' — marks a file as ours, so a foreign SQLite file is refused rather than migrated. */
export const APPLICATION_ID = 0x534b4831;

export interface OpenOptions {
  readonly?: boolean;
  /** Apply migrations up to this version only (tests build databases of earlier versions). */
  targetVersion?: number;
}

/** Reads the first bytes: a file that is not SQLite gets a clear message instead of SQLITE_NOTADB deep inside. */
function assertSqliteFile(path: string): void {
  if (!existsSync(path) || statSync(path).size === 0) return;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    if (head.toString('latin1') !== 'SQLite format 3\0') {
      throw UserError.coded('store.notSqlite', { file: basename(path) }, `${basename(path)}: not a Soạn Kế hoạch data file (it is not an SQLite database). It was left untouched.`);
    }
  } finally {
    closeSync(fd);
  }
}

/** A connection to any SQLite file (a backup, a copy) with the driver build the store uses. */
export function openSqlite(path: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  return new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? options.readonly ?? false,
    // The desktop app loads a build of the driver compiled for Electron's ABI (see electron/cli/start.ts).
    nativeBinding: process.env.SOAN_KE_HOACH_SQLITE_BINDING || undefined,
  });
}

/**
 * A store that will be written needs a writable file and folder (SQLite keeps its -wal and -shm beside it).
 * Checked before SQLite opens it: SQLite would silently fall back to read-only and fail at the first edit.
 */
function assertWritable(path: string): void {
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw UserError.coded('store.cannotCreateFolder', { file: basename(path), folder: dir, detail: diskProblem(e) }, `${basename(path)}: cannot create the folder ${dir} (${diskProblem(e)}).`);
  }
  for (const [target, what] of [[dir, 'folder'], [path, 'file']] as const) {
    if (what === 'file' && !existsSync(target)) continue;
    try {
      accessSync(target, constants.W_OK);
    } catch (e) {
      throw UserError.coded(
        'store.pathReadOnly',
        { file: basename(path), path: target, detail: diskProblem(e) },
        `${basename(path)}: the data ${what} is read-only: ${target} (${diskProblem(e)}). Copy it to a folder you can write to, or change its permissions.`,
      );
    }
  }
}

function diskProblem(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

/**
 * The store's disk problems as one clear message, or null for any other error. SQLite reports a full disk as
 * SQLITE_FULL, a file or folder it may not write as SQLITE_READONLY*, and a failing or vanished disk as SQLITE_IOERR*.
 * During an edit the transaction has been rolled back, so nothing is half-written.
 * `consequence` says what did not happen ("the change was not saved").
 */
export function storeDiskError(e: unknown, path: string, consequence = 'the change was not saved'): UserError | null {
  const code = (e as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  const name = basename(path);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return UserError.coded('store.diskFull', { file: name }, `${name}: the disk is full, so ${consequence}. Free some space on the disk, then try again; nothing else was lost.`);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return UserError.coded(
      'store.readOnly',
      { file: name, detail: code },
      `${name}: the data file is read-only, so ${consequence} (${code}). Check the permissions of the file and its folder, then try again.`,
    );
  }
  if (code === 'SQLITE_CORRUPT' || code.startsWith('SQLITE_CORRUPT_') || code === 'SQLITE_NOTADB') {
    return UserError.coded(
      'store.damagedInUse',
      { file: name, detail: code },
      `${name}: the data file is damaged (${code}), so ${consequence}. Nothing more will be written to it: restore a backup (Backups, or copy one from the backups folder beside it).`,
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN' || code === 'EIO') {
    return UserError.coded('store.diskError', { file: name, detail: code }, `${name}: the disk could not be written, so ${consequence} (${code}). Check the disk or drive, then try again.`);
  }
  return null;
}

/** What still works once the store is found damaged: what the way back (restoring a backup) needs. */
const USABLE_WHEN_DAMAGED = new Set(['appInfo', 'listBackups', 'restoreBackup']);

/**
 * The same API object with every disk problem turned into a UserError (one clear message instead of
 * "Internal error"). Every method of an API over the store returns a promise.
 * Once damage is found (SQLITE_CORRUPT, SQLITE_NOTADB), every later call but those restoring a backup gets the same
 * message: nothing more is written into a damaged file. Restoring reopens the store behind a new wrapper.
 */
export function withStoreErrors<T extends object>(api: T, path: string): T {
  const wrapped = {} as Record<string, unknown>;
  let damage: UserError | null = null;
  for (const [name, fn] of Object.entries(api)) {
    wrapped[name] =
      typeof fn !== 'function'
        ? fn
        : async (...args: unknown[]) => {
            if (damage && !USABLE_WHEN_DAMAGED.has(name)) throw damage;
            try {
              return await (fn as (...a: unknown[]) => Promise<unknown>).apply(api, args);
            } catch (e) {
              // A coded problem (an export's target locked or read-only) is already named; only raw errors are the store's.
              if (e instanceof UserError) throw e;
              const known = storeDiskError(e, path);
              if (known?.code === 'store.damagedInUse') damage = known;
              throw known ?? e;
            }
          };
  }
  return wrapped as T;
}

/** Opens (creating if needed) the store at `path`, sets its pragmas and brings its schema up to date in one transaction. */
export function openStore(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') {
    // WAL over SMB/NFS can damage the file: a store on a network drive is refused with advice (network-path.ts).
    assertLocalStore(path);
    // No export of this process may write over the store, its companions or its backups (files/safe-write.ts).
    protectStorePath(path);
    assertSqliteFile(path);
    if (!options.readonly) assertWritable(path);
  }
  let db: Db;
  try {
    db = openSqlite(path, { readonly: options.readonly ?? false });
  } catch (e) {
    throw storeDiskError(e, path, 'the data file cannot be opened') ?? UserError.coded('store.cannotOpen', { file: basename(path), detail: (e as Error).message }, `${basename(path)}: cannot open the data file (${(e as Error).message}).`);
  }
  try {
    setPragmas(db);
    checkOwnership(db, path);
    // WAL: readers never block the writer and a crash mid-write leaves the last commit intact.
    // Switching to WAL writes the file header, so it happens only once the file is known to be ours:
    // a foreign or newer file must be left byte-for-byte untouched.
    if (!options.readonly) db.pragma('journal_mode = WAL');
    if (!options.readonly) migrate(db, options.targetVersion ?? LATEST_VERSION);
    return db;
  } catch (e) {
    db.close();
    if (e instanceof UserError) throw e;
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw UserError.coded(
        'store.damaged',
        { file: basename(path), detail: (e as Error).message },
        `${basename(path)}: the data file is damaged (${(e as Error).message}). It was left untouched; restore a backup.`,
      );
    }
    throw storeDiskError(e, path, 'the data file cannot be opened') ?? e;
  }
}

/** Connection settings only: none of these writes to the file. */
function setPragmas(db: Db): void {
  // FULL syncs the WAL on every commit: an acknowledged edit survives a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Wait for another connection's write instead of failing at once.
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
}

function checkOwnership(db: Db, path: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n;
  if (appId !== APPLICATION_ID && (tables > 0 || version > 0)) {
    throw UserError.coded('store.foreignDatabase', { file: basename(path) }, `${basename(path)}: this SQLite database belongs to another program; Soạn Kế hoạch will not change it.`);
  }
  if (version > LATEST_VERSION) {
    throw UserError.coded(
      'store.tooNew',
      { file: basename(path), version, latest: LATEST_VERSION },
      `${basename(path)}: made by a newer Soạn Kế hoạch (data version ${version}; this program knows up to ${LATEST_VERSION}). Update the program; the file was left untouched.`,
    );
  }
}

/** Applies every pending migration, all in one transaction: a failure leaves the file at its old version. */
export function migrate(db: Db, target = LATEST_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (!pending.length) return;
  // A table rebuild (drop + rename) would cascade deletes with foreign keys on; they can only be switched outside a
  // transaction. Every reference is checked before the commit, so the data comes out as consistent as it went in.
  const rebuild = pending.some((m) => m.rebuildsTables);
  if (rebuild) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        m.up(db);
        db.pragma(`user_version = ${m.version}`);
      }
      if (rebuild) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length) throw new Error(`migration left ${broken.length} broken references: ${JSON.stringify(broken.slice(0, 3))}`);
      }
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
  } finally {
    if (rebuild) db.pragma('foreign_keys = ON');
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
