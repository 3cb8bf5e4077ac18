import type { Database } from 'better-sqlite3';

/**
 * Version 7 (#23): the Báo cáo of each period, in the ND30 format. `reports` holds its fields (number, symbol, date,
 * trích yếu, place, `Kính gửi`, `Nơi nhận`, signer; lists and signer as JSON), `report_nodes` its body as the plan's
 * body is held (`body_nodes`: a tree ordered by `position`, runs as JSON), plus `auto`: the template's fill that wrote
 * the node while nobody has edited it, so the figures can be refreshed without touching the drafter's narrative.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE reports (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      period_id  INTEGER NOT NULL UNIQUE REFERENCES report_periods(id) ON DELETE CASCADE,
      template   TEXT    NOT NULL,
      number     TEXT    NOT NULL,
      symbol     TEXT    NOT NULL,
      date       TEXT,
      summary    TEXT    NOT NULL,
      place      TEXT    NOT NULL,
      addressees TEXT    NOT NULL,
      recipients TEXT    NOT NULL,
      signer     TEXT    NOT NULL,
      created_at TEXT    NOT NULL,
      updated_at TEXT    NOT NULL,
      revision   INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE report_nodes (
      id        INTEGER PRIMARY KEY AUTOINCREMENT,
      report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
      parent_id INTEGER REFERENCES report_nodes(id) ON DELETE CASCADE,
      position  INTEGER NOT NULL,
      kind      TEXT    NOT NULL CHECK (kind IN ('part', 'item', 'point', 'dash', 'plus', 'paragraph')),
      heading   INTEGER NOT NULL CHECK (heading IN (0, 1)),
      text      TEXT    NOT NULL,
      auto      TEXT
    );
    CREATE INDEX report_nodes_order ON report_nodes (report_id, parent_id, position);
    CREATE INDEX report_nodes_parent ON report_nodes (parent_id);
  `);
}
