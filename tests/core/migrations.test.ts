/**
 * Every earlier store version opens: build a store at version v (0 = an empty file), put data in it,
 * reopen it with the current program, and the data is intact and a full package can be stored and read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLICATION_ID, openStore, schemaVersion, type Db } from '../../electron/core/store/open';
import { LATEST_VERSION, MIGRATIONS } from '../../electron/core/store/migrations';
import { insertPackage, listPlans, loadPlan } from '../../electron/core/store/plans';
import { loadSamplePackage } from '../../electron/core/sample';
import { cellText } from '../../electron/core/model/text';
import { content, removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

interface Seed {
  /** Writes data with the schema of this version, in plain SQL (the program's current code may not fit that schema). */
  put(db: Db): void;
  /** Checks, after migrating to the latest version, that the data is still there. */
  check(db: Db): void;
}

/**
 * One seed per schema version that has tables. When migration 002 is added, version 1 becomes an
 * "earlier version" and its seed is used; the test below insists that every earlier version has one.
 */
const SEEDS: Record<number, Seed> = {
  1: {
    put(db) {
      const t = '2023-12-01T00:00:00.000Z';
      const planId = Number(db.prepare("INSERT INTO plans (title, year, has_decision, created_at, updated_at) VALUES ('Kế hoạch cũ', 2023, 1, ?, ?)").run(t, t).lastInsertRowid);
      db.prepare("INSERT INTO plan_fields (plan_id, field, value) VALUES (?, 'issuer.place', 'Bình Phước')").run(planId);
      db.prepare("INSERT INTO plan_list_items (plan_id, list, position, value) VALUES (?, 'decision.legalBases', 0, 'Căn cứ Luật;')").run(planId);
      db.prepare(`INSERT INTO body_nodes (plan_id, parent_id, position, kind, heading, text) VALUES (?, NULL, 0, 'part', 1, '[{"text":"MỤC ĐÍCH"}]')`).run(planId);
      db.prepare("INSERT INTO appendix_columns (plan_id, key, position, caption, kind, role, width, hidden) VALUES (?, 'task', 0, 'Nội dung', 'text', 'task', 95, 0)").run(planId);
      db.prepare("INSERT INTO appendix_columns (plan_id, key, position, caption, kind, role, width, hidden) VALUES (?, 'lead', 1, 'Chủ trì', 'agencies', 'lead', 45, 0)").run(planId);
      const agencyId = Number(db.prepare("INSERT INTO agencies (plan_id, key, name) VALUES (?, 'so-noi-vu', 'Sở Nội vụ')").run(planId).lastInsertRowid);
      const groupId = Number(db.prepare("INSERT INTO appendix_groups (plan_id, position, title) VALUES (?, 0, 'Cải cách thể chế')").run(planId).lastInsertRowid);
      const rowId = Number(db.prepare('INSERT INTO appendix_rows (group_id, position) VALUES (?, 0)').run(groupId).lastInsertRowid);
      db.prepare("INSERT INTO row_cells (row_id, column_key, value) VALUES (?, 'task', 'Rà soát văn bản')").run(rowId);
      db.prepare("INSERT INTO row_mentions (row_id, column_key, position, agency_id, after) VALUES (?, 'lead', 0, ?, '')").run(rowId, agencyId);
    },
    check(db) {
      const [summary] = listPlans(db);
      expect(summary.title).toBe('Kế hoạch cũ');
      const { pkg } = loadPlan(db, summary.id);
      expect(pkg.issuer.place).toBe('Bình Phước');
      expect(pkg.decision?.legalBases).toEqual(['Căn cứ Luật;']);
      expect(pkg.plan.body.map((n) => n.text[0].text)).toEqual(['MỤC ĐÍCH']);
      const row = pkg.appendix.groups[0].rows[0];
      expect(row.cells.task).toBe('Rà soát văn bản');
      expect(cellText(row.cells.lead, pkg.agencies)).toBe('Sở Nội vụ');
    },
  },
  2: {
    put(db) {
      SEEDS[1].put(db);
      const planId = (db.prepare('SELECT id FROM plans').get() as { id: number }).id;
      db.prepare("INSERT INTO plan_versions (plan_id, name, created_at, revision, snapshot) VALUES (?, 'Dự thảo', '2023-12-02T00:00:00.000Z', 0, '{}')").run(planId);
    },
    check(db) {
      SEEDS[1].check(db);
      expect(db.prepare('SELECT name FROM plan_versions').all()).toEqual([{ name: 'Dự thảo' }]);
    },
  },
  3: {
    put(db) {
      SEEDS[2].put(db);
      const rowId = (db.prepare('SELECT id FROM appendix_rows').get() as { id: number }).id;
      db.prepare("INSERT INTO row_sources (row_id, file, department, taken_at) VALUES (?, 'so-tu-phap.xlsx', 'Sở Tư pháp', '2023-12-03T00:00:00.000Z')").run(rowId);
    },
    check(db) {
      SEEDS[2].check(db);
      expect(db.prepare('SELECT department FROM row_sources').all()).toEqual([{ department: 'Sở Tư pháp' }]);
      // 005: the old rows are top-level rows of their group.
      expect(db.prepare('SELECT parent_id FROM appendix_rows').all()).toEqual([{ parent_id: null }]);
    },
  },
  4: {
    // 004 rebuilt plans and plan_versions (AUTOINCREMENT ids); 005 must keep every row of a version-4 store.
    put(db) {
      SEEDS[3].put(db);
    },
    check(db) {
      SEEDS[3].check(db);
    },
  },
  5: {
    // A sub-row (005): 006 and 007 must keep the tree.
    put(db) {
      SEEDS[4].put(db);
      const { id, group_id: groupId } = db.prepare('SELECT id, group_id FROM appendix_rows').get() as { id: number; group_id: number };
      const child = Number(db.prepare('INSERT INTO appendix_rows (group_id, position, parent_id) VALUES (?, 0, ?)').run(groupId, id).lastInsertRowid);
      db.prepare("INSERT INTO row_cells (row_id, column_key, value) VALUES (?, 'task', 'Rà soát văn bản cấp huyện')").run(child);
    },
    check(db) {
      SEEDS[2].check(db);
      const { pkg } = loadPlan(db, listPlans(db)[0].id);
      expect(pkg.appendix.groups[0].rows[0].children?.map((r) => r.cells.task)).toEqual(['Rà soát văn bản cấp huyện']);
    },
  },
  6: {
    // The year after the signature (006): an issue, a period, a return and its line, the secretariat's word; 007 keeps them.
    put(db) {
      SEEDS[5].put(db);
      const planId = (db.prepare('SELECT id FROM plans').get() as { id: number }).id;
      const child = (db.prepare('SELECT id FROM appendix_rows WHERE parent_id IS NOT NULL').get() as { id: number }).id;
      db.prepare("INSERT INTO plan_tracking (plan_id, uid, frozen) VALUES (?, 'uid-1', 1)").run(planId);
      db.prepare("INSERT INTO plan_issues (plan_id, kind, number, symbol, date, issued_at) VALUES (?, 'issue', '12', 'QĐ-UBND', '2022-12-20', '2022-12-20T00:00:00.000Z')").run(planId);
      const period = Number(db.prepare("INSERT INTO report_periods (plan_id, key, year, code, label, from_date, cutoff, due, returns_due, by_rule) VALUES (?, '2023-q1', 2023, 'q1', 'Quý I năm 2023', '2022-12-15', '2023-03-14', '2023-03-20', '2023-03-14', 1)").run(planId).lastInsertRowid);
      const ret = Number(db.prepare("INSERT INTO period_returns (period_id, unit, unit_name, file, content_sha, read_at, matched_by, report) VALUES (?, 'so-noi-vu', 'Sở Nội vụ', 'so-noi-vu.xlsx', 'x', '2023-03-10T00:00:00.000Z', 'manifest', '{}')").run(period).lastInsertRowid);
      db.prepare("INSERT INTO return_lines (period_id, row_id, unit, role, status, progress, status_text, result, evidence, difficulties, note, return_id) VALUES (?, ?, 'so-noi-vu', 'lead', 'done', NULL, 'xong', 'Đã rà soát', 'CV 5/SNV', '', '', ?)").run(period, child, ret);
      db.prepare("INSERT INTO task_status (period_id, row_id, note, updated_at) VALUES (?, ?, 'Đã kiểm tra', '2023-03-12T00:00:00.000Z')").run(period, child);
    },
    check(db) {
      SEEDS[5].check(db);
      expect(db.prepare('SELECT number, symbol FROM plan_issues').all()).toEqual([{ number: '12', symbol: 'QĐ-UBND' }]);
      expect(db.prepare('SELECT status, status_text FROM return_lines').all()).toEqual([{ status: 'done', status_text: 'xong' }]);
      expect(db.prepare('SELECT note FROM task_status').all()).toEqual([{ note: 'Đã kiểm tra' }]);
      // 008-version-origins leaves named versions named (no origin row).
      expect(db.prepare('SELECT count(*) AS n FROM version_origins').get()).toEqual({ n: 0 });
    },
  },
  7: {
    // The period's report (007): its fields and a node; 008-version-origins keeps them and leaves named versions named.
    put(db) {
      SEEDS[6].put(db);
      const { id: planId } = db.prepare('SELECT id FROM plans').get() as { id: number };
      const { id: periodId } = db.prepare('SELECT id FROM report_periods').get() as { id: number };
      const report = Number(db.prepare("INSERT INTO reports (plan_id, period_id, template, number, symbol, summary, place, addressees, recipients, signer, created_at, updated_at) VALUES (?, ?, 'cchc-bnv-581', '', 'BC-UBND', 'Kết quả CCHC quý I', 'Bình Phước', '[]', '[]', '{}', 'now', 'now')").run(planId, periodId).lastInsertRowid);
      db.prepare("INSERT INTO report_nodes (report_id, parent_id, position, kind, heading, text, auto) VALUES (?, NULL, 0, 'part', 1, '[]', NULL)").run(report);
    },
    check(db) {
      SEEDS[6].check(db);
      expect(db.prepare('SELECT summary FROM reports').all()).toEqual([{ summary: 'Kết quả CCHC quý I' }]);
      expect(db.prepare('SELECT count(*) AS n FROM report_nodes').get()).toEqual({ n: 1 });
    },
  },
};

