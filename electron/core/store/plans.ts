import type { Statement } from 'better-sqlite3';
import type { Db } from './open';
import type { OpenedPlan, PlanSummary } from '../api/contract';
import { UserError, badYearError, tooManyRowsError } from '../errors';
import { isPlanYear } from '../model/year';
import { LIST_FIELDS, OPTION_FIELDS, SCALAR_FIELDS, fieldApplies, getPath, isOptionField, setPath, type ListField } from '../model/fields';
import { emptySigner } from '../model/defaults';
import type {
  Agency, AppendixGroup, AppendixRow, BodyKind, BodyNode, CellValue, ColumnDef, ColumnKind, ColumnRole, Decision, Issuance,
  Mention, PlanPackage, PlanPeriod, RichText,
} from '../model/types';
import { nfc, slug } from '../model/text';
import { own } from '../model/keys';
import { MAX_APPENDIX_ROWS } from '../model/limits';
import { assertContentEditable } from './freeze';

export type StoredPlan = OpenedPlan;

const now = () => new Date().toISOString();

interface PlanRow {
  id: number; title: string; year: number; has_decision: number; created_at: string; updated_at: string; deleted_at: string | null; revision: number; row_count: number;
}

const SUMMARY_SQL = `
  SELECT p.*, (SELECT count(*) FROM appendix_rows r JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = p.id) AS row_count
  FROM plans p`;

function toSummary(r: PlanRow): PlanSummary {
  return {
    id: r.id, title: r.title, year: r.year, hasDecision: r.has_decision === 1, rowCount: r.row_count,
    createdAt: r.created_at, updatedAt: r.updated_at, deletedAt: r.deleted_at, revision: r.revision,
  };
}

/** Plans in use (or, with `trash`, those in the trash), most recently changed first. */
export function listPlans(db: Db, { trash = false } = {}): PlanSummary[] {
  const rows = db.prepare(`${SUMMARY_SQL} WHERE p.deleted_at IS ${trash ? 'NOT NULL' : 'NULL'} ORDER BY p.updated_at DESC, p.id DESC`).all() as PlanRow[];
  return rows.map(toSummary);
}

export function planSummary(db: Db, id: number): PlanSummary {
  const row = db.prepare(`${SUMMARY_SQL} WHERE p.id = ?`).get(id) as PlanRow | undefined;
  if (!row) throw UserError.coded('plan.notFound', { id }, `No plan has the id ${id}.`);
  return toSummary(row);
}

/**
 * Marks a plan changed: every edit calls this inside its own transaction. An edit of the content (`content`, the
 * default) is refused while the plan is issued and frozen (#23, store/freeze.ts); renaming the working title is not one.
 */
export function touch(db: Db, planId: number, content = true): void {
  if (content) assertContentEditable(db, planId);
  const info = db.prepare('UPDATE plans SET updated_at = ?, revision = revision + 1 WHERE id = ?').run(now(), planId);
  if (info.changes === 0) throw UserError.coded('plan.notFound', { id: planId }, `No plan has the id ${planId}.`);
}

// ---------- writing a whole package (create, import, duplicate) ----------

/** Stores a whole package as a new plan and returns its id. One transaction: all of it or nothing. */
/**
 * The plan_fields key of the checker's per-plan abbreviations (`UBND, HĐND`), plan metadata that is not one of the
 * scalar fields (see check-settings.ts); the package carries it as `knownAbbreviations` (model v2).
 */
export const KNOWN_ABBREVIATIONS_FIELD = 'check.knownAbbreviations';

/** The stored list (`UBND, HĐND`, also `;` or line separated) as names: NFC, trimmed, no duplicates, in order. */
export function parseAbbreviationList(value: string): string[] {
  return [...new Set(value.split(/[,;\n]/).map((s) => s.normalize('NFC').trim()).filter(Boolean))];
}

