import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../../electron/core/store/open';
import { MIGRATIONS } from '../../../electron/core/store/migrations';
import { insertPackage } from '../../../electron/core/store/plans';
import { listVersions, saveVersion } from '../../../electron/core/store/versions';
import { loadSamplePackage } from '../../../electron/core/sample';
import { removeTempDirs, tempDir } from '../helpers';

afterEach(removeTempDirs);

// Looked up by name: the lead numbers the migrations of one round when merging them.
const self = MIGRATIONS.find((m) => m.name === '008-version-origins')!;

describe('migration 008-version-origins', () => {
  it('adds version_origins to an earlier store; its named versions stay named', () => {
    const path = join(tempDir(), 'old.sqlite');
    const old = openStore(path, { targetVersion: self.version - 1 });
    const planId = insertPackage(old, loadSamplePackage());
    old.prepare("INSERT INTO plan_versions (plan_id, name, created_at, revision, snapshot) VALUES (?, 'Dự thảo', '2024-01-01T00:00:00.000Z', 0, '{}')").run(planId);
    expect(old.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'version_origins'").get()).toEqual({ n: 0 });
    old.close();

    const db = openStore(path);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(self.version);
    const columns = (db.prepare('PRAGMA table_info(version_origins)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(columns).toEqual(['version_id', 'kind', 'detail']);
    expect(listVersions(db, planId)).toMatchObject([{ name: 'Dự thảo', kind: 'named' }]);
    db.close();
  });

  it('after it, an origin is kept with its version, refused for an unknown kind, and removed with the version', () => {
    const db = openStore(join(tempDir(), 'new.sqlite'));
    const planId = insertPackage(db, loadSamplePackage());
    const v = saveVersion(db, planId, 'Như khi nhập từ tệp kh.docx', { kind: 'imported', file: 'kh.docx', format: 'docx' });
    expect(v).toMatchObject({ kind: 'imported', file: 'kh.docx' });
    expect(db.prepare('SELECT kind, detail FROM version_origins WHERE version_id = ?').get(v.id)).toEqual({ kind: 'imported', detail: '{"file":"kh.docx","format":"docx"}' });
    expect(() => db.prepare("INSERT INTO version_origins (version_id, kind, detail) VALUES (?, 'guessed', '{}')").run(v.id)).toThrow(/CHECK/);
    db.prepare('DELETE FROM plan_versions WHERE id = ?').run(v.id);
    expect(db.prepare('SELECT count(*) AS n FROM version_origins').get()).toEqual({ n: 0 });
    db.close();
  });
});
