/**
 * The plans' own folder (electron/core/data-folder.ts): a store left by an older version in the user data folder
 * is backed up, moved into data/ with its backups, and its old file kept as `.moved`; the move happens once; a move
 * that cannot be made leaves the old store as it was and in use. Checked on the files and on what the stores hold.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MOVED_SUFFIX, moveLegacyStore, settleStorePath } from '../../electron/core/data-folder';
import { APP_FOLDER, DATA_FOLDER, STORE_FILE } from '../../electron/core/paths';
import { loadSamplePackage } from '../../electron/core/sample';
import { backupStore } from '../../electron/core/store/backup';
import { acquireStoreLock } from '../../electron/core/store/lock';
import { openStore } from '../../electron/core/store/open';
import { createPlan, listPlans } from '../../electron/core/store/plans';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

/** An old-style profile folder: the store (one plan, titled `title`) and one backup of an earlier day beside it. */
async function oldProfile(title = 'Kế hoạch cũ 2023') {
  const home = tempDir();
  const profile = join(home, APP_FOLDER);
  const legacy = join(profile, STORE_FILE);
  const db = openStore(legacy);
  createPlan(db, { ...loadSamplePackage(), title });
  const earlier = await backupStore(db, join(profile, 'backups'), { now: new Date(2024, 0, 2, 8, 0, 0) });
  db.close();
  return { env: { XDG_CONFIG_HOME: home, APPDATA: home }, profile, legacy, earlier: earlier.name, target: join(profile, DATA_FOLDER, STORE_FILE) };
}

const titles = (file: string) => {
  const db = openStore(file, { readonly: true });
  try {
    return listPlans(db).map((p) => p.title);
  } finally {
    db.close();
  }
};

describe('the plans move out of the profile folder on the first start', () => {
  it('backs up, moves the store and its backups into data/, keeps the old file as .moved, and does it once', async () => {
    const old = await oldProfile();
    const told: string[] = [];
    const first = await settleStorePath([], old.env, (m) => told.push(m));
    expect(first.path).toBe(old.target);
    expect(first.moved).toMatchObject({ moved: true, from: old.legacy, to: old.target, backupsMoved: 2 });
    expect(titles(old.target)).toEqual(['Kế hoạch cũ 2023']);
    // Both backups now in data/backups: the earlier one and the one made before the move, which holds the plan.
    const backups = readdirSync(join(old.profile, DATA_FOLDER, 'backups')).sort();
    expect(backups).toHaveLength(2);
    expect(backups).toContain(old.earlier);
    const before = first.moved!.moved ? first.moved!.backup : '';
    expect(existsSync(before)).toBe(true);
    expect(titles(before)).toEqual(['Kế hoạch cũ 2023']);
    // The old file is kept under another name, nothing else is left in the profile folder's root.
    expect(existsSync(old.legacy)).toBe(false);
    expect(readdirSync(old.profile).sort()).toEqual(['backups', DATA_FOLDER, STORE_FILE + MOVED_SUFFIX].sort());
    expect(titles(old.legacy + MOVED_SUFFIX)).toEqual(['Kế hoạch cũ 2023']);
    expect(readdirSync(join(old.profile, 'backups'))).toEqual([]);
    expect(readdirSync(join(old.profile, DATA_FOLDER)).sort()).toEqual(['backups', STORE_FILE]);
    expect(told.join('\n')).toContain(old.target);

    // The next start finds the store in place and moves nothing, even with an old file reappearing.
    const db = openStore(old.target);
    createPlan(db, { ...loadSamplePackage(), title: 'Kế hoạch mới 2025' });
    db.close();
    writeFileSync(old.legacy, readFileSync(old.legacy + MOVED_SUFFIX));
    const second = await settleStorePath([], old.env, () => undefined);
    expect(second.moved).toEqual({ moved: false, reason: 'already-there' });
    expect(titles(second.path).sort()).toEqual(['Kế hoạch cũ 2023', 'Kế hoạch mới 2025']);
  });

  it('a new user: nothing to move, the store will be made in data/', async () => {
    const home = tempDir();
    const run = await settleStorePath([], { XDG_CONFIG_HOME: home, APPDATA: home }, () => undefined);
    expect(run).toEqual({ path: join(home, APP_FOLDER, DATA_FOLDER, STORE_FILE), rest: [], moved: { moved: false, reason: 'nothing-to-move' } });
    expect(existsSync(join(home, APP_FOLDER))).toBe(false);
  });

  it('--db and SOAN_KE_HOACH_DB are used as given: nothing is moved', async () => {
    const old = await oldProfile();
    const other = join(tempDir(), 'x.sqlite');
    expect(await settleStorePath(['--db', other, 'list'], old.env)).toEqual({ path: other, rest: ['list'], moved: null });
    expect(existsSync(old.legacy)).toBe(true);
  });

  it('a move that cannot be made leaves the old store as it was, and in use, with a message', async () => {
    const old = await oldProfile();
    const bytes = readFileSync(old.legacy);
    // data/ cannot be made: a file is in its way.
    writeFileSync(join(old.profile, DATA_FOLDER), 'not a folder');
    const told: string[] = [];
    const run = await settleStorePath([], old.env, (m) => told.push(m));
    expect(run.path).toBe(old.legacy);
    expect(run.moved).toBeNull();
    expect(told.join('\n')).toMatch(/^Không chuyển được tệp dữ liệu sang .* tệp vẫn được dùng ở chỗ cũ, /);
    // In English when the command line asks for it.
    const inEnglish: string[] = [];
    await settleStorePath(['--lang', 'en'], old.env, (m) => inEnglish.push(m));
    expect(inEnglish.join('\n')).toMatch(/could not be moved .* it is used where it is/);
    expect(readFileSync(old.legacy).equals(bytes)).toBe(true);
    // No lock left behind, no .moved file: the next start tries again.
    expect(readdirSync(old.profile).sort()).toEqual(['backups', DATA_FOLDER, STORE_FILE].sort());
    expect(titles(old.legacy)).toEqual(['Kế hoạch cũ 2023']);
  });

  it('an older copy of the app holding the old store: refused with who holds it, nothing moved', async () => {
    const old = await oldProfile();
    const release = acquireStoreLock(old.legacy, 'app');
    try {
      await expect(moveLegacyStore(old.legacy, old.target)).rejects.toThrow();
      expect(existsSync(old.target)).toBe(false);
      expect(existsSync(old.legacy)).toBe(true);
    } finally {
      release();
    }
  });
});
