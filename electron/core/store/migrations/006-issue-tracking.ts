import type { Database } from 'better-sqlite3';

/**
 * Version 6 (#23, the year after the signature): a plan's issues and its follow-up through the year.
 *
 * - `plan_issues`: each issue of the plan (the first, then each adjustment's): number, symbol and date the
 *   e-office gave, the version of record (a `plan_versions` snapshot, which `deleteVersion` then refuses to delete),
 *   and optionally the signed PDF's bytes (size-capped by the program).
 * - `plan_tracking`: one row per plan ever issued: a random uid the return workbooks carry (so a return of another
 *   plan is refused for certain), whether the content is frozen, and the adjustment under way ("điều chỉnh").
 * - `report_periods`: the periods as data per plan (q1, h1, q3, year of each plan year, and custom ones), their
 *   dates editable (Công văn 581/BNV-CCHC's rule by default).
 * - `reporting_units` (+ their agencies): units the secretariat adds (a district answering for "UBND cấp huyện");
 *   the default units, one per directory agency, are derived and not stored.
 * - `period_returns`: each return read (file, unit, content hash, its report); `return_lines`: what a unit said of a
 *   task in a period; `task_status`: the secretariat's own word per task and period (each field NULL = not set);
 *   `return_proposals`: new tasks a unit added to its return, shown and never taken in silence.
 *
 * Tracking data is not the plan's content: none of these tables is an edit of the package, and the freeze of an
 * issued plan (store/freeze.ts) never refuses them.
 */
