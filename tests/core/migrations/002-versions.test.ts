import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../../electron/core/store/open';
import { insertPackage } from '../../../electron/core/store/plans';
import { loadSamplePackage } from '../../../electron/core/sample';
import { removeTempDirs, tempDir } from '../helpers';

afterEach(removeTempDirs);

describe('migration 002-versions', () => {
  it('adds plan_versions to a version-1 store without touching its plans', () => {
    const path = join(tempDir(), 'v1.sqlite');
    const v1 = openStore(path, { targetVersion: 1 });
    const planId = insertPackage(v1, loadSamplePackage());
    expect(v1.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'plan_versions'").get()).toEqual({ n: 0 });
    v1.close();

    const db = openStore(path);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(2);
    const columns = (db.prepare('PRAGMA table_info(plan_versions)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(['id', 'plan_id', 'name', 'created_at', 'revision', 'snapshot']);
    expect(db.prepare('SELECT count(*) AS n FROM appendix_rows').get()).toEqual({ n: 48 });
    db.close();
    void planId;
  });

  it('removes a plan\'s versions with the plan (cascade)', () => {
    const db = openStore(join(tempDir(), 's.sqlite'));
    const planId = insertPackage(db, loadSamplePackage());
    db.prepare("INSERT INTO plan_versions (plan_id, name, created_at, revision, snapshot) VALUES (?, 'v', '2024-01-01', 0, '{}')").run(planId);
    db.prepare('DELETE FROM plans WHERE id = ?').run(planId);
    expect(db.prepare('SELECT count(*) AS n FROM plan_versions').get()).toEqual({ n: 0 });
    expect(() => db.prepare("INSERT INTO plan_versions (plan_id, name, created_at, revision, snapshot) VALUES (999, 'v', 'x', 0, '{}')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
