/** Migration 001: the tables, indexes and constraints of the first schema. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up } from '../../../electron/core/store/migrations/001-initial';
import { openStore, type Db } from '../../../electron/core/store/open';
import { insertPackage } from '../../../electron/core/store/plans';
import { loadSamplePackage } from '../../../electron/core/sample';
import { removeTempDirs, tempDir } from '../helpers';
import { join } from 'node:path';

const TABLES = [
  'agencies', 'app_meta', 'appendix_columns', 'appendix_groups', 'appendix_rows', 'body_nodes', 'plan_fields', 'plan_list_items', 'plans',
  'row_cells', 'row_mentions',
];
const INDEXES = ['appendix_groups_order', 'appendix_rows_order', 'body_nodes_order', 'body_nodes_parent', 'plan_list_items_order', 'row_mentions_agency'];
/** Tables that hold a plan's content (everything but the plan row and the store's own facts). */
const CHILD_COUNTS = {
  plan_fields: 'SELECT count(*) AS n FROM plan_fields WHERE plan_id = ?',
  plan_list_items: 'SELECT count(*) AS n FROM plan_list_items WHERE plan_id = ?',
  body_nodes: 'SELECT count(*) AS n FROM body_nodes WHERE plan_id = ?',
  appendix_columns: 'SELECT count(*) AS n FROM appendix_columns WHERE plan_id = ?',
  appendix_groups: 'SELECT count(*) AS n FROM appendix_groups WHERE plan_id = ?',
  agencies: 'SELECT count(*) AS n FROM agencies WHERE plan_id = ?',
  appendix_rows: 'SELECT count(*) AS n FROM appendix_rows r WHERE r.group_id IN (SELECT id FROM appendix_groups WHERE plan_id = ?)',
};

