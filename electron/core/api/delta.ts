/**
 * What an edit changed, so the UI can patch its copy of the plan instead of downloading all of it again
 * (1 MB at 2,000 rows for every keystroke committed in a cell).
 *
 * TEMP triggers on the plan tables note, while an edit runs, which entities it wrote: a field or a list
 * (the head), a paragraph (in place, or the tree's shape), a group or the order of rows, a row's cells, the
 * directory. The same triggers see what undo and redo replay, so they answer the same way. After the edit
 * the noted entities, and only those, are read back: a cell edit reads one row.
 *
 * The notes are per connection and in memory, and taken only while `trackEdit` runs: imports, backups and
 * whole-plan writes pay nothing.
 */
import type { Db } from '../store/open';
import { loadBody, loadPlan, planSummary } from '../store/plans';
import { historyState } from '../store/history';
import type { AppendixRow, CellValue, ColumnDef, ColumnKind, ColumnRole, Mention, RichText, BodyKind } from '../model/types';
import type { PlanDelta, PlanHead } from './contract';

const enabled = new WeakSet<Db>();

/** `kind`: which part changed; `id`: the entity (0 when the part is read whole); `shape`: 1 when order or membership changed. */
const NOTE = (kind: string, id: string, shape: string) => `INSERT INTO temp.delta_notes (kind, id, shape) VALUES ('${kind}', ${id}, ${shape});`;
const ON = 'WHEN (SELECT tracking FROM temp.delta_state) = 1';

/** table → [on insert, on update, on delete] notes (SQL using NEW/OLD). */
const TRIGGERS: Record<string, [string, string, string]> = {
  plans: ['', '', ''], // special-cased below: only a change of title or year is noted
  plan_fields: [NOTE('head', '0', '0'), NOTE('head', '0', '0'), NOTE('head', '0', '0')],
  plan_list_items: [NOTE('head', '0', '0'), NOTE('head', '0', '0'), NOTE('head', '0', '0')],
  // A column added or removed changes every row's cells: the UI reloads (rare, and never while typing).
  appendix_columns: [NOTE('reload', '0', '1'), NOTE('head', '0', '0'), NOTE('reload', '0', '1')],
  body_nodes: [
    NOTE('body', 'NEW.id', '1'),
    NOTE('body', 'NEW.id', '(OLD.parent_id IS NOT NEW.parent_id OR OLD.position IS NOT NEW.position)'),
    NOTE('body', 'OLD.id', '1'),
  ],
  appendix_groups: [NOTE('groups', '0', '1'), NOTE('groups', '0', '1'), NOTE('groups', '0', '1')],
  appendix_rows: [
    `${NOTE('groups', '0', '1')} ${NOTE('row', 'NEW.id', '1')}`,
    `INSERT INTO temp.delta_notes (kind, id, shape) SELECT 'groups', 0, 1 WHERE OLD.group_id IS NOT NEW.group_id OR OLD.parent_id IS NOT NEW.parent_id OR OLD.position IS NOT NEW.position;`,
    NOTE('groups', '0', '1'),
  ],
  row_cells: [NOTE('row', 'NEW.row_id', '0'), NOTE('row', 'NEW.row_id', '0'), NOTE('row', 'OLD.row_id', '0')],
  row_mentions: [NOTE('row', 'NEW.row_id', '0'), NOTE('row', 'NEW.row_id', '0'), NOTE('row', 'OLD.row_id', '0')],
  agencies: [NOTE('agencies', '0', '0'), NOTE('agencies', '0', '0'), NOTE('agencies', '0', '0')],
};

function enableTracking(db: Db): void {
  if (enabled.has(db)) return;
  let sql = `
    CREATE TEMP TABLE IF NOT EXISTS delta_notes (kind TEXT NOT NULL, id INTEGER NOT NULL, shape INTEGER NOT NULL);
    CREATE TEMP TABLE IF NOT EXISTS delta_state (tracking INTEGER NOT NULL);
    INSERT INTO temp.delta_state (tracking) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM temp.delta_state);
    CREATE TEMP TRIGGER IF NOT EXISTS delta_plans_update AFTER UPDATE OF title, year ON main.plans ${ON} BEGIN ${NOTE('head', '0', '0')} END;`;
  for (const [table, [onInsert, onUpdate, onDelete]] of Object.entries(TRIGGERS)) {
    if (table === 'plans') continue;
    sql += `
    CREATE TEMP TRIGGER IF NOT EXISTS delta_${table}_insert AFTER INSERT ON main.${table} ${ON} BEGIN ${onInsert} END;
    CREATE TEMP TRIGGER IF NOT EXISTS delta_${table}_update AFTER UPDATE ON main.${table} ${ON} BEGIN ${onUpdate} END;
    CREATE TEMP TRIGGER IF NOT EXISTS delta_${table}_delete AFTER DELETE ON main.${table} ${ON} BEGIN ${onDelete} END;`;
  }
  db.exec(sql);
  enabled.add(db);
}

function revisionOf(db: Db, planId: number): number {
  return planSummary(db, planId).revision;
}

/**
 * Runs `work` (a synchronous edit of plan `planId`) while noting what it writes, then reads the noted parts back.
 * Throws what `work` throws (the edit's transaction has then changed nothing).
 */
export function trackEdit<T>(db: Db, planId: number, work: () => T): { value: T; delta: PlanDelta } {
  enableTracking(db);
  const previousRevision = revisionOf(db, planId);
  db.exec('DELETE FROM temp.delta_notes; UPDATE temp.delta_state SET tracking = 1;');
  let value: T;
  try {
    value = work();
  } finally {
    db.exec('UPDATE temp.delta_state SET tracking = 0;');
  }
  const notes = db.prepare('SELECT kind, id, max(shape) AS shape FROM temp.delta_notes GROUP BY kind, id').all() as Array<{ kind: string; id: number; shape: number }>;
  db.exec('DELETE FROM temp.delta_notes;');
  return { value, delta: readDelta(db, planId, previousRevision, notes) };
}