export function insertPackage(db: Db, pkg: PlanPackage): number {
  // Every import, duplicate and rollover comes through here: one row limit for all of them.
  const rowTotal = pkg.appendix.groups.reduce((n, g) => n + g.rows.length, 0);
  if (rowTotal > MAX_APPENDIX_ROWS) throw tooManyRowsError(rowTotal, MAX_APPENDIX_ROWS);
  if (!isPlanYear(pkg.year)) throw badYearError(pkg.year);
  return db.transaction(() => {
    const t = now();
    const planId = Number(
      db.prepare('INSERT INTO plans (title, year, has_decision, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(nfc(pkg.title), pkg.year, pkg.decision ? 1 : 0, t, t).lastInsertRowid,
    );
    const hasDecision = pkg.decision !== null;
    const insertField = db.prepare('INSERT INTO plan_fields (plan_id, field, value) VALUES (?, ?, ?)');
    for (const field of Object.keys(SCALAR_FIELDS)) {
      if (!fieldApplies(field, hasDecision)) continue;
      const value = getPath(pkg, field);
      insertField.run(planId, field, value === null || value === undefined ? null : nfc(String(value)));
    }
    for (const list of Object.keys(LIST_FIELDS) as ListField[]) {
      if (!fieldApplies(list, hasDecision)) continue;
      writeList(db, planId, list, (getPath(pkg, list) as Array<string | RichText>) ?? []);
    }
    for (const field of Object.keys(OPTION_FIELDS)) {
      if (!fieldApplies(field, hasDecision)) continue;
      const value = optionValue(getPath(pkg, field));
      if (value !== null) insertField.run(planId, field, value);
    }
    const abbreviations = parseAbbreviationList((pkg.knownAbbreviations ?? []).join(','));
    if (abbreviations.length) insertField.run(planId, KNOWN_ABBREVIATIONS_FIELD, abbreviations.join(', '));
    insertBody(db, planId, null, pkg.plan.body);

    const insertColumn = db.prepare(
      'INSERT INTO appendix_columns (plan_id, key, position, caption, kind, role, width, hidden) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    pkg.appendix.columns.forEach((c, i) => insertColumn.run(planId, c.key, i, nfc(c.caption), c.kind, c.role, c.width, c.hidden ? 1 : 0));

    const agencyIds = new Map<string, number>();
    const insertAgency = db.prepare('INSERT INTO agencies (plan_id, key, name) VALUES (?, ?, ?)');
    for (const a of pkg.agencies) agencyIds.set(a.key, Number(insertAgency.run(planId, a.key, nfc(a.name)).lastInsertRowid));

    const insertGroup = db.prepare('INSERT INTO appendix_groups (plan_id, position, title) VALUES (?, ?, ?)');
    pkg.appendix.groups.forEach((g, gi) => {
      const groupId = Number(insertGroup.run(planId, gi, nfc(g.title)).lastInsertRowid);
      insertRowTree(db, groupId, null, g.rows, agencyIds, pkg.appendix.columns);
    });
    return planId;
  })();
}

/** A v2 option as stored: JSON, or null when it is absent or means the v1 default (false, null). */
export function optionValue(value: unknown): string | null {
  if (value === undefined || value === null || value === false) return null;
  return JSON.stringify(value);
}

/** Inserts rows and their sub-rows (depth first) under `parentId` (null: top level of the group). */
export function insertRowTree(
  db: Db, groupId: number, parentId: number | null, rows: readonly AppendixRow[], agencyIds: ReadonlyMap<string, number>, columns: readonly ColumnDef[],
): void {
  rows.forEach((r, ri) => {
    const id = insertRow(db, groupId, ri, r.cells, agencyIds, columns, parentId);
    if (r.children?.length) insertRowTree(db, groupId, id, r.children, agencyIds, columns);
  });
}

function insertBody(db: Db, planId: number, parentId: number | null, nodes: BodyNode[]): void {
  const stmt = db.prepare('INSERT INTO body_nodes (plan_id, parent_id, position, kind, heading, text) VALUES (?, ?, ?, ?, ?, ?)');
  nodes.forEach((node, i) => {
    const id = Number(stmt.run(planId, parentId, i, node.kind, node.heading ? 1 : 0, JSON.stringify(normaliseRuns(node.text))).lastInsertRowid);
    insertBody(db, planId, id, node.children);
  });
}

export function normaliseRuns(text: RichText): RichText {
  return text.map((r) => ({ ...r, text: nfc(r.text) }));
}

/** Prepared statements are compiled once per connection: a 2,000-row import runs them ~12,000 times. */
const statementCache = new WeakMap<Db, Map<string, Statement>>();
export function stmt(db: Db, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Inserts one appendix row with its cells; returns the row id. Unknown columns and number cells are not stored. */
export function insertRow(
  db: Db, groupId: number, position: number, cells: Record<string, CellValue>, agencyIds: ReadonlyMap<string, number>, columns: readonly ColumnDef[],
  parentId: number | null = null,
): number {
  // A top-level row leaves parent_id to its default (NULL), so flat packages insert the same way into a store of any
  // schema version (the migration tests seed version 1–4 stores through this function).
  const insert =
    parentId === null
      ? stmt(db, 'INSERT INTO appendix_rows (group_id, position) VALUES (?, ?)').run(groupId, position)
      : stmt(db, 'INSERT INTO appendix_rows (group_id, position, parent_id) VALUES (?, ?, ?)').run(groupId, position, parentId);
  const rowId = Number(insert.lastInsertRowid);
  for (const column of columns) {
    const value = own(cells, column.key);
    if (value !== undefined) writeCell(db, rowId, column, value, agencyIds, true);
  }
  return rowId;
}

/** Replaces one cell's value (text, or the list of agencies it names). `fresh`: the row is new, nothing to clear. */
export function writeCell(db: Db, rowId: number, column: ColumnDef, value: CellValue, agencyIds: ReadonlyMap<string, number>, fresh = false): void {
  if (column.kind === 'number') return;
  if (!fresh) {
    stmt(db, 'DELETE FROM row_cells WHERE row_id = ? AND column_key = ?').run(rowId, column.key);
    stmt(db, 'DELETE FROM row_mentions WHERE row_id = ? AND column_key = ?').run(rowId, column.key);
  }
  if (column.kind === 'agencies') {
    if (typeof value === 'string') throw UserError.coded('cell.agenciesNotText', { column: column.caption }, `Column "${column.caption}" holds agencies, not text.`);
    const insert = stmt(db, 'INSERT INTO row_mentions (row_id, column_key, position, agency_id, after) VALUES (?, ?, ?, ?, ?)');
    value.forEach((m, i) => {
      const agencyId = agencyIds.get(m.agency);
      if (agencyId === undefined) throw UserError.coded('cell.unknownAgency', { agency: m.agency }, `Agency "${m.agency}" is not in the plan's directory.`);
      insert.run(rowId, column.key, i, agencyId, nfc(m.after));
    });
  } else {
    if (typeof value !== 'string') throw UserError.coded('cell.textOnly', { column: column.caption }, `Column "${column.caption}" holds text.`);
    if (value !== '') stmt(db, 'INSERT INTO row_cells (row_id, column_key, value) VALUES (?, ?, ?)').run(rowId, column.key, nfc(value));
  }
}

export function writeList(db: Db, planId: number, list: ListField, items: Array<string | RichText>): void {
  db.prepare('DELETE FROM plan_list_items WHERE plan_id = ? AND list = ?').run(planId, list);
  const stmt = db.prepare('INSERT INTO plan_list_items (plan_id, list, position, value) VALUES (?, ?, ?, ?)');
  items.forEach((item, i) => stmt.run(planId, list, i, typeof item === 'string' ? nfc(item) : JSON.stringify(normaliseRuns(item))));
}

export function readList(db: Db, planId: number, list: ListField): Array<string | RichText> {
  const rows = db.prepare('SELECT value FROM plan_list_items WHERE plan_id = ? AND list = ? ORDER BY position').all(planId, list) as { value: string }[];
  return rows.map((r) => (LIST_FIELDS[list] === 'rich' ? (JSON.parse(r.value) as RichText) : r.value));
}

// ---------- reading a whole package ----------

/**
 * Loads a plan as a package with store ids on body nodes, groups and rows.
 * `rows: false` leaves every group's rows empty (an edit's answer reads only the rows it changed).
 */
export function loadPlan(db: Db, planId: number, { rows: withRows = true }: { rows?: boolean } = {}): StoredPlan {
  const summary = planSummary(db, planId);
  const hasDecision = summary.hasDecision;
  const issuance = (): Issuance => ({ number: '', symbol: '', date: null, recipients: [], signer: emptySigner() });
  const decision: Decision | null = hasDecision
    ? { ...issuance(), summary: '', authority: '', legalBases: [], proposal: '', articles: [] }
    : null;
  const pkg: PlanPackage = {
    title: summary.title,
    year: summary.year,
    issuer: { parentBody: '', name: '', place: '', citedAs: '' },
    decision,
    plan: { summary: '', issuance: hasDecision ? null : issuance(), body: [] },
    appendix: { label: '', title: '', columns: [], groups: [] },
    agencies: [],
  };
  for (const f of db.prepare('SELECT field, value FROM plan_fields WHERE plan_id = ?').all(planId) as { field: string; value: string | null }[]) {
    if (f.field === KNOWN_ABBREVIATIONS_FIELD) {
      const list = parseAbbreviationList(f.value ?? '');
      if (list.length) pkg.knownAbbreviations = list;
      continue;
    }
    if (!fieldApplies(f.field, hasDecision)) continue;
    if (isOptionField(f.field)) {
      if (f.value !== null) setPath(pkg, f.field, JSON.parse(f.value));
    } else setPath(pkg, f.field, f.value);
  }
  for (const list of Object.keys(LIST_FIELDS) as ListField[]) {
    if (fieldApplies(list, hasDecision)) setPath(pkg, list, readList(db, planId, list));
  }
  pkg.plan.body = loadBody(db, planId);

  pkg.appendix.columns = (
    db.prepare('SELECT key, caption, kind, role, width, hidden FROM appendix_columns WHERE plan_id = ? ORDER BY position').all(planId) as Array<{
      key: string; caption: string; kind: ColumnKind; role: ColumnRole | null; width: number; hidden: number;
    }>
  ).map((c) => ({ key: c.key, caption: c.caption, kind: c.kind, role: c.role, width: c.width, hidden: c.hidden === 1 }));

  const agencies = db.prepare('SELECT id, key, name FROM agencies WHERE plan_id = ? ORDER BY id').all(planId) as Array<{ id: number; key: string; name: string }>;
  pkg.agencies = agencies.map((a): Agency => ({ key: a.key, name: a.name }));
  const agencyKey = new Map(agencies.map((a) => [a.id, a.key]));

  const groups = db.prepare('SELECT id, title FROM appendix_groups WHERE plan_id = ? ORDER BY position').all(planId) as Array<{ id: number; title: string }>;
  if (!withRows) {
    pkg.appendix.groups = groups.map((g): AppendixGroup => ({ id: g.id, title: g.title, rows: [] }));
    return { summary, pkg };
  }
  const rows = db.prepare(
    `SELECT r.id, r.group_id, r.parent_id FROM appendix_rows r JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = ? ORDER BY r.group_id, r.parent_id, r.position`,
  ).all(planId) as Array<{ id: number; group_id: number; parent_id: number | null }>;
  const rowById = new Map<number, AppendixRow>();
  const rowsByGroup = new Map<number, AppendixRow[]>(groups.map((g) => [g.id, []]));
  for (const r of rows) rowById.set(r.id, { id: r.id, cells: {} });
  // Sorted by position within each parent, so pushing keeps sibling order; `children` only where there are some.
  for (const r of rows) {
    const row = rowById.get(r.id)!;
    if (r.parent_id === null) rowsByGroup.get(r.group_id)!.push(row);
    else (rowById.get(r.parent_id)!.children ??= []).push(row);
  }
  const cells = db.prepare(
    `SELECT c.row_id, c.column_key, c.value FROM row_cells c JOIN appendix_rows r ON r.id = c.row_id JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = ?`,
  ).all(planId) as Array<{ row_id: number; column_key: string; value: string }>;
  for (const c of cells) rowById.get(c.row_id)!.cells[c.column_key] = c.value;
  const mentions = db.prepare(
    `SELECT m.row_id, m.column_key, m.agency_id, m.after FROM row_mentions m JOIN appendix_rows r ON r.id = m.row_id JOIN appendix_groups g ON g.id = r.group_id
     WHERE g.plan_id = ? ORDER BY m.row_id, m.column_key, m.position`,
  ).all(planId) as Array<{ row_id: number; column_key: string; agency_id: number; after: string }>;
  for (const m of mentions) {
    const row = rowById.get(m.row_id)!;
    const list = (row.cells[m.column_key] ??= []) as Mention[];
    list.push({ agency: agencyKey.get(m.agency_id)!, after: m.after });
  }
  // Empty cells read back as the column's empty value, so a row always has every column.
  for (const row of rowById.values()) {
    for (const c of pkg.appendix.columns) {
      if (c.kind === 'number') continue;
      if (row.cells[c.key] === undefined) row.cells[c.key] = c.kind === 'agencies' ? [] : '';
    }
  }
  pkg.appendix.groups = groups.map((g): AppendixGroup => ({ id: g.id, title: g.title, rows: rowsByGroup.get(g.id)! }));
  return { summary, pkg };
}

/** The Plan's body as a tree, with store ids. */
export function loadBody(db: Db, planId: number): BodyNode[] {
  const rows = db.prepare('SELECT id, parent_id, kind, heading, text FROM body_nodes WHERE plan_id = ? ORDER BY parent_id, position').all(planId) as Array<{
    id: number; parent_id: number | null; kind: BodyKind; heading: number; text: string;
  }>;
  const nodes = new Map<number, BodyNode>(
    rows.map((r) => [r.id, { id: r.id, kind: r.kind, heading: r.heading === 1, text: JSON.parse(r.text) as RichText, children: [] }]),
  );
  const roots: BodyNode[] = [];
  // Rows come sorted by position within each parent, so pushing keeps sibling order.
  for (const r of rows) (r.parent_id === null ? roots : nodes.get(r.parent_id)!.children).push(nodes.get(r.id)!);
  return roots;
}

// ---------- plan-level operations ----------

export function createPlan(db: Db, pkg: PlanPackage): PlanSummary {
  return planSummary(db, insertPackage(db, pkg));
}

/** A full copy under a new title; the original is not touched. */
export function duplicatePlan(db: Db, planId: number, title?: string): PlanSummary {
  const { pkg } = loadPlan(db, planId);
  return createPlan(db, { ...pkg, title: title ?? `${pkg.title} (bản sao)` });
}

export function renamePlan(db: Db, planId: number, title: string): PlanSummary {
  const clean = nfc(title).trim();
  if (!clean) throw UserError.coded('plan.needsName', {}, 'A plan needs a name.');
  db.transaction(() => {
    db.prepare('UPDATE plans SET title = ? WHERE id = ?').run(clean, planId);
    // The drafter's working name is not a part of the issued documents.
    touch(db, planId, false);
  })();
  return planSummary(db, planId);
}

export function setPlanYear(db: Db, planId: number, year: number): PlanSummary {
  if (!isPlanYear(year)) throw badYearError(year);
  db.transaction(() => {
    db.prepare('UPDATE plans SET year = ? WHERE id = ?').run(year, planId);
    // A period plan starts in its year: the period moves with it and keeps its length (2021–2030 → 2031–2040).
    const period = db.prepare("SELECT value FROM plan_fields WHERE plan_id = ? AND field = 'period'").get(planId) as { value: string | null } | undefined;
    if (period?.value) {
      const p = JSON.parse(period.value) as PlanPeriod;
      db.prepare("UPDATE plan_fields SET value = ? WHERE plan_id = ? AND field = 'period'").run(JSON.stringify({ from: year, to: year + (p.to - p.from) }), planId);
    }
    touch(db, planId);
  })();
  return planSummary(db, planId);
}

/** Moves a plan to the trash; nothing is erased until it is purged. */
export function trashPlan(db: Db, planId: number): PlanSummary {
  planSummary(db, planId);
  db.prepare('UPDATE plans SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now(), planId);
  return planSummary(db, planId);
}

export function restorePlan(db: Db, planId: number): PlanSummary {
  planSummary(db, planId);
  db.prepare('UPDATE plans SET deleted_at = NULL WHERE id = ?').run(planId);
  return planSummary(db, planId);
}

/** Erases a plan for good; only from the trash. */
export function purgePlan(db: Db, planId: number): void {
  const s = planSummary(db, planId);
  if (!s.deletedAt) throw UserError.coded('plan.notInTrash', { title: s.title }, `"${s.title}" is not in the trash; move it there first.`);
  db.transaction(() => {
    // Mentions reference agencies without cascade; remove rows (and their mentions) first.
    db.prepare('DELETE FROM appendix_groups WHERE plan_id = ?').run(planId);
    db.prepare('DELETE FROM plans WHERE id = ?').run(planId);
  })();
}

/** Unique key for a new agency name within a plan. */
export function newAgencyKey(db: Db, planId: number, name: string): string {
  // The exchange schema allows keys of at most 100 characters; a long collective name ("Các sở, ban, ngành
  // tỉnh; Ủy ban nhân dân các huyện, …") must not give a key that makes the exported file unreadable.
  // 80 leaves room for the "-N" suffix.
  const base = slug(name).slice(0, 80).replace(/-+$/, '') || 'x';
  let key = base;
  for (let i = 2; db.prepare('SELECT 1 FROM agencies WHERE plan_id = ? AND key = ?').get(planId, key); i++) key = `${base}-${i}`;
  return key;
}
