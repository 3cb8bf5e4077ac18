import type { Database } from 'better-sqlite3';

/**
 * Version 1: a plan package spread over tables so that one row, one cell or one list item
 * can be changed on its own. Order is an integer `position` among siblings; numbering is derived.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE plans (
      id          INTEGER PRIMARY KEY,
      title       TEXT    NOT NULL,
      year        INTEGER NOT NULL,
      -- 1: a Decision issues the Plan; 0: a standalone Plan with its own number and signer.
      has_decision INTEGER NOT NULL CHECK (has_decision IN (0, 1)),
      created_at  TEXT    NOT NULL,
      updated_at  TEXT    NOT NULL,
      -- Set when the plan is in the trash; NULL otherwise.
      deleted_at  TEXT,
      -- Bumped by every edit, so two windows can tell that the other one wrote.
      revision    INTEGER NOT NULL DEFAULT 0
    );

    -- Scalar fields of the package (issuer.name, decision.date, decision.signer.prefix, …).
    CREATE TABLE plan_fields (
      plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      field   TEXT    NOT NULL,
      value   TEXT,
      PRIMARY KEY (plan_id, field)
    ) WITHOUT ROWID;

    -- Ordered lists of the package: legal bases, recipients, articles (JSON runs).
    CREATE TABLE plan_list_items (
      id       INTEGER PRIMARY KEY,
      plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      list     TEXT    NOT NULL,
      position INTEGER NOT NULL,
      value    TEXT    NOT NULL
    );
    CREATE INDEX plan_list_items_order ON plan_list_items (plan_id, list, position);

    CREATE TABLE body_nodes (
      id        INTEGER PRIMARY KEY,
      plan_id   INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      parent_id INTEGER REFERENCES body_nodes(id) ON DELETE CASCADE,
      position  INTEGER NOT NULL,
      kind      TEXT    NOT NULL CHECK (kind IN ('part', 'item', 'point', 'dash', 'plus', 'paragraph')),
      heading   INTEGER NOT NULL CHECK (heading IN (0, 1)),
      -- Runs as JSON: [{"text": "…", "bold": true}].
      text      TEXT    NOT NULL
    );
    CREATE INDEX body_nodes_order ON body_nodes (plan_id, parent_id, position);
    CREATE INDEX body_nodes_parent ON body_nodes (parent_id);

    CREATE TABLE appendix_columns (
      plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      key      TEXT    NOT NULL,
      position INTEGER NOT NULL,
      caption  TEXT    NOT NULL,
      kind     TEXT    NOT NULL CHECK (kind IN ('number', 'text', 'agencies')),
      role     TEXT    CHECK (role IN ('number', 'task', 'lead', 'cooperate', 'deadline', 'note')),
      width    REAL    NOT NULL,
      hidden   INTEGER NOT NULL CHECK (hidden IN (0, 1)),
      PRIMARY KEY (plan_id, key)
    ) WITHOUT ROWID;

    CREATE TABLE appendix_groups (
      id       INTEGER PRIMARY KEY,
      plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      title    TEXT    NOT NULL
    );
    CREATE INDEX appendix_groups_order ON appendix_groups (plan_id, position);

    CREATE TABLE appendix_rows (
      id       INTEGER PRIMARY KEY,
      group_id INTEGER NOT NULL REFERENCES appendix_groups(id) ON DELETE CASCADE,
      position INTEGER NOT NULL
    );
    CREATE INDEX appendix_rows_order ON appendix_rows (group_id, position);

    CREATE TABLE row_cells (
      row_id     INTEGER NOT NULL REFERENCES appendix_rows(id) ON DELETE CASCADE,
      column_key TEXT    NOT NULL,
      value      TEXT    NOT NULL,
      PRIMARY KEY (row_id, column_key)
    ) WITHOUT ROWID;

    -- The plan's agency directory: one entry per body, however many cells name it.
    CREATE TABLE agencies (
      id      INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      key     TEXT    NOT NULL,
      name    TEXT    NOT NULL,
      UNIQUE (plan_id, key)
    );

    CREATE TABLE row_mentions (
      row_id     INTEGER NOT NULL REFERENCES appendix_rows(id) ON DELETE CASCADE,
      column_key TEXT    NOT NULL,
      position   INTEGER NOT NULL,
      agency_id  INTEGER NOT NULL REFERENCES agencies(id),
      after      TEXT    NOT NULL,
      PRIMARY KEY (row_id, column_key, position)
    ) WITHOUT ROWID;
    CREATE INDEX row_mentions_agency ON row_mentions (agency_id);

    -- Facts about the store itself (e.g. that the sample was installed on first start).
    CREATE TABLE app_meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
  `);
}
