import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../../electron/core/store/open';
import { LATEST_VERSION } from '../../../electron/core/store/migrations';
import { insertPackage, loadPlan } from '../../../electron/core/store/plans';
import { loadSamplePackage } from '../../../electron/core/sample';
import { content, removeTempDirs, tempDir } from '../helpers';

afterEach(removeTempDirs);

describe('migration 007-reports', () => {
  it('a version-6 store opens with the report tables, its plan unchanged', () => {
    const path = join(tempDir(), 'v6.sqlite');
    const old = openStore(path, { targetVersion: 6 });
    const planId = insertPackage(old, loadSamplePackage());
    old.close();
    const db = openStore(path);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['reports', 'report_nodes']));
    expect(content(loadPlan(db, planId).pkg)).toBe(content(loadSamplePackage()));
    db.close();
  });

  it('after it, a report holds one body tree per period, and goes with its period', () => {
    const db = openStore(join(tempDir(), 'v7.sqlite'));
    const planId = insertPackage(db, loadSamplePackage());
    const period = Number(db.prepare("INSERT INTO report_periods (plan_id, key, year, code, label, from_date, cutoff, due, returns_due, by_rule) VALUES (?, '2024-q1', 2024, 'q1', 'Quý I năm 2024', '2023-12-15', '2024-03-14', '2024-03-20', '2024-03-14', 1)").run(planId).lastInsertRowid);
    const insert = "INSERT INTO reports (plan_id, period_id, template, number, symbol, summary, place, addressees, recipients, signer, created_at, updated_at) VALUES (?, ?, 't', '', 'BC-UBND', 's', 'p', '[]', '[]', '{}', 'now', 'now')";
    const report = Number(db.prepare(insert).run(planId, period).lastInsertRowid);
    expect(() => db.prepare(insert).run(planId, period)).toThrow(/UNIQUE/);
    const part = Number(db.prepare("INSERT INTO report_nodes (report_id, parent_id, position, kind, heading, text, auto) VALUES (?, NULL, 0, 'part', 1, '[]', NULL)").run(report).lastInsertRowid);
    db.prepare("INSERT INTO report_nodes (report_id, parent_id, position, kind, heading, text, auto) VALUES (?, ?, 0, 'paragraph', 0, '[]', 'totals')").run(report, part);
    db.prepare('DELETE FROM report_periods WHERE id = ?').run(period);
    expect(db.prepare('SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM report_nodes) AS n').get()).toEqual({ n: 0 });
    db.close();
  });
});
