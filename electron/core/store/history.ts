/**
 * Undo and redo of every kind of edit, by the SQLite undo/redo technique (sqlite.org/undoredo.html):
 * TEMP triggers on the plan tables write, for each row an edit inserts, updates or deletes, the SQL that
 * puts it back. One API edit is one step. Undoing a step runs its statements backwards; the triggers log
 * what that did, which becomes the redo step. No edit needs code of its own to be undoable, and a move
 * between groups, a merge of two agencies or a deleted group with its rows all come back whole.
 *
 * The log is per connection and in memory (TEMP): history lasts for the session, like Word's.
 * The `plans` table is not logged: its revision must only go up, and renaming or trashing a plan is not an edit of it.
 */
import type { Db } from './open';
import { assertContentEditable } from './freeze';

/** Tables whose rows make up a plan's content, with the columns that identify a row. */
const LOGGED_TABLES: Record<string, string[]> = {
  plan_fields: ['plan_id', 'field'],
  plan_list_items: ['id'],
  body_nodes: ['id'],
  appendix_columns: ['plan_id', 'key'],
  appendix_groups: ['id'],
  appendix_rows: ['id'],
  row_cells: ['row_id', 'column_key'],
  agencies: ['id'],
  row_mentions: ['row_id', 'column_key', 'position'],
  row_sources: ['row_id'],
  // #23: tracking data (statuses, returns read, periods, units, reports) is undone in its own scope, the plan's id
  // negated (`trackingScope`): tracking goes on while an issued plan's content is frozen.
  report_periods: ['id'],
  reporting_units: ['id'],
  reporting_unit_agencies: ['unit_id', 'agency_id'],
  period_returns: ['id'],
  return_lines: ['period_id', 'row_id', 'unit'],
  task_status: ['period_id', 'row_id'],
  return_proposals: ['id'],
  reports: ['id'],
  report_nodes: ['id'],
};

/**
 * The history of a plan's tracking data (status fixes, returns read, report edits): a scope of its own, apart from
 * the content's, so that undoing a status fix never undoes a content edit and the other way round. Steps are kept
 * under the plan's id negated.
 */
export function trackingScope(planId: number): number {
  return -planId;
}

const enabled = new WeakSet<Db>();
const MAX_STEPS_PER_PLAN = 500;

function columnsOf(db: Db, table: string): string[] {
  return (db.prepare(`PRAGMA main.table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
}

/** `'UPDATE t SET a=' || quote(old.a) || …` — SQL text, built inside the trigger, that restores a row. */
function triggersFor(db: Db, table: string, keys: string[]): string {
  const cols = columnsOf(db, table);
  const where = (row: 'old' | 'new') => keys.map((k) => `'${k}=' || quote(${row}.${k})`).join(` || ' AND ' || `);
  const values = cols.map((c) => `quote(old.${c})`).join(` || ',' || `);
  const sets = cols.map((c) => `'${c}=' || quote(old.${c})`).join(` || ',' || `);
  const log = (sql: string) => `INSERT INTO temp.undo_log (sql) VALUES (${sql});`;
  const on = `WHEN (SELECT recording FROM temp.history_state) = 1`;
  return `
    CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_insert AFTER INSERT ON main.${table} ${on} BEGIN
      ${log(`'DELETE FROM main.${table} WHERE ' || ${where('new')}`)}
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_update AFTER UPDATE ON main.${table} ${on} BEGIN
      ${log(`'UPDATE main.${table} SET ' || ${sets} || ' WHERE ' || ${where('new')}`)}
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS undo_${table}_delete AFTER DELETE ON main.${table} ${on} BEGIN
      ${log(`'INSERT INTO main.${table} (${cols.join(', ')}) VALUES (' || ${values} || ')'`)}
    END;`;
}

/** Sets up the log and its triggers on this connection (once). */
export function enableHistory(db: Db): void {
  if (enabled.has(db)) return;
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS undo_log (seq INTEGER PRIMARY KEY, sql TEXT NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS history_steps (
      id INTEGER PRIMARY KEY, plan_id INTEGER NOT NULL, stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo')),
      label TEXT NOT NULL, first_seq INTEGER NOT NULL, last_seq INTEGER NOT NULL
    );
    CREATE TEMP TABLE IF NOT EXISTS history_state (recording INTEGER NOT NULL);
    INSERT INTO temp.history_state (recording) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.history_state);
  `);
  for (const [table, keys] of Object.entries(LOGGED_TABLES)) db.exec(triggersFor(db, table, keys));
  enabled.add(db);
}

function lastSeq(db: Db): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) AS s FROM temp.undo_log').get() as { s: number }).s;
}

function setRecording(db: Db, on: boolean): void {
  db.prepare('UPDATE temp.history_state SET recording = ?').run(on ? 1 : 0);
}

