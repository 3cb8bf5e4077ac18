/**
 * Every file the program writes goes through files/safe-write: never over the store, its -wal/-shm/lock or the
 * backups folder (real paths: a symlink or `..` does not get round it), never over an existing file without --force,
 * always whole (temp file + rename). The store is checked afterwards: every plan still there.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { UserError } from '../../electron/core/errors';
import { refusalFor, writeError, writeFileSafely } from '../../electron/core/files/safe-write';
import { openStore } from '../../electron/core/store/open';
import { listPlans } from '../../electron/core/store/plans';
import { openAppStore } from '../../electron/core/app-store';
import { deliverAsDownload } from '../../electron/core/api/service';
import { removeTempDirs, tempDir } from './helpers';

let dir: string;
let db: string;
let lines: string[];
const cli = (...argv: string[]) => runCli([...argv, '--db', db], (line) => lines.push(line));

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UserError) return e.code;
    throw e;
  }
  return 'no error';
}

function plansInStore(): string[] {
  const store = openStore(db, { readonly: true });
  try {
    return listPlans(store).map((p) => p.title);
  } finally {
    store.close();
  }
}

beforeEach(async () => {
  dir = tempDir();
  db = join(dir, 'store.sqlite');
  lines = [];
  const sample = join(dir, 's.json');
  await cli('sample', sample);
  await cli('import', sample);
});
afterEach(removeTempDirs);

describe('CLI writes never destroy the store', () => {
  it('export --json/--docx/--xlsx and rollover --json refuse the store and its companion files, even with --force', async () => {
    const before = readFileSync(db);
    for (const target of [db, `${db}-wal`, `${db}-shm`, `${db}.lock`, join(dir, 'sub', '..', 'store.sqlite')]) {
      for (const format of ['--json', '--docx', '--xlsx']) expect(await codeOf(cli('export', '1', format, target, '--force'))).toBe('file.isStore');
    }
    expect(await codeOf(cli('rollover', '1', '--year', '2025', '--json', db, '--force'))).toBe('file.isStore');
    expect(readFileSync(db).equals(before)).toBe(true);
    expect(plansInStore()).toEqual(['Kế hoạch CCHC năm 2024 - tỉnh Bình Phước']);
  });

  it('a symbolic link to the store and a path into the backups folder are refused', async () => {
    const link = join(dir, 'innocent.json');
    symlinkSync(db, link);
    expect(await codeOf(cli('export', '1', '--json', link, '--force'))).toBe('file.isStore');
    mkdirSync(join(dir, 'backups'));
    expect(await codeOf(cli('export', '1', '--json', join(dir, 'backups', 'x.json')))).toBe('file.inBackups');
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
    expect(plansInStore()).toHaveLength(1);
  });

  it("another store (not the --db one) is recognised by its header and never replaced", async () => {
    const other = join(dir, 'other.sqlite');
    openStore(other).close();
    const bytes = readFileSync(other);
    expect(await codeOf(cli('export', '1', '--json', other, '--force'))).toBe('file.isStore');
    expect(readFileSync(other).equals(bytes)).toBe(true);
  });

  it('an existing file is kept unless --force; with --force it is replaced whole', async () => {
    const out = join(dir, 'plan.json');
    writeFileSync(out, 'precious');
    expect(await codeOf(cli('export', '1', '--json', out))).toBe('file.exists');
    expect(readFileSync(out, 'utf8')).toBe('precious');
    await cli('export', '1', '--json', out, '--force');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ format: 'soan-ke-hoach/plan', year: 2024 });
    // No temporary file is left beside it.
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });
});

describe('writeFileSafely', () => {
  it('names the cause: folder missing, read-only folder, a folder as target', () => {
    expect(refusalFor(dir)?.code).toBe('file.isFolder');
    let e: unknown = null;
    try {
      writeFileSafely(join(dir, 'missing', 'x.docx'), 'x');
    } catch (err) {
      e = err;
    }
    expect(e).toMatchObject({ code: 'file.folderMissing', params: { file: join(dir, 'missing', 'x.docx') } });
    expect(writeError(Object.assign(new Error('busy'), { code: 'EBUSY' }), 'C:/x.docx')).toMatchObject({ code: 'file.locked', params: { file: 'C:/x.docx' } });
    if (process.getuid?.() !== 0) {
      const ro = join(dir, 'ro');
      mkdirSync(ro);
      writeFileSync(join(ro, 'old.docx'), 'old');
      chmodSync(ro, 0o555);
      try {
        writeFileSafely(join(ro, 'old.docx'), 'new', { overwrite: true });
        expect.unreachable();
      } catch (err) {
        expect(err).toMatchObject({ code: 'file.readOnly' });
      } finally {
        chmodSync(ro, 0o755);
      }
      expect(readFileSync(join(ro, 'old.docx'), 'utf8')).toBe('old');
      expect(readdirSync(ro)).toEqual(['old.docx']);
    }
  });

  it('protects every store this process opened, without being told', () => {
    const opened = join(dir, 'opened.sqlite');
    openStore(opened).close();
    expect(refusalFor(`${opened}-wal`, { overwrite: true })?.code).toBe('file.isStore');
    expect(existsSync(`${opened}-wal`)).toBe(false);
    expect(statSync(opened).size).toBeGreaterThan(0);
  });
});

describe('export everything', () => {
  it('refuses the backups folder and leaves it as it was', async () => {
    const backups = join(dir, 'backups');
    const app = openAppStore({
      storePath: db,
      info: { version: 'test', dataFile: db, shell: 'browser' },
      deliver: deliverAsDownload,
      chooseExportFolder: async () => backups,
      warn: () => undefined,
    });
    try {
      const before = readdirSync(backups);
      await expect(app.api.exportAll()).rejects.toMatchObject({ code: 'file.inBackups' });
      expect(readdirSync(backups)).toEqual(before);
    } finally {
      await app.close();
    }
    expect(plansInStore()).toHaveLength(1);
  });
});
