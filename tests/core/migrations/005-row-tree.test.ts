import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../../electron/core/store/open';
import { MIGRATIONS, LATEST_VERSION } from '../../../electron/core/store/migrations';
import { insertPackage, loadPlan } from '../../../electron/core/store/plans';
import { deleteAppendixRow } from '../../../electron/core/store/edits';
import { loadSamplePackage } from '../../../electron/core/sample';
import { content, removeTempDirs, tempDir } from '../helpers';
import { frameworkPackage } from '../fixtures/framework';

afterEach(removeTempDirs);

describe('migration 005-row-tree', () => {
  const earlier = MIGRATIONS.filter((m) => m.version < 5).map((m) => m.version);

  it.each(earlier)('a version-%i store with the sample opens at the latest version, its plan unchanged', (version) => {
    const path = join(tempDir(), `v${version}.sqlite`);
    const old = openStore(path, { targetVersion: version });
    expect(old.pragma('user_version', { simple: true })).toBe(version);
    // Only what version 1 already had: a flat table, no v2 options.
    const planId = insertPackage(old, loadSamplePackage());
    old.close();
    const db = openStore(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const columns = (db.prepare('PRAGMA table_info(appendix_rows)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toContain('parent_id');
    expect(db.prepare('SELECT count(*) AS n FROM appendix_rows WHERE parent_id IS NOT NULL').get()).toEqual({ n: 0 });
    expect(content(loadPlan(db, planId).pkg)).toBe(content(loadSamplePackage()));
    db.close();
  });

  it('after it, a row tree is stored and read back, and a parent takes its sub-rows with it', () => {
    const db = openStore(join(tempDir(), 'v5.sqlite'));
    const pkg = frameworkPackage(2, 2);
    const planId = insertPackage(db, pkg);
    const loaded = loadPlan(db, planId).pkg;
    expect(content(loaded)).toBe(content(pkg));
    expect(loaded.appendix.groups[0].rows[0].children?.[1].children?.[0].cells.activity).toBe('Hoạt động 1.2.1');
    const parents = db.prepare('SELECT count(*) AS n FROM appendix_rows WHERE parent_id IS NOT NULL').get() as { n: number };
    expect(parents.n).toBe(2 * 2 + 2 * 2 * 2);
    deleteAppendixRow(db, planId, loaded.appendix.groups[0].rows[0].id!);
    expect(db.prepare('SELECT count(*) AS n FROM appendix_rows').get()).toEqual({ n: 1 + 2 + 4 });
    db.close();
  });
});