const BUILT = Array.from({ length: LATEST_VERSION }, (_, i) => i + 1).filter((v) => MIGRATIONS.some((m) => m.version === v));

/** Builds a store at `version`; returns the check to run after migration (none for an empty file). */
function buildAt(path: string, version: number): ((db: Db) => void) | null {
  if (version === 0) {
    writeFileSync(path, '');
    return null;
  }
  const db = openStore(path, { targetVersion: version });
  try {
    expect(schemaVersion(db)).toBe(version);
    SEEDS[version].put(db);
  } finally {
    db.close();
  }
  return SEEDS[version].check;
}

describe('migrations', () => {
  it('are numbered 1..LATEST_VERSION without gaps', () => {
    const missing = Array.from({ length: LATEST_VERSION }, (_, i) => i + 1).filter((v) => !MIGRATIONS.some((m) => m.version === v));
    expect(missing).toEqual([]);
    expect(MIGRATIONS.map((m) => m.version)).toEqual([...MIGRATIONS.map((m) => m.version)].sort((a, b) => a - b));
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(1);
  });

  it('every earlier version with tables has a seed for the test below', () => {
    for (const v of BUILT.filter((x) => x < LATEST_VERSION)) expect(SEEDS[v], `seed for version ${v}`).toBeDefined();
  });

  it('opens a database of every earlier version', () => {
    const sample = loadSamplePackage();
    for (const v of [0, ...BUILT.filter((x) => x < LATEST_VERSION)]) {
      const path = join(tempDir(), `v${v}.sqlite`);
      const check = buildAt(path, v);
      const db = openStore(path);
      try {
        expect(schemaVersion(db), `from version ${v}`).toBe(LATEST_VERSION);
        expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
        check?.(db);
        const before = listPlans(db).length;
        const id = insertPackage(db, sample);
        expect(content(loadPlan(db, id).pkg)).toBe(content(sample));
        expect(listPlans(db).length).toBe(before + 1);
      } finally {
        db.close();
      }
    }
  });

  it('a store built with targetVersion 0 is unmarked and empty, and then migrates', () => {
    const path = join(tempDir(), 'v0.sqlite');
    const db0 = openStore(path, { targetVersion: 0 });
    expect(schemaVersion(db0)).toBe(0);
    expect(db0.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
    db0.close();
    const db = openStore(path);
    try {
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expect(listPlans(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('a migration that fails leaves the file at its old version with nothing half-created', () => {
    const path = join(tempDir(), 'broken.sqlite');
    // Ours (application_id set) at version 0, but a table in the way makes 001 fail halfway.
    const raw = new Database(path);
    raw.pragma(`application_id = ${APPLICATION_ID}`);
    raw.exec("CREATE TABLE agencies (x); INSERT INTO agencies VALUES ('kept')");
    raw.close();
    expect(() => openStore(path)).toThrow(/agencies/);
    const after = new Database(path, { readonly: true });
    try {
      expect(after.pragma('user_version', { simple: true })).toBe(0);
      const tables = (after.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name);
      expect(tables).toEqual(['agencies']);
      expect(after.prepare('SELECT x FROM agencies').all()).toEqual([{ x: 'kept' }]);
    } finally {
      after.close();
    }
    // And the file was not damaged: it still reads as a SQLite file.
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
  });
});
