import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../../electron/core/store/open';
import { insertPackage, loadPlan, listPlans } from '../../../electron/core/store/plans';
import { serializeExchange } from '../../../electron/core/exchange/exchange';
import { loadSamplePackage } from '../../../electron/core/sample';
import { removeTempDirs, tempDir } from '../helpers';

afterEach(removeTempDirs);

const count = (db: ReturnType<typeof openStore>, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const TABLES = ['plans', 'plan_fields', 'plan_list_items', 'body_nodes', 'appendix_columns', 'appendix_groups', 'appendix_rows', 'row_cells', 'agencies', 'row_mentions', 'plan_versions'];

describe('migration 004-stable-ids', () => {
  it('rebuilds plans and plan_versions with AUTOINCREMENT, keeping every row and reference; purged ids are never given again', () => {
    const path = join(tempDir(), 'v3.sqlite');
    const v3 = openStore(path, { targetVersion: 3 });
    const first = insertPackage(v3, loadSamplePackage());
    const secondPkg = { ...loadSamplePackage(), title: 'Thứ hai' };
    const second = insertPackage(v3, secondPkg);
    // The stores of this version are read with SQL of this version (loadPlan reads the latest schema).
    const before = serializeExchange(secondPkg);
    v3.prepare("INSERT INTO plan_versions (plan_id, name, created_at, revision, snapshot) VALUES (?, 'v1', 'x', 0, ?)").run(second, before);
    // A column keyed `constructor`, as the Columns panel made it from a caption "Constructor" before.
    v3.prepare("INSERT INTO appendix_columns (plan_id, key, position, caption, kind, role, width, hidden) VALUES (?, 'constructor', 99, 'Constructor', 'text', NULL, 20, 0)").run(first);
    const rowId = (v3.prepare('SELECT r.id FROM appendix_rows r JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = ? ORDER BY g.position, r.position LIMIT 1').get(first) as { id: number }).id;
    v3.prepare("INSERT INTO row_cells (row_id, column_key, value) VALUES (?, 'constructor', 'Nhà thầu A')").run(rowId);
    const counts = Object.fromEntries(TABLES.map((t) => [t, count(v3, t)]));
    v3.close();

    const v4 = openStore(path, { targetVersion: 4 });
    expect(v4.pragma('user_version', { simple: true })).toBe(4);
    for (const table of ['plans', 'plan_versions']) {
      expect((v4.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string }).sql).toMatch(/INTEGER PRIMARY KEY AUTOINCREMENT/);
    }
    expect(Object.fromEntries(TABLES.map((t) => [t, count(v4, t)]))).toEqual(counts);
    expect(v4.pragma('foreign_key_check')).toEqual([]);
    v4.close();

    // Later migrations keep all of it; the plans read back whole.
    const db = openStore(path);
    for (const table of ['plans', 'plan_versions']) {
      expect((db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string }).sql).toMatch(/INTEGER PRIMARY KEY AUTOINCREMENT/);
    }
    expect(Object.fromEntries(TABLES.map((t) => [t, count(db, t)]))).toEqual(counts);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(serializeExchange(loadPlan(db, second).pkg)).toBe(before);
    expect(db.prepare('SELECT plan_id FROM plan_versions').all()).toEqual([{ plan_id: second }]);
    // The reserved key was renamed with its cell.
    const cells = loadPlan(db, first).pkg.appendix.groups[0].rows[0].cells;
    expect(Object.prototype.hasOwnProperty.call(cells, 'constructor')).toBe(false);
    expect(cells['constructor-1']).toBe('Nhà thầu A');

    // Purging the newest plan: its children go with it (the foreign keys still cascade), and its id is not reused.
    db.prepare('DELETE FROM plans WHERE id = ?').run(second);
    expect(count(db, 'plan_versions')).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM plan_fields WHERE plan_id = ?').get(second)).toEqual({ n: 0 });
    const third = insertPackage(db, loadSamplePackage());
    expect(third).toBe(second + 1);
    expect(listPlans(db).map((p) => p.id)).toEqual(expect.arrayContaining([first, third]));
    db.close();
  });
});
