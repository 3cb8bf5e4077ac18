import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserError } from '../errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

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
      throw new UserError(`${basename(path)}: not a Soạn Kế hoạch data file (it is not an SQLite database). It was left untouched.`);
    }
  } finally {
    closeSync(fd);
  }
}

/** Opens (creating if needed) the store at `path`, sets its pragmas and brings its schema up to date in one transaction. */
export function openStore(path: string, options: OpenOptions = {}): Db {
  if (path !== ':memory:') {
    assertSqliteFile(path);
    if (!options.readonly) mkdirSync(dirname(path), { recursive: true });
  }
  let db: Db;
  try {
    db = new Database(path, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
      // The desktop app loads a build of the driver compiled for Electron's ABI (see electron/cli/start.ts).
      nativeBinding: process.env.SOAN_KE_HOACH_SQLITE_BINDING || undefined,
    });
  } catch (e) {
    throw new UserError(`${basename(path)}: cannot open the data file (${(e as Error).message}).`);
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
      throw new UserError(`${basename(path)}: the data file is damaged (${(e as Error).message}). It was left untouched; restore a backup.`);
    }
    throw e;
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
    throw new UserError(`${basename(path)}: this SQLite database belongs to another program; Soạn Kế hoạch will not change it.`);
  }
  if (version > LATEST_VERSION) {
    throw new UserError(
      `${basename(path)}: made by a newer Soạn Kế hoạch (data version ${version}; this program knows up to ${LATEST_VERSION}). Update the program; the file was left untouched.`,
    );
  }
}

/** Applies every pending migration, all in one transaction: a failure leaves the file at its old version. */
export function migrate(db: Db, target = LATEST_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const pending = MIGRATIONS.filter((m) => m.version > current && m.version <= target);
  if (!pending.length) return;
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }
    db.pragma(`application_id = ${APPLICATION_ID}`);
  }).immediate();
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}