function readDelta(db: Db, planId: number, previousRevision: number, notes: Array<{ kind: string; id: number; shape: number }>): PlanDelta {
  const delta: PlanDelta = { previousRevision, summary: planSummary(db, planId), history: historyState(db, planId) };
  const has = (kind: string) => notes.some((n) => n.kind === kind);
  if (has('reload')) return { ...delta, reload: true };
  if (has('head')) {
    const { pkg } = loadPlan(db, planId, { rows: false });
    const { plan, appendix, agencies: _agencies, ...rest } = pkg;
    // Everything but the body, the rows and the directory: the v2 options (numbering styles, period …) included.
    const { body: _body, ...planHead } = plan;
    const { groups: _groups, ...appendixHead } = appendix;
    const head: PlanHead = { ...rest, plan: planHead, appendix: appendixHead };
    delta.head = head;
  }
  const body = notes.filter((n) => n.kind === 'body');
  if (body.some((n) => n.shape)) delta.body = loadBody(db, planId);
  else if (body.length) delta.nodes = readNodes(db, planId, body.map((n) => n.id));
  if (has('agencies')) delta.agencies = db.prepare('SELECT key, name FROM agencies WHERE plan_id = ? ORDER BY id').all(planId) as Array<{ key: string; name: string }>;
  if (has('groups')) delta.groups = readGroupOrder(db, planId);
  const rowIds = notes.filter((n) => n.kind === 'row').map((n) => n.id);
  if (rowIds.length) delta.rows = readRows(db, planId, rowIds);
  return delta;
}

function readNodes(db: Db, planId: number, ids: number[]): NonNullable<PlanDelta['nodes']> {
  const stmt = db.prepare('SELECT id, kind, heading, text FROM body_nodes WHERE id = ? AND plan_id = ?');
  const out: NonNullable<PlanDelta['nodes']> = [];
  for (const id of ids) {
    const r = stmt.get(id, planId) as { id: number; kind: BodyKind; heading: number; text: string } | undefined;
    if (r) out.push({ id: r.id, kind: r.kind, heading: r.heading === 1, text: JSON.parse(r.text) as RichText });
  }
  return out;
}

function readGroupOrder(db: Db, planId: number): NonNullable<PlanDelta['groups']> {
  const groups = db.prepare('SELECT id, title FROM appendix_groups WHERE plan_id = ? ORDER BY position').all(planId) as Array<{ id: number; title: string }>;
  const byGroup = new Map(groups.map((g) => [g.id, [] as number[]]));
  const children = new Map<number, Record<number, number[]>>();
  const rows = db.prepare('SELECT r.id, r.group_id, r.parent_id FROM appendix_rows r JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = ? ORDER BY r.group_id, r.parent_id, r.position')
    .all(planId) as Array<{ id: number; group_id: number; parent_id: number | null }>;
  // Sub-rows are listed under their parent, in order; the group lists its top-level rows only.
  for (const r of rows) {
    if (r.parent_id === null) byGroup.get(r.group_id)!.push(r.id);
    else {
      let map = children.get(r.group_id);
      if (!map) children.set(r.group_id, (map = {}));
      (map[r.parent_id] ??= []).push(r.id);
    }
  }
  return groups.map((g) => {
    const sub = children.get(g.id);
    return sub ? { id: g.id, title: g.title, rowIds: byGroup.get(g.id)!, children: sub } : { id: g.id, title: g.title, rowIds: byGroup.get(g.id)! };
  });
}

/** Rows by id, as loadPlan reads them (every column present); ids of rows no longer in the plan are left out. */
function readRows(db: Db, planId: number, ids: number[]): NonNullable<PlanDelta['rows']> {
  const columns = db.prepare('SELECT key, caption, kind, role, width, hidden FROM appendix_columns WHERE plan_id = ? ORDER BY position').all(planId) as Array<
    Omit<ColumnDef, 'hidden' | 'kind' | 'role'> & { kind: ColumnKind; role: ColumnRole | null; hidden: number }
  >;
  const agencyKey = new Map((db.prepare('SELECT id, key FROM agencies WHERE plan_id = ?').all(planId) as Array<{ id: number; key: string }>).map((a) => [a.id, a.key]));
  const inPlan = db.prepare('SELECT 1 FROM appendix_rows r JOIN appendix_groups g ON g.id = r.group_id WHERE r.id = ? AND g.plan_id = ?');
  const cells = db.prepare('SELECT column_key, value FROM row_cells WHERE row_id = ?');
  const mentions = db.prepare('SELECT column_key, agency_id, after FROM row_mentions WHERE row_id = ? ORDER BY column_key, position');
  const out: Array<AppendixRow & { id: number }> = [];
  for (const id of ids) {
    if (!inPlan.get(id, planId)) continue;
    const row: Record<string, CellValue> = {};
    for (const c of cells.all(id) as Array<{ column_key: string; value: string }>) row[c.column_key] = c.value;
    for (const m of mentions.all(id) as Array<{ column_key: string; agency_id: number; after: string }>) {
      ((row[m.column_key] ??= []) as Mention[]).push({ agency: agencyKey.get(m.agency_id)!, after: m.after });
    }
    for (const c of columns) {
      if (c.kind !== 'number' && row[c.key] === undefined) row[c.key] = c.kind === 'agencies' ? [] : '';
    }
    out.push({ id, cells: row });
  }
  return out;
}
