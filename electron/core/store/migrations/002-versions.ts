import type { Database } from 'better-sqlite3';

/**
 * Version 2: named snapshots of a plan ("Dự thảo xin ý kiến", "Bản trình ký"). A snapshot is the plan's
 * exchange file as it was: self-contained, readable by any later version, and restorable as a new plan.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE plan_versions (
      id         INTEGER PRIMARY KEY,
      plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      name       TEXT    NOT NULL,
      created_at TEXT    NOT NULL,
      -- The plan's revision when the snapshot was taken.
      revision   INTEGER NOT NULL,
      -- The exchange file (format soan-ke-hoach/plan) of the plan at that moment.
      snapshot   TEXT    NOT NULL
    );
    CREATE INDEX plan_versions_plan ON plan_versions (plan_id, created_at);
  `);
}
