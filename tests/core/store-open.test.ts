/**
 * Opening the store: pragmas, ownership marks, and refusal of files that are not ours (left byte-for-byte untouched).
 */
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openStore, schemaVersion } from '../../electron/core/store/open';
import { LATEST_VERSION } from '../../electron/core/store/migrations';
import { insertPackage, listPlans } from '../../electron/core/store/plans';
import { loadSamplePackage } from '../../electron/core/sample';
import { UserError } from '../../electron/core/errors';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

/** Bytes and mtime of a file and whether WAL/SHM companions exist: what "untouched" means. */
function fingerprint(path: string): { bytes: Buffer; mtimeMs: number; wal: boolean; shm: boolean } {
  return { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs, wal: existsSync(`${path}-wal`), shm: existsSync(`${path}-shm`) };
}

function expectRefused(path: string, ...fragments: RegExp[]): void {
  const before = fingerprint(path);
  let error: unknown;
  try {
    openStore(path).close();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(UserError);
  const message = (error as Error).message;
  expect(message).toContain(basename(path));
  for (const f of fragments) expect(message).toMatch(f);
  const after = fingerprint(path);
  expect(after.bytes.equals(before.bytes)).toBe(true);
  expect(after.mtimeMs).toBe(before.mtimeMs);
  expect(after.wal).toBe(before.wal);
  expect(after.shm).toBe(before.shm);
}

describe('openStore', () => {
  it('sets WAL, foreign keys, FULL sync and a busy timeout, and marks the file as ours at the latest version', () => {
    const path = join(tempDir(), 'new', 'store.sqlite');
    const db = openStore(path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    } finally {
      db.close();
    }
    // The marks are in the file, not only in the connection.
    const raw = new Database(path, { readonly: true });
    try {
      expect(raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      raw.close();
    }
  });

  it('reopens its own store with the data intact', () => {
    const path = join(tempDir(), 'store.sqlite');
    const db = openStore(path);
    insertPackage(db, loadSamplePackage());
    db.close();
    const again = openStore(path);
    try {
      expect(listPlans(again).map((p) => p.rowCount)).toEqual([48]);
    } finally {
      again.close();
    }
  });

  it('refuses a file that is not SQLite, naming it and leaving its bytes unchanged', () => {
    const path = join(tempDir(), 'notes.sqlite');
    writeFileSync(path, 'Kế hoạch năm 2024 — ghi chú, không phải cơ sở dữ liệu.\n'.repeat(20));
    expectRefused(path, /notes\.sqlite/, /not an SQLite database/);
  });

  it('refuses a short non-SQLite file (fewer bytes than the SQLite header)', () => {
    const path = join(tempDir(), 'tiny.sqlite');
    writeFileSync(path, 'abc');
    expectRefused(path, /tiny\.sqlite/);
  });

  it("refuses another program's SQLite database (application_id 0, its own tables) and does not change it", () => {
    const path = join(tempDir(), 'other.sqlite');
    const other = new Database(path);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('An'), ('Bình');");
    other.close();
    expectRefused(path, /other\.sqlite/, /another program/);
    const check = new Database(path, { readonly: true });
    try {
      expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(check.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 2 });
    } finally {
      check.close();
    }
  });

  it("refuses another program's database that has only a user_version (no tables)", () => {
    const path = join(tempDir(), 'versioned.sqlite');
    const other = new Database(path);
    other.pragma('user_version = 7');
    other.close();
    expectRefused(path, /versioned\.sqlite/, /another program/);
  });

  it('refuses a store made by a newer version, saying so, and leaves it unchanged', () => {
    const path = join(tempDir(), 'future.sqlite');
    const db = openStore(path);
    insertPackage(db, loadSamplePackage());
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expectRefused(path, /future\.sqlite/, /newer/);
  });

  it('refuses a newer store even when it is in rollback-journal mode, without switching it to WAL', () => {
    const path = join(tempDir(), 'future2.sqlite');
    const raw = new Database(path);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.pragma(`user_version = ${LATEST_VERSION + 3}`);
    raw.exec('CREATE TABLE later_table (x)');
    raw.close();
    expectRefused(path, /future2\.sqlite/, /newer/);
  });

  it('gives a clear UserError for a truncated store and does not crash', () => {
    const dir = tempDir();
    const path = join(dir, 'cut.sqlite');
    const db = openStore(path);
    insertPackage(db, loadSamplePackage());
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(8192);
    truncateSync(path, 4096 + 100); // the header survives, the rest of the file is gone
    expectRefused(path, /cut\.sqlite/, /damaged/);
  });

  it('gives a clear UserError for a store whose pages were overwritten with garbage', () => {
    const path = join(tempDir(), 'garbage.sqlite');
    const db = openStore(path);
    insertPackage(db, loadSamplePackage());
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = readFileSync(path);
    // Keep the 100-byte file header; scribble over the rest of page 1 (the schema) and beyond.
    for (let i = 100; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(path, bytes);
    expectRefused(path, /garbage\.sqlite/, /damaged/);
  });

  it('opens an empty (0-byte) file as a new store', () => {
    const path = join(tempDir(), 'empty.sqlite');
    writeFileSync(path, '');
    const db = openStore(path);
    try {
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expect(listPlans(db)).toEqual([]);
    } finally {
      db.close();
    }
  });
});