export function up(db: Database): void {
  db.exec(`

    CREATE TABLE plan_issues (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      plan_id    INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      kind       TEXT    NOT NULL CHECK (kind IN ('issue', 'adjustment')),
      number     TEXT    NOT NULL,
      symbol     TEXT    NOT NULL,
      date       TEXT    NOT NULL,
      issued_at  TEXT    NOT NULL,
      reason     TEXT    NOT NULL DEFAULT '',
      version_id INTEGER REFERENCES plan_versions(id),
      pdf_name   TEXT,
      pdf_size   INTEGER,
      pdf_sha256 TEXT,
      pdf        BLOB
    );
    CREATE INDEX plan_issues_plan ON plan_issues (plan_id, id);

    CREATE TABLE plan_tracking (
      plan_id            INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
      uid                TEXT    NOT NULL,
      frozen             INTEGER NOT NULL CHECK (frozen IN (0, 1)),
      adjusting_since    TEXT,
      adjusting_reason   TEXT,
      -- The plan's revision right after the adjustment was opened: unchanged, the adjustment can be cancelled.
      adjusting_revision INTEGER
    );

    CREATE TABLE report_periods (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      key         TEXT    NOT NULL,
      year        INTEGER NOT NULL,
      code        TEXT    NOT NULL CHECK (code IN ('q1', 'h1', 'q3', 'year', 'custom')),
      label       TEXT    NOT NULL,
      from_date   TEXT    NOT NULL,
      cutoff      TEXT    NOT NULL,
      due         TEXT    NOT NULL,
      returns_due TEXT    NOT NULL,
      by_rule     INTEGER NOT NULL CHECK (by_rule IN (0, 1)),
      UNIQUE (plan_id, key)
    );

    CREATE TABLE reporting_units (
      id       INTEGER PRIMARY KEY AUTOINCREMENT,
      plan_id  INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      key      TEXT    NOT NULL,
      name     TEXT    NOT NULL,
      position INTEGER NOT NULL,
      UNIQUE (plan_id, key)
    );
    CREATE TABLE reporting_unit_agencies (
      unit_id   INTEGER NOT NULL REFERENCES reporting_units(id) ON DELETE CASCADE,
      agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
      PRIMARY KEY (unit_id, agency_id)
    ) WITHOUT ROWID;
    CREATE INDEX reporting_unit_agencies_agency ON reporting_unit_agencies (agency_id);

    CREATE TABLE period_returns (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      period_id   INTEGER NOT NULL REFERENCES report_periods(id) ON DELETE CASCADE,
      unit        TEXT    NOT NULL,
      unit_name   TEXT    NOT NULL,
      file        TEXT    NOT NULL,
      -- sha-256 of what was read (unit, lines, proposals, unplaced rows), not of the bytes: a re-saved copy of the
      -- same return is the same return.
      content_sha TEXT    NOT NULL,
      read_at     TEXT    NOT NULL,
      matched_by  TEXT    NOT NULL CHECK (matched_by IN ('manifest', 'text')),
      report      TEXT    NOT NULL
    );
    CREATE INDEX period_returns_period ON period_returns (period_id, unit);

    CREATE TABLE return_lines (
      period_id    INTEGER NOT NULL REFERENCES report_periods(id) ON DELETE CASCADE,
      row_id       INTEGER NOT NULL REFERENCES appendix_rows(id) ON DELETE CASCADE,
      unit         TEXT    NOT NULL,
      role         TEXT    NOT NULL CHECK (role IN ('lead', 'cooperate')),
      status       TEXT    CHECK (status IN ('done', 'doneLate', 'inProgress', 'notStarted', 'dropped')),
      progress     INTEGER,
      status_text  TEXT    NOT NULL,
      result       TEXT    NOT NULL,
      evidence     TEXT    NOT NULL,
      difficulties TEXT    NOT NULL,
      note         TEXT    NOT NULL,
      return_id    INTEGER NOT NULL REFERENCES period_returns(id) ON DELETE CASCADE,
      PRIMARY KEY (period_id, row_id, unit)
    ) WITHOUT ROWID;
    CREATE INDEX return_lines_row ON return_lines (row_id);
    CREATE INDEX return_lines_return ON return_lines (return_id);

    CREATE TABLE task_status (
      period_id    INTEGER NOT NULL REFERENCES report_periods(id) ON DELETE CASCADE,
      row_id       INTEGER NOT NULL REFERENCES appendix_rows(id) ON DELETE CASCADE,
      status       TEXT    CHECK (status IN ('done', 'doneLate', 'inProgress', 'notStarted', 'dropped')),
      -- progress_set: 1 when the secretariat set the progress (possibly to none), as NULL cannot tell.
      progress     INTEGER,
      progress_set INTEGER NOT NULL DEFAULT 0 CHECK (progress_set IN (0, 1)),
      result       TEXT,
      evidence     TEXT,
      difficulties TEXT,
      note         TEXT,
      updated_at   TEXT    NOT NULL,
      PRIMARY KEY (period_id, row_id)
    ) WITHOUT ROWID;
    CREATE INDEX task_status_row ON task_status (row_id);

    CREATE TABLE return_proposals (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      period_id    INTEGER NOT NULL REFERENCES report_periods(id) ON DELETE CASCADE,
      unit         TEXT    NOT NULL,
      unit_name    TEXT    NOT NULL,
      file         TEXT    NOT NULL,
      sheet_row    INTEGER NOT NULL,
      stt          TEXT    NOT NULL,
      group_title  TEXT    NOT NULL,
      task         TEXT    NOT NULL,
      deadline     TEXT    NOT NULL,
      status       TEXT    CHECK (status IN ('done', 'doneLate', 'inProgress', 'notStarted', 'dropped')),
      status_text  TEXT    NOT NULL,
      result       TEXT    NOT NULL,
      evidence     TEXT    NOT NULL,
      note         TEXT    NOT NULL,
      -- The folded task text: the same proposal read twice is one proposal.
      task_key     TEXT    NOT NULL,
      state        TEXT    NOT NULL CHECK (state IN ('open', 'taken', 'dismissed')),
      taken_row_id INTEGER REFERENCES appendix_rows(id) ON DELETE SET NULL,
      UNIQUE (period_id, unit, task_key)
    );
  `);
}
