import type { Database } from 'better-sqlite3';

/**
 * Version 3: where a row came from when it was taken from a department's proposal (a workbook or an
 * exchange file), so the drafter can always tell which file and department asked for it.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE row_sources (
      row_id     INTEGER PRIMARY KEY REFERENCES appendix_rows(id) ON DELETE CASCADE,
      file       TEXT NOT NULL,
      department TEXT NOT NULL,
      taken_at   TEXT NOT NULL
    );
  `);
}