function dropSteps(db: Db, where: string, ...args: unknown[]): void {
  const steps = db.prepare(`SELECT id, first_seq, last_seq FROM temp.history_steps WHERE ${where}`).all(...args) as Array<{ id: number; first_seq: number; last_seq: number }>;
  for (const s of steps) {
    db.prepare('DELETE FROM temp.undo_log WHERE seq BETWEEN ? AND ?').run(s.first_seq, s.last_seq);
    db.prepare('DELETE FROM temp.history_steps WHERE id = ?').run(s.id);
  }
}

/**
 * Runs one edit (already inside the caller's transaction) and records it as an undo step of the plan.
 * A new edit clears the plan's redo stack, as in every editor.
 */
const depth = new WeakMap<Db, number>();

export function recordStep<T>(db: Db, planId: number, label: string, work: () => T): T {
  // An edit made inside another (a replace-all writing many cells) belongs to the outer step.
  if (!enabled.has(db) || (depth.get(db) ?? 0) > 0) return work();
  const before = lastSeq(db);
  setRecording(db, true);
  depth.set(db, 1);
  let result: T;
  try {
    result = work();
  } finally {
    depth.set(db, 0);
    setRecording(db, false);
  }
  const after = lastSeq(db);
  if (after > before) {
    dropSteps(db, "plan_id = ? AND stack = 'redo'", planId);
    db.prepare("INSERT INTO temp.history_steps (plan_id, stack, label, first_seq, last_seq) VALUES (?, 'undo', ?, ?, ?)").run(planId, label, before + 1, after);
    const extra = db.prepare("SELECT id FROM temp.history_steps WHERE plan_id = ? AND stack = 'undo' ORDER BY id DESC LIMIT -1 OFFSET ?").all(planId, MAX_STEPS_PER_PLAN) as Array<{ id: number }>;
    for (const s of extra) dropSteps(db, 'id = ?', s.id);
  }
  return result;
}

/** Replays the newest step of one stack backwards; what that does is logged as a step of the other stack. */
function replay(db: Db, planId: number, from: 'undo' | 'redo'): string | null {
  if (!enabled.has(db)) return null;
  const to = from === 'undo' ? 'redo' : 'undo';
  return db.transaction(() => {
    const step = db.prepare('SELECT id, label, first_seq, last_seq FROM temp.history_steps WHERE plan_id = ? AND stack = ? ORDER BY id DESC LIMIT 1').get(planId, from) as
      | { id: number; label: string; first_seq: number; last_seq: number }
      | undefined;
    if (!step) return null;
    // Undoing an edit of an issued plan's content is an edit of it: refused while it is frozen (#23).
    if (planId > 0) assertContentEditable(db, planId);
    const statements = db.prepare('SELECT sql FROM temp.undo_log WHERE seq BETWEEN ? AND ? ORDER BY seq DESC').all(step.first_seq, step.last_seq) as Array<{ sql: string }>;
    dropSteps(db, 'id = ?', step.id);
    const before = lastSeq(db);
    setRecording(db, true);
    try {
      // Positions are shifted row by row while replaying; deferring FK checks lets a parent come back after its children's log lines.
      db.pragma('defer_foreign_keys = ON');
      for (const s of statements) db.exec(s.sql);
    } finally {
      setRecording(db, false);
    }
    const after = lastSeq(db);
    if (after > before) {
      db.prepare('INSERT INTO temp.history_steps (plan_id, stack, label, first_seq, last_seq) VALUES (?, ?, ?, ?, ?)').run(planId, to, step.label, before + 1, after);
    }
    db.prepare('UPDATE plans SET updated_at = ?, revision = revision + 1 WHERE id = ?').run(new Date().toISOString(), planId);
    return step.label;
  }).immediate();
}

/** Undoes the plan's last edit; returns its label, or null when there is nothing to undo. */
export function undo(db: Db, planId: number): string | null {
  return replay(db, planId, 'undo');
}

export function redo(db: Db, planId: number): string | null {
  return replay(db, planId, 'redo');
}

export interface HistoryState {
  undo: string | null;
  redo: string | null;
}

/** Labels of the next undo and redo, for the menu and the buttons' titles. */
export function historyState(db: Db, planId: number): HistoryState {
  if (!enabled.has(db)) return { undo: null, redo: null };
  const top = (stack: string) =>
    (db.prepare('SELECT label FROM temp.history_steps WHERE plan_id = ? AND stack = ? ORDER BY id DESC LIMIT 1').get(planId, stack) as { label: string } | undefined)?.label ?? null;
  return { undo: top('undo'), redo: top('redo') };
}

/** Forgets a plan's history (after it is purged, or when a whole-plan operation replaces its content). */
export function forgetHistory(db: Db, planId: number): void {
  if (enabled.has(db)) dropSteps(db, 'plan_id = ? OR plan_id = ?', planId, trackingScope(planId));
}

/** Forgets only the content's history (an issue: what came before it cannot be undone into the issued plan). */
export function forgetContentHistory(db: Db, planId: number): void {
  if (enabled.has(db)) dropSteps(db, 'plan_id = ?', planId);
}