function counts(db: Db, planId: number): Record<string, number> {
  return Object.fromEntries(Object.entries(CHILD_COUNTS).map(([t, sql]) => [t, (db.prepare(sql).get(planId) as { n: number }).n]));
}
const total = (db: Db, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('migration 001-initial', () => {
  let db: Db;
  beforeEach(() => {
    db = openStore(join(tempDir(), 'store.sqlite'), { targetVersion: 1 });
  });
  afterEach(() => {
    db.close();
    removeTempDirs();
  });

  it('creates exactly the expected tables and indexes', () => {
    const names = (type: string) =>
      (db.prepare("SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name").all(type) as { name: string }[]).map((r) => r.name);
    expect(names('table')).toEqual(TABLES);
    expect(names('index')).toEqual(INDEXES);
  });

  it('runs on a bare database too (what migrate() calls)', () => {
    const raw = new Database(':memory:');
    try {
      up(raw);
      expect((raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n).toBe(TABLES.length);
    } finally {
      raw.close();
    }
  });

  it('has the columns the store code reads', () => {
    const cols = (t: string) => (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name);
    expect(cols('plans')).toEqual(['id', 'title', 'year', 'has_decision', 'created_at', 'updated_at', 'deleted_at', 'revision']);
    expect(cols('body_nodes')).toEqual(['id', 'plan_id', 'parent_id', 'position', 'kind', 'heading', 'text']);
    expect(cols('row_mentions')).toEqual(['row_id', 'column_key', 'position', 'agency_id', 'after']);
    expect(cols('appendix_columns')).toEqual(['plan_id', 'key', 'position', 'caption', 'kind', 'role', 'width', 'hidden']);
  });

  it('deleting a plan removes its fields, lists, body, columns, groups, rows, cells, mentions and agencies, and only its own', () => {
    const sample = loadSamplePackage();
    const a = insertPackage(db, sample);
    const b = insertPackage(db, sample);
    const countsB = counts(db, b);
    expect(countsB.body_nodes).toBeGreaterThan(9);
    expect(countsB.appendix_rows).toBe(48);
    const cellsTotal = total(db, 'row_cells');
    const mentionsTotal = total(db, 'row_mentions');
    expect(cellsTotal).toBeGreaterThan(0);
    expect(mentionsTotal).toBeGreaterThan(0);

    // Mentions reference agencies without cascade; deleting the groups first is what purgePlan does.
    db.prepare('DELETE FROM appendix_groups WHERE plan_id = ?').run(a);
    db.prepare('DELETE FROM plans WHERE id = ?').run(a);
    expect(Object.values(counts(db, a)).every((n) => n === 0)).toBe(true);
    expect(counts(db, b)).toEqual(countsB);
    expect(total(db, 'row_cells')).toBe(cellsTotal / 2);
    expect(total(db, 'row_mentions')).toBe(mentionsTotal / 2);
  });

  it('deleting a body node removes its whole subtree; deleting a row removes its cells and mentions', () => {
    const id = insertPackage(db, loadSamplePackage());
    // Part III (NHIỆM VỤ) has children and grandchildren.
    const part = db.prepare("SELECT id FROM body_nodes WHERE plan_id = ? AND parent_id IS NULL AND position = 4").get(id) as { id: number };
    const descendants = (db.prepare(
      'WITH RECURSIVE t(id) AS (SELECT id FROM body_nodes WHERE parent_id = ? UNION ALL SELECT b.id FROM body_nodes b JOIN t ON b.parent_id = t.id) SELECT count(*) AS n FROM t',
    ).get(part.id) as { n: number }).n;
    expect(descendants).toBe(60);
    const before = total(db, 'body_nodes');
    db.prepare('DELETE FROM body_nodes WHERE id = ?').run(part.id);
    expect(total(db, 'body_nodes')).toBe(before - 1 - descendants);

    const row = db.prepare('SELECT row_id AS id FROM row_mentions LIMIT 1').get() as { id: number };
    db.prepare('DELETE FROM appendix_rows WHERE id = ?').run(row.id);
    expect(db.prepare('SELECT count(*) AS n FROM row_cells WHERE row_id = ?').get(row.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM row_mentions WHERE row_id = ?').get(row.id)).toEqual({ n: 0 });
  });

  it('refuses to delete an agency that a cell still names (no silent loss of mentions)', () => {
    insertPackage(db, loadSamplePackage());
    const used = db.prepare('SELECT agency_id AS id FROM row_mentions LIMIT 1').get() as { id: number };
    expect(() => db.prepare('DELETE FROM agencies WHERE id = ?').run(used.id)).toThrow(/FOREIGN KEY/);
  });

  it('CHECK constraints reject a bad body kind, column kind, role, flag', () => {
    const t = '2024-01-01';
    const planId = Number(db.prepare("INSERT INTO plans (title, year, has_decision, created_at, updated_at) VALUES ('x', 2024, 1, ?, ?)").run(t, t).lastInsertRowid);
    const body = db.prepare("INSERT INTO body_nodes (plan_id, parent_id, position, kind, heading, text) VALUES (?, NULL, 0, ?, ?, '[]')");
    expect(() => body.run(planId, 'chapter', 0)).toThrow(/CHECK/);
    expect(() => body.run(planId, 'item', 2)).toThrow(/CHECK/);
    expect(() => body.run(planId, 'item', 0)).not.toThrow();
    const column = db.prepare("INSERT INTO appendix_columns (plan_id, key, position, caption, kind, role, width, hidden) VALUES (?, ?, 0, 'c', ?, ?, 10, 0)");
    expect(() => column.run(planId, 'a', 'date', null)).toThrow(/CHECK/);
    expect(() => column.run(planId, 'b', 'text', 'boss')).toThrow(/CHECK/);
    expect(() => column.run(planId, 'c', 'text', null)).not.toThrow();
    expect(() => db.prepare("INSERT INTO plans (title, year, has_decision, created_at, updated_at) VALUES ('y', 2024, 2, ?, ?)").run(t, t)).toThrow(/CHECK/);
  });

  it('foreign keys refuse orphans; keys are unique per plan', () => {
    expect(() => db.prepare("INSERT INTO appendix_groups (plan_id, position, title) VALUES (999, 0, 'x')").run()).toThrow(/FOREIGN KEY/);
    const t = '2024-01-01';
    const planId = Number(db.prepare("INSERT INTO plans (title, year, has_decision, created_at, updated_at) VALUES ('x', 2024, 1, ?, ?)").run(t, t).lastInsertRowid);
    db.prepare("INSERT INTO agencies (plan_id, key, name) VALUES (?, 'so-a', 'Sở A')").run(planId);
    expect(() => db.prepare("INSERT INTO agencies (plan_id, key, name) VALUES (?, 'so-a', 'Sở B')").run(planId)).toThrow(/UNIQUE/);
    const groupId = Number(db.prepare("INSERT INTO appendix_groups (plan_id, position, title) VALUES (?, 0, 'g')").run(planId).lastInsertRowid);
    const rowId = Number(db.prepare('INSERT INTO appendix_rows (group_id, position) VALUES (?, 0)').run(groupId).lastInsertRowid);
    expect(() => db.prepare("INSERT INTO row_mentions (row_id, column_key, position, agency_id, after) VALUES (?, 'lead', 0, 424242, '')").run(rowId)).toThrow(
      /FOREIGN KEY/,
    );
  });
});
