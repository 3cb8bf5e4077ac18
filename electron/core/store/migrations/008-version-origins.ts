import type { Database } from 'better-sqlite3';

/**
 * Versions a program made, not the drafter: "as imported" (the plan as an import read it, and from which file)
 * and "as rolled over" (next year's plan as the rollover made it, from which plan and year, with the changes of
 * year it made). Kept beside plan_versions, one row per such version, so named versions need nothing new and a
 * version's origin goes with it (cascade).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE version_origins (
      version_id INTEGER PRIMARY KEY REFERENCES plan_versions(id) ON DELETE CASCADE,
      kind       TEXT    NOT NULL CHECK (kind IN ('imported', 'rolled-over')),
      -- JSON. imported: the file and its format; rolled-over: the plan rolled over (id, title, year), the year
      -- it went to, and the changes of year made (see model/comparison.ts VersionOrigin).
      detail     TEXT    NOT NULL
    );
  `);
}
