import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../../electron/core/store/open';
import { LATEST_VERSION } from '../../../electron/core/store/migrations';
import { insertPackage, loadPlan } from '../../../electron/core/store/plans';
import { deleteAppendixRow, setCell } from '../../../electron/core/store/edits';
import { loadSamplePackage } from '../../../electron/core/sample';
import { content, removeTempDirs, tempDir, userErrorOf } from '../helpers';

afterEach(removeTempDirs);

const tables = (db: ReturnType<typeof openStore>) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);

describe('migration 006-issue-tracking', () => {
  it('a version-5 store with the sample opens with the tracking tables, its plan unchanged and editable (never issued)', () => {
    const path = join(tempDir(), 'v5.sqlite');
    const old = openStore(path, { targetVersion: 5 });
    const planId = insertPackage(old, loadSamplePackage());
    expect(tables(old)).not.toContain('plan_issues');
    old.close();
    const db = openStore(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    for (const t of ['plan_issues', 'plan_tracking', 'report_periods', 'reporting_units', 'reporting_unit_agencies', 'period_returns', 'return_lines', 'task_status', 'return_proposals']) {
      expect(tables(db)).toContain(t);
    }
    expect(content(loadPlan(db, planId).pkg)).toBe(content(loadSamplePackage()));
    const rowId = loadPlan(db, planId).pkg.appendix.groups[0].rows[0].id!;
    setCell(db, planId, rowId, 'note', 'sửa được');
    expect(loadPlan(db, planId).pkg.appendix.groups[0].rows[0].cells.note).toBe('sửa được');
    db.close();
  });

  it('after it, a frozen plan refuses an edit of its content, and tracking rows go with the row they name', () => {
    const db = openStore(join(tempDir(), 'v6.sqlite'));
    const planId = insertPackage(db, loadSamplePackage());
    const rowId = loadPlan(db, planId).pkg.appendix.groups[0].rows[0].id!;
    db.prepare("INSERT INTO plan_tracking (plan_id, uid, frozen) VALUES (?, 'u', 1)").run(planId);
    db.prepare("INSERT INTO plan_issues (plan_id, kind, number, symbol, date, issued_at) VALUES (?, 'issue', '2142', 'QĐ-UBND', '2023-12-09', 'now')").run(planId);
    expect(userErrorOf(() => setCell(db, planId, rowId, 'note', 'x'))).toMatch(/issued/);
    const period = Number(db.prepare("INSERT INTO report_periods (plan_id, key, year, code, label, from_date, cutoff, due, returns_due, by_rule) VALUES (?, '2024-q1', 2024, 'q1', 'Quý I năm 2024', '2023-12-15', '2024-03-14', '2024-03-20', '2024-03-14', 1)").run(planId).lastInsertRowid);
    db.prepare("INSERT INTO task_status (period_id, row_id, status, updated_at) VALUES (?, ?, 'done', 'now')").run(period, rowId);
    db.prepare('UPDATE plan_tracking SET frozen = 0 WHERE plan_id = ?').run(planId);
    deleteAppendixRow(db, planId, rowId);
    expect(db.prepare('SELECT count(*) AS n FROM task_status').get()).toEqual({ n: 0 });
    db.close();
  });
});
