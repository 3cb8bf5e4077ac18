/** Backups (online backup, verified, 10 kept, restore) and the export of every plan to one folder. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  backupStore, backupsDirFor, backupsToKeep, exportAllPlans, listBackups, restoreBackup, scheduleBackups, shouldBackUp, slugify,
} from '../../electron/core/store/backup';
import { openSqlite, openStore } from '../../electron/core/store/open';
import { insertPackage, listPlans, loadPlan, trashPlan } from '../../electron/core/store/plans';
import { setField } from '../../electron/core/store/edits';
import { parseExchange } from '../../electron/core/exchange/exchange';
import { loadSamplePackage } from '../../electron/core/sample';
import { UserError } from '../../electron/core/errors';
import { content, removeTempDirs, tempStore } from './helpers';

afterEach(removeTempDirs);

const at = (day: number, hour = 9, minute = 0, second = 0) => new Date(2025, 2, day, hour, minute, second);

describe('backupStore', () => {
  it('copies the open store with the online backup, verified, as a single file named by the time', async () => {
    const { db, path } = tempStore();
    const id = insertPackage(db, loadSamplePackage());
    // A write still in the WAL (not checkpointed) is in the copy too.
    setField(db, id, 'issuer.place', 'Đồng Xoài');
    const dir = backupsDirFor(path);
    const backup = await backupStore(db, dir, { now: at(12, 8, 15, 0) });
    expect(backup.name).toBe('soan-ke-hoach-20250312-081500.sqlite');
    expect(backup.day).toBe('2025-03-12');
    expect(readdirSync(dir)).toEqual([backup.name]); // no .partial, no -wal or -journal left
    const copy = openSqlite(backup.file, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    } finally {
      copy.close();
    }
    const reopened = openStore(backup.file);
    expect(loadPlan(reopened, id).pkg.issuer.place).toBe('Đồng Xoài');
    reopened.close();
    db.close();
  });

  it('keeps the newest 10 and one per day for 30 days: clicks never erase earlier days; same-second names differ', async () => {
    const { db, path } = tempStore();
    insertPackage(db, loadSamplePackage());
    const dir = backupsDirFor(path);
    for (let day = 1; day <= 5; day++) await backupStore(db, dir, { now: at(day) });
    // Twelve clicks on "Back up now" on day 6, two of them in the same second.
    for (let click = 0; click < 12; click++) await backupStore(db, dir, { now: at(6, 10, click === 11 ? 10 : click) });
    let names = listBackups(dir).map((b) => b.name);
    expect(names[0]).toBe('soan-ke-hoach-20250306-101000-2.sqlite'); // newest first
    expect(names[1]).toBe('soan-ke-hoach-20250306-101000.sqlite');
    expect(names.filter((n) => n.includes('20250306'))).toHaveLength(10);
    expect(names.slice(10)).toEqual([5, 4, 3, 2, 1].map((d) => `soan-ke-hoach-2025030${d}-090000.sqlite`));
    expect(readdirSync(dir)).toHaveLength(15);
    // 40 days later: days older than 30 go, except what is among the newest 10.
    await backupStore(db, dir, { now: at(46) });
    names = listBackups(dir).map((b) => b.name);
    expect(names).toHaveLength(10);
    expect(names[0]).toBe('soan-ke-hoach-20250415-090000.sqlite');
    expect(names.slice(1).every((n) => n.includes('20250306'))).toBe(true);
    db.close();
  });

  it('backupsToKeep: the newest of each of the last 30 days besides the newest 10', () => {
    const list = [31, 30, 29, 2, 1].flatMap((d) => [2, 1].map((h) => ({ file: `${d}-${h}`, name: '', createdAt: '', size: 1, day: `2025-03-${String(d).padStart(2, '0')}` })));
    const kept = backupsToKeep(list, { keep: 3, days: 30, now: at(31) });
    // Newest 3 (31-2, 31-1, 30-2), then the newest of each day from 2 March on; 1 March is 31 days back.
    expect([...kept].sort()).toEqual(['2-2', '29-2', '30-2', '31-1', '31-2']);
  });

  it('"on start and then daily": needed when there is none of today', async () => {
    const { db, path } = tempStore();
    const dir = backupsDirFor(path);
    expect(shouldBackUp(dir, at(5))).toBe(true); // no folder yet
    await backupStore(db, dir, { now: at(5, 23, 59, 59) });
    expect(shouldBackUp(dir, at(5, 10))).toBe(false);
    expect(shouldBackUp(dir, at(6, 0, 0, 1))).toBe(true);
    db.close();
  });

  it('scheduleBackups makes one on start, none more that day', async () => {
    const { db, path } = tempStore();
    const dir = backupsDirFor(path);
    const made: string[] = [];
    const schedule = scheduleBackups(db, dir, { onBackup: (b) => made.push(b.name), onError: (e) => { throw e; } });
    await schedule.stop();
    expect(made).toHaveLength(1);
    const again = scheduleBackups(db, dir, { onBackup: (b) => made.push(b.name) });
    await again.stop();
    expect(made).toHaveLength(1);
    db.close();
  });

  it('a leftover .partial from a killed run is not listed and is swept by the next backup', async () => {
    const { db, path } = tempStore();
    const dir = backupsDirFor(path);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'soan-ke-hoach-20250101-000000.sqlite.partial'), 'half');
    expect(listBackups(dir)).toEqual([]);
    const b = await backupStore(db, dir, { now: at(2) });
    expect(readdirSync(dir)).toEqual([b.name]);
    db.close();
  });

  it('a backup folder that cannot be made is a UserError', async () => {
    const { db, dir } = tempStore();
    writeFileSync(join(dir, 'not-a-folder'), '');
    await expect(backupStore(db, join(dir, 'not-a-folder', 'backups'))).rejects.toBeInstanceOf(UserError);
    db.close();
  });
});

describe('restoreBackup', () => {
  it('brings back the old content and keeps a backup of the store it replaced', async () => {
    const { db, path } = tempStore();
    const id = insertPackage(db, loadSamplePackage());
    setField(db, id, 'issuer.place', 'Trước');
    const dir = backupsDirFor(path);
    const old = await backupStore(db, dir, { now: at(1) });
    const before = content(loadPlan(db, id).pkg);
    setField(db, id, 'issuer.place', 'Sau');
    const second = insertPackage(db, loadSamplePackage());
    const after = content(loadPlan(db, id).pkg);
    db.close(); // the caller closes …

    const result = await restoreBackup(path, old.file, { now: at(2) });
    expect(result.setAside).toBeNull();
    expect(result.replaced?.name).toBe('soan-ke-hoach-20250302-090000.sqlite');
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(readdirSync(join(path, '..')).filter((n) => n.includes('restoring'))).toEqual([]);

    const restored = openStore(path); // … and opens again
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(content(loadPlan(restored, id).pkg)).toBe(before);
    expect(listPlans(restored).map((p) => p.id)).not.toContain(second);
    restored.close();

    // The replaced store is itself a backup that restores the later content.
    const replaced = openStore(result.replaced!.file);
    expect(content(loadPlan(replaced, id).pkg)).toBe(after);
    replaced.close();
    // The chosen backup is still there.
    expect(listBackups(dir).map((b) => b.name)).toEqual([result.replaced!.name, old.name]);
  });

  it('restoring the oldest of 10, made 40 days before, keeps it besides the newest 10 (the replaced store first)', async () => {
    const { db, path } = tempStore();
    const dir = backupsDirFor(path);
    for (let day = 1; day <= 10; day++) await backupStore(db, dir, { now: at(day) });
    db.close();
    const oldest = listBackups(dir).at(-1)!;
    const { replaced } = await restoreBackup(path, oldest.file, { now: at(50) });
    const names = listBackups(dir).map((b) => b.name);
    expect(names).toHaveLength(11);
    expect(names).toContain(oldest.name);
    expect(names[0]).toBe(replaced!.name);
  });

  it('a damaged store is set aside byte for byte, then replaced', async () => {
    const { db, path } = tempStore();
    insertPackage(db, loadSamplePackage());
    const dir = backupsDirFor(path);
    const good = await backupStore(db, dir, { now: at(1) });
    db.close();
    const damaged = Buffer.alloc(8192, 0x41);
    writeFileSync(path, damaged);
    const result = await restoreBackup(path, good.file, { now: at(2) });
    expect(result.replaced).toBeNull();
    expect(readFileSync(result.setAside!).equals(damaged)).toBe(true);
    const restored = openStore(path);
    expect(listPlans(restored)).toHaveLength(1);
    restored.close();
  });

  it('refuses a file that is not a good backup, leaving the store untouched', async () => {
    const { db, path, dir } = tempStore();
    insertPackage(db, loadSamplePackage());
    db.close();
    const bytes = readFileSync(path);
    const bogus = join(dir, 'bogus.sqlite');
    writeFileSync(bogus, 'not a database at all, just text that is long enough'.repeat(100));
    await expect(restoreBackup(path, bogus)).rejects.toBeInstanceOf(UserError);
    await expect(restoreBackup(path, join(dir, 'missing.sqlite'))).rejects.toThrow(/no such backup/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(existsSync(backupsDirFor(path))).toBe(false);
  });
});

describe('exportAllPlans', () => {
  it('writes one valid exchange file per plan (the trash too) and an index', () => {
    const { db, dir } = tempStore();
    const a = insertPackage(db, loadSamplePackage());
    const b = insertPackage(db, { ...loadSamplePackage(), title: 'Kế hoạch Đồng Xoài năm 2026' });
    trashPlan(db, b);
    const folder = join(dir, 'export');
    const result = exportAllPlans(db, folder);
    expect(result.plans.map((p) => p.id)).toEqual([a, b]);
    expect(result.plans[1].file).toBe(`${b}-ke-hoach-dong-xoai-nam-2026.json`);
    expect(result.plans[1].deletedAt).not.toBeNull();
    expect(readdirSync(folder).sort()).toEqual([...result.plans.map((p) => p.file), 'index.json'].sort());
    for (const p of result.plans) {
      const pkg = parseExchange(readFileSync(join(folder, p.file), 'utf8'), p.file);
      expect(content(pkg)).toBe(content(loadPlan(db, p.id).pkg));
    }
    const index = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8'));
    expect(index.plans).toHaveLength(2);
    expect(readdirSync(dir).filter((n) => n.includes('partial'))).toEqual([]);
    db.close();
  });

  it('writes nothing when it fails midway, nor into an unwritable or non-empty target', () => {
    const { db, dir } = tempStore();
    insertPackage(db, loadSamplePackage());
    const broken = insertPackage(db, loadSamplePackage());
    // The second plan cannot be read back (a body node's text is not JSON): the failure comes after the first file.
    db.prepare('UPDATE body_nodes SET text = ? WHERE id = (SELECT min(id) FROM body_nodes WHERE plan_id = ?)').run('{broken', broken);
    const folder = join(dir, 'export');
    expect(() => exportAllPlans(db, folder)).toThrow(UserError);
    expect(existsSync(folder)).toBe(false);
    expect(readdirSync(dir).filter((n) => n.includes('export'))).toEqual([]);

    // Unwritable target: its parent is a file.
    writeFileSync(join(dir, 'file'), '');
    expect(() => exportAllPlans(db, join(dir, 'file', 'export'))).toThrow(/nothing was exported/);
    // A folder that already holds something is not mixed into.
    mkdirSync(join(dir, 'full'));
    writeFileSync(join(dir, 'full', 'keep.txt'), 'x');
    expect(() => exportAllPlans(db, join(dir, 'full'))).toThrow(/not empty/);
    expect(readdirSync(join(dir, 'full'))).toEqual(['keep.txt']);
    db.close();
  });

  it('slugify folds Vietnamese to ASCII', () => {
    expect(slugify('Kế hoạch Đồng Xoài năm 2025')).toBe('ke-hoach-dong-xoai-nam-2025');
    expect(slugify('  ***  ')).toBe('plan');
    expect(slugify('a'.repeat(100))).toHaveLength(60);
  });
});
