import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../../electron/core/store/open';
import { insertPackage, loadPlan } from '../../../electron/core/store/plans';
import { loadSamplePackage } from '../../../electron/core/sample';
import { removeTempDirs, tempDir } from '../helpers';

afterEach(removeTempDirs);

describe('migration 003-row-sources', () => {
  it('adds row_sources to a version-2 store, its rows removed with their rows', () => {
    const path = join(tempDir(), 'v2.sqlite');
    const v2 = openStore(path, { targetVersion: 2 });
    const planId = insertPackage(v2, loadSamplePackage());
    v2.close();
    const db = openStore(path);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    const columns = (db.prepare('PRAGMA table_info(row_sources)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(['row_id', 'file', 'department', 'taken_at']);
    const rowId = loadPlan(db, planId).pkg.appendix.groups[0].rows[0].id!;
    db.prepare("INSERT INTO row_sources (row_id, file, department, taken_at) VALUES (?, 'so-tu-phap.xlsx', 'Sở Tư pháp', 'x')").run(rowId);
    db.prepare('DELETE FROM appendix_rows WHERE id = ?').run(rowId);
    expect(db.prepare('SELECT count(*) AS n FROM row_sources').get()).toEqual({ n: 0 });
    expect(() => db.prepare("INSERT INTO row_sources (row_id, file, department, taken_at) VALUES (99999, 'f', 'd', 'x')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
