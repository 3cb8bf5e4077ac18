import type { Database } from 'better-sqlite3';

/**
 * Version 5 (model v2): appendix rows form a tree. `parent_id` is NULL for a top-level row of its group and
 * the parent row otherwise (a child is always in its parent's group); `position` counts among siblings.
 * Deleting a parent deletes its subtree. The other v2 data (numbering styles, period, "unknown" flags) are
 * plan_fields entries and footnotes live in the runs' JSON, so they need no new table.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE appendix_rows ADD COLUMN parent_id INTEGER REFERENCES appendix_rows(id) ON DELETE CASCADE;
    DROP INDEX IF EXISTS appendix_rows_order;
    CREATE INDEX appendix_rows_order ON appendix_rows (group_id, parent_id, position);
    CREATE INDEX appendix_rows_parent ON appendix_rows (parent_id);
  `);
}
