import type { Database } from 'better-sqlite3';

/**
 * Version 4: plan and version ids are never reused. Without AUTOINCREMENT SQLite gives a new row the largest id + 1,
 * so after the newest plan was purged the next plan got its id, and a stale tab or the Back button opened and edited
 * another plan. AUTOINCREMENT keeps the highest id ever given in sqlite_sequence.
 *
 * SQLite cannot add AUTOINCREMENT to a table: each is rebuilt (create the new table, copy, drop the old, rename), the
 * documented procedure, which needs foreign keys off while it runs (`rebuildsTables`: migrate() turns them off around
 * the transaction and runs `PRAGMA foreign_key_check` before committing). Every id is kept, so the tables that point
 * at plans (fields, lists, body, columns, groups, agencies, versions) still point at the same rows.
 *
 * It also renames column and agency keys that are names every object already has (`constructor`, made from a
 * caption "Constructor" before version 4 refused it; model/keys.ts) to `constructor-1` (or the next free suffix),
 * with the cells and mentions that use them, so such a plan exports again.
 */
export const rebuildsTables = true;

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE plans_new (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      title       TEXT    NOT NULL,
      year        INTEGER NOT NULL,
      has_decision INTEGER NOT NULL CHECK (has_decision IN (0, 1)),
      created_at  TEXT    NOT NULL,
      updated_at  TEXT    NOT NULL,
      deleted_at  TEXT,
      revision    INTEGER NOT NULL DEFAULT 0
    );
    INSERT INTO plans_new (id, title, year, has_decision, created_at, updated_at, deleted_at, revision)
      SELECT id, title, year, has_decision, created_at, updated_at, deleted_at, revision FROM plans;
    DROP TABLE plans;
    ALTER TABLE plans_new RENAME TO plans;

    CREATE TABLE plan_versions_new (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      name       TEXT    NOT NULL,
      created_at TEXT    NOT NULL,
      revision   INTEGER NOT NULL,
      snapshot   TEXT    NOT NULL
    );
    INSERT INTO plan_versions_new (id, plan_id, name, created_at, revision, snapshot)
      SELECT id, plan_id, name, created_at, revision, snapshot FROM plan_versions;
    DROP TABLE plan_versions;
    ALTER TABLE plan_versions_new RENAME TO plan_versions;
    CREATE INDEX plan_versions_plan ON plan_versions (plan_id, created_at);
  `);

  // Reserved keys (only `constructor` fits the key patterns) get a free suffix, with everything that names them.
  const taken = (table: string, planId: number, key: string) => db.prepare(`SELECT 1 FROM ${table} WHERE plan_id = ? AND key = ?`).get(planId, key) !== undefined;
  const free = (table: string, planId: number, key: string) => {
    let n = 1;
    while (taken(table, planId, `${key}-${n}`)) n++;
    return `${key}-${n}`;
  };
  for (const { plan_id: planId, key } of db.prepare("SELECT plan_id, key FROM appendix_columns WHERE key = 'constructor'").all() as Array<{ plan_id: number; key: string }>) {
    const next = free('appendix_columns', planId, key);
    const rows = 'SELECT r.id FROM appendix_rows r JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = ?';
    db.prepare('UPDATE appendix_columns SET key = ? WHERE plan_id = ? AND key = ?').run(next, planId, key);
    db.prepare(`UPDATE row_cells SET column_key = ? WHERE column_key = ? AND row_id IN (${rows})`).run(next, key, planId);
    db.prepare(`UPDATE row_mentions SET column_key = ? WHERE column_key = ? AND row_id IN (${rows})`).run(next, key, planId);
  }
  for (const { plan_id: planId, key } of db.prepare("SELECT plan_id, key FROM agencies WHERE key = 'constructor'").all() as Array<{ plan_id: number; key: string }>) {
    db.prepare('UPDATE agencies SET key = ? WHERE plan_id = ? AND key = ?').run(free('agencies', planId, key), planId, key);
  }
}
