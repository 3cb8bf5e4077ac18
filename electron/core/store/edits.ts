/**
 * Fine-grained edits of one plan: one field, one list item, one body node, one row, one cell, one column,
 * one agency. Each runs in its own transaction and bumps the plan's revision, so a crash or a bad value
 * never leaves a half-done change.
 */
import type { Db } from './open';
import type { BodyNodeInput } from '../api/contract';
import { UserError, reservedKeyError, tooManyRowsError } from '../errors';
import { MAX_APPENDIX_ROWS } from '../model/limits';
import { MAX_ROW_DEPTH } from '../model/rows';
import { LIST_FIELDS, OPTION_FIELDS, SCALAR_FIELDS, fieldApplies, isOptionField, isScalarField, type ListField } from '../model/fields';
import { isValidIsoDate } from '../model/dates';
import { BODY_KINDS, COLUMN_KINDS, COLUMN_ROLES, LABEL_FORMATS, ROW_NUMBERING_STYLES, SIGNER_PREFIXES } from '../model/types';
import type { BodyKind, CellValue, ColumnDef, Mention, RichText } from '../model/types';
import { nfc } from '../model/text';
import { isReservedKey } from '../model/keys';
import { splitAgencies, splitContext } from '../model/agency-split';
import { recordStep } from './history';
import { insertRow, newAgencyKey, normaliseRuns, optionValue, planSummary, readList, touch, writeCell, writeList } from './plans';

/** Every edit: one transaction, one undo step (when history is on), one revision bump. */
function inTransaction<T>(db: Db, planId: number, label: string, work: () => T): T {
  return db.transaction(() => {
    const result = recordStep(db, planId, label, work);
    touch(db, planId);
    return result;
  }).immediate();
}

/**
 * Several edits as one: one transaction and one undo step (find-and-replace, pasting rows).
 * Nested edits join it: better-sqlite3 runs an inner transaction as a savepoint, and the history records
 * only the outermost step.
 */
export function planEdit<T>(db: Db, planId: number, label: string, work: () => T): T {
  return inTransaction(db, planId, label, work);
}

function hasDecision(db: Db, planId: number): boolean {
  return planSummary(db, planId).hasDecision;
}

/** Inserts `count` places at `index` among siblings by moving later ones down. */
function openGap(db: Db, table: string, where: string, args: unknown[], index: number): void {
  db.prepare(`UPDATE ${table} SET position = position + 1 WHERE ${where} AND position >= ?`).run(...args, index);
}

function closeGap(db: Db, table: string, where: string, args: unknown[], index: number): void {
  db.prepare(`UPDATE ${table} SET position = position - 1 WHERE ${where} AND position > ?`).run(...args, index);
}

function clampIndex(index: number, count: number): number {
  if (!Number.isInteger(index)) throw UserError.coded('position.notWhole', {}, 'The position must be a whole number.');
  return Math.max(0, Math.min(index, count));
}

// ---------- scalar fields and lists ----------

export function setField(db: Db, planId: number, field: string, value: string | null): void {
  // v2 options travel through setField too, as JSON text ('' or null removes them): the API needs no new method.
  if (isOptionField(field)) {
    let parsed: unknown = null;
    if (value !== null && value.trim() !== '') {
      try {
        parsed = JSON.parse(value);
      } catch {
        throw UserError.coded('field.badOption', { field, expected: 'JSON' }, `${field}: expected JSON.`);
      }
    }
    setOption(db, planId, field, parsed);
    return;
  }
  // Own properties only: `toString` or `__proto__` would otherwise be found on the prototype and stored.
  const type = isScalarField(field) ? SCALAR_FIELDS[field] : undefined;
  if (!type) throw UserError.coded('field.unknown', { field }, `"${field}" is not a field of a plan.`);
  if (!fieldApplies(field, hasDecision(db, planId))) throw UserError.coded('field.notApplicable', { field }, `"${field}" does not apply to this plan.`);
  let clean = value === null ? null : nfc(value);
  if (type === 'date') {
    if (clean === '') clean = null;
    if (clean !== null && !isValidIsoDate(clean)) throw UserError.coded('field.notDate', { field, value: String(value) }, `${field}: "${value}" is not a date (YYYY-MM-DD).`);
  } else if (clean === null) {
    throw UserError.coded('field.needsValue', { field }, `${field}: a value is needed.`);
  } else if (type === 'number' && !/^\d{0,10}$/.test(clean.trim())) {
    throw UserError.coded('field.numberDigits', { field }, `${field}: the number is digits only ("2142"), without the symbol.`);
  } else if (type === 'prefix' && !(SIGNER_PREFIXES as readonly string[]).includes(clean)) {
    const allowed = SIGNER_PREFIXES.filter(Boolean).join(', ');
    throw UserError.coded('field.notPrefix', { field, value: String(value), allowed }, `${field}: "${value}" is not one of ${allowed}.`);
  }
  if (type === 'number' && clean !== null) clean = clean.trim();
  // A symbol is printed after the number ("Số: 2142/QĐ-UBND"). The exchange schema refuses a space or "/" in it,
  // and saved versions are exchange files: storing one would make the plan export (and its versions load) fail.
  if (field.endsWith('.symbol') && clean !== null) {
    clean = clean.trim();
    if (!/^[^\s/]{0,50}$/.test(clean)) throw UserError.coded('field.symbolFormat', { field, value: String(value) }, `${field}: "${value}" is a symbol such as QĐ-UBND, without spaces or "/".`);
  }
  inTransaction(db, planId, 'setField', () => {
    db.prepare('INSERT INTO plan_fields (plan_id, field, value) VALUES (?, ?, ?) ON CONFLICT (plan_id, field) DO UPDATE SET value = excluded.value')
      .run(planId, field, clean);
  });
}

/** Why a v2 option value is refused, or null when it is good. */
export function optionProblem(field: string, value: unknown, year: number): string | null {
  if (value === null || value === undefined) return null;
  const kind = OPTION_FIELDS[field as keyof typeof OPTION_FIELDS];
  const obj = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  switch (kind) {
    case 'flag':
      return typeof value === 'boolean' ? null : 'true or false';
    case 'period': {
      if (!obj || !Number.isInteger(obj.from) || !Number.isInteger(obj.to)) return '{ "from": year, "to": year }';
      if ((obj.to as number) < (obj.from as number)) return 'the period ends before it starts';
      if (obj.from !== year) return `the period starts in the plan's year (${year})`;
      return (obj.to as number) - (obj.from as number) > 50 ? 'a period of at most 50 years' : null;
    }
    case 'rowNumbering':
      if (!obj || !(ROW_NUMBERING_STYLES as readonly unknown[]).includes(obj.style)) return `a style among ${ROW_NUMBERING_STYLES.join(', ')}`;
      if (obj.start !== undefined && (!Number.isInteger(obj.start) || (obj.start as number) < 0 || (obj.start as number) > 100000)) return 'a whole start number';
      return null;
    case 'bodyNumbering': {
      if (!obj) return 'a style per level';
      for (const [kind, style] of Object.entries(obj)) {
        if (!['part', 'item', 'point', 'dash', 'plus'].includes(kind)) return `no level "${kind}"`;
        const st = style as Record<string, unknown> | null;
        if (!st || !(LABEL_FORMATS as readonly unknown[]).includes(st.format) || !['.', ')', ''].includes(st.suffix as string)) return `${kind}: a format among ${LABEL_FORMATS.join(', ')}`;
        if (st.path !== undefined && typeof st.path !== 'boolean') return `${kind}.path: true or false`;
      }
      return null;
    }
    default:
      return 'unknown option';
  }
}

/**
 * Sets a v2 option of the plan (`plan.numbering`, `appendix.numbering`, `period`, `decision.numberUnknown` …,
 * see OPTION_FIELDS) to a JSON value; null removes it (back to the v1 meaning). One transaction, one undo step.
 */
export function setOption(db: Db, planId: number, field: string, value: unknown): void {
  if (!isOptionField(field)) throw UserError.coded('field.unknown', { field }, `"${field}" is not a field of a plan.`);
  const summary = planSummary(db, planId);
  if (!fieldApplies(field, summary.hasDecision)) throw UserError.coded('field.notApplicable', { field }, `"${field}" does not apply to this plan.`);
  const problem = optionProblem(field, value, summary.year);
  if (problem) throw UserError.coded('field.badOption', { field, expected: problem }, `${field}: expected ${problem}.`);
  inTransaction(db, planId, 'setOption', () => {
    const stored = optionValue(value);
    if (stored === null) db.prepare('DELETE FROM plan_fields WHERE plan_id = ? AND field = ?').run(planId, field);
    else db.prepare('INSERT INTO plan_fields (plan_id, field, value) VALUES (?, ?, ?) ON CONFLICT (plan_id, field) DO UPDATE SET value = excluded.value').run(planId, field, stored);
  });
}

type ListValue = string | RichText;

function checkList(db: Db, planId: number, list: string): ListField {
  if (!Object.prototype.hasOwnProperty.call(LIST_FIELDS, list)) throw UserError.coded('list.unknown', { list }, `"${list}" is not a list of a plan.`);
  if (!fieldApplies(list, hasDecision(db, planId))) throw UserError.coded('field.notApplicable', { field: list }, `"${list}" does not apply to this plan.`);
  return list as ListField;
}

function checkListValue(list: ListField, value: ListValue): ListValue {
  if (LIST_FIELDS[list] === 'rich') {
    if (!Array.isArray(value)) throw UserError.coded('list.itemRich', { list }, `${list}: an item is formatted text.`);
    return normaliseRuns(value);
  }
  if (typeof value !== 'string') throw UserError.coded('list.itemText', { list }, `${list}: an item is a line of text.`);
  return nfc(value);
}

/** Edits a list as a whole inside one transaction; lists are short (a few dozen lines at most). */
function editList(db: Db, planId: number, list: string, label: string, change: (items: ListValue[]) => void): void {
  const name = checkList(db, planId, list);
  inTransaction(db, planId, label, () => {
    const items = readList(db, planId, name);
    change(items);
    writeList(db, planId, name, items);
  });
}

export function insertListItem(db: Db, planId: number, list: string, index: number, value: ListValue): void {
  const v = checkListValue(checkList(db, planId, list), value);
  editList(db, planId, list, 'insertListItem', (items) => items.splice(clampIndex(index, items.length), 0, v));
}

export function updateListItem(db: Db, planId: number, list: string, index: number, value: ListValue): void {
  const v = checkListValue(checkList(db, planId, list), value);
  editList(db, planId, list, 'updateListItem', (items) => {
    if (index < 0 || index >= items.length) throw UserError.coded('list.noItem', { list, n: index + 1 }, `${list}: there is no item ${index + 1}.`);
    items[index] = v;
  });
}

export function removeListItem(db: Db, planId: number, list: string, index: number): void {
  editList(db, planId, list, 'removeListItem', (items) => {
    if (index < 0 || index >= items.length) throw UserError.coded('list.noItem', { list, n: index + 1 }, `${list}: there is no item ${index + 1}.`);
    items.splice(index, 1);
  });
}

export function moveListItem(db: Db, planId: number, list: string, from: number, to: number): void {
  editList(db, planId, list, 'moveListItem', (items) => {
    if (from < 0 || from >= items.length) throw UserError.coded('list.noItem', { list, n: from + 1 }, `${list}: there is no item ${from + 1}.`);
    const [item] = items.splice(from, 1);
    items.splice(clampIndex(to, items.length), 0, item);
  });
}

// ---------- body tree ----------


function checkKind(kind: string): BodyKind {
  if (!(BODY_KINDS as readonly string[]).includes(kind)) throw UserError.coded('body.unknownKind', { kind }, `"${kind}" is not a kind of paragraph.`);
  return kind as BodyKind;
}

function nodeParent(db: Db, planId: number, nodeId: number): { parent_id: number | null; position: number } {
  const row = db.prepare('SELECT parent_id, position FROM body_nodes WHERE id = ? AND plan_id = ?').get(nodeId, planId) as
    | { parent_id: number | null; position: number }
    | undefined;
  if (!row) throw UserError.coded('body.notFound', { id: nodeId }, `Paragraph ${nodeId} is not in this plan.`);
  return row;
}

const siblingsWhere = (parentId: number | null) => (parentId === null ? 'plan_id = ? AND parent_id IS NULL' : 'plan_id = ? AND parent_id = ?');
const siblingsArgs = (planId: number, parentId: number | null) => (parentId === null ? [planId] : [planId, parentId]);

function siblingCount(db: Db, planId: number, parentId: number | null): number {
  return (db.prepare(`SELECT count(*) AS n FROM body_nodes WHERE ${siblingsWhere(parentId)}`).get(...siblingsArgs(planId, parentId)) as { n: number }).n;
}

export function insertBodyNode(db: Db, planId: number, parentId: number | null, index: number, node: BodyNodeInput): number {
  const kind = checkKind(node.kind);
  return inTransaction(db, planId, 'insertBodyNode', () => {
    if (parentId !== null) nodeParent(db, planId, parentId);
    const at = clampIndex(index, siblingCount(db, planId, parentId));
    openGap(db, 'body_nodes', siblingsWhere(parentId), siblingsArgs(planId, parentId), at);
    return Number(
      db.prepare('INSERT INTO body_nodes (plan_id, parent_id, position, kind, heading, text) VALUES (?, ?, ?, ?, ?, ?)')
        .run(planId, parentId, at, kind, node.heading ? 1 : 0, JSON.stringify(normaliseRuns(node.text))).lastInsertRowid,
    );
  });
}

export function updateBodyNode(db: Db, planId: number, nodeId: number, patch: Partial<BodyNodeInput>): void {
  inTransaction(db, planId, 'updateBodyNode', () => {
    nodeParent(db, planId, nodeId);
    patchBodyNode(db, nodeId, patch);
  });
}

function patchBodyNode(db: Db, nodeId: number, patch: Partial<BodyNodeInput>): void {
  if (patch.kind !== undefined) db.prepare('UPDATE body_nodes SET kind = ? WHERE id = ?').run(checkKind(patch.kind), nodeId);
  if (patch.heading !== undefined) db.prepare('UPDATE body_nodes SET heading = ? WHERE id = ?').run(patch.heading ? 1 : 0, nodeId);
  if (patch.text !== undefined) db.prepare('UPDATE body_nodes SET text = ? WHERE id = ?').run(JSON.stringify(normaliseRuns(patch.text)), nodeId);
}

/**
 * Moves a node (with its subtree) under another parent at `index`; a node cannot go inside itself.
 * `patch` changes it in the same step — Tab makes a point a dash under its neighbour: one edit, one undo.
 */
export function moveBodyNode(db: Db, planId: number, nodeId: number, parentId: number | null, index: number, patch: Partial<BodyNodeInput> = {}): void {
  inTransaction(db, planId, 'moveBodyNode', () => {
    const from = nodeParent(db, planId, nodeId);
    for (let p = parentId; p !== null; p = nodeParent(db, planId, p).parent_id) {
      if (p === nodeId) throw UserError.coded('body.moveIntoSelf', {}, 'A paragraph cannot be moved inside itself.');
    }
    closeGap(db, 'body_nodes', siblingsWhere(from.parent_id), siblingsArgs(planId, from.parent_id), from.position);
    db.prepare('UPDATE body_nodes SET position = -1 WHERE id = ?').run(nodeId);
    const at = clampIndex(index, siblingCount(db, planId, parentId) - (from.parent_id === parentId ? 1 : 0));
    openGap(db, 'body_nodes', siblingsWhere(parentId), siblingsArgs(planId, parentId), at);
    db.prepare('UPDATE body_nodes SET parent_id = ?, position = ? WHERE id = ?').run(parentId, at, nodeId);
    patchBodyNode(db, nodeId, patch);
  });
}

export function deleteBodyNode(db: Db, planId: number, nodeId: number): void {
  inTransaction(db, planId, 'deleteBodyNode', () => {
    const from = nodeParent(db, planId, nodeId);
    db.prepare('DELETE FROM body_nodes WHERE id = ?').run(nodeId);
    closeGap(db, 'body_nodes', siblingsWhere(from.parent_id), siblingsArgs(planId, from.parent_id), from.position);
  });
}

// ---------- appendix: columns ----------

function columns(db: Db, planId: number): ColumnDef[] {
  return (db.prepare('SELECT key, caption, kind, role, width, hidden FROM appendix_columns WHERE plan_id = ? ORDER BY position').all(planId) as Array<
    Omit<ColumnDef, 'hidden'> & { hidden: number }
  >).map((c) => ({ ...c, hidden: c.hidden === 1 }));
}

function column(db: Db, planId: number, key: string): ColumnDef {
  const c = columns(db, planId).find((col) => col.key === key);
  if (!c) throw UserError.coded('column.notFound', { key }, `The appendix has no column "${key}".`);
  return c;
}

function checkColumn(def: ColumnDef): void {
  if (isReservedKey(def.key)) throw reservedKeyError(def.key);
  if (!/^[a-z][a-z0-9-]{0,39}$/.test(def.key)) throw UserError.coded('column.badKey', { key: def.key }, `Column key "${def.key}": lower-case letters, digits and "-" only.`);
  if (!nfc(def.caption).trim()) throw UserError.coded('column.needsCaption', {}, 'A column needs a caption.');
  if (!(COLUMN_KINDS as readonly string[]).includes(def.kind)) throw UserError.coded('column.unknownKind', { kind: def.kind }, `"${def.kind}" is not a kind of column.`);
  if (def.role !== null && !(COLUMN_ROLES as readonly string[]).includes(def.role)) throw UserError.coded('column.unknownRole', { role: def.role }, `"${def.role}" is not a column role.`);
  if (!(def.width > 0 && def.width <= 500)) throw UserError.coded('column.badWidth', {}, 'A column is between 1 and 500 mm wide.');
}

export function addColumn(db: Db, planId: number, index: number, def: ColumnDef): void {
  checkColumn(def);
  inTransaction(db, planId, 'addColumn', () => {
    if (columns(db, planId).some((c) => c.key === def.key)) throw UserError.coded('column.exists', { key: def.key }, `The appendix already has a column "${def.key}".`);
    const at = clampIndex(index, columns(db, planId).length);
    openGap(db, 'appendix_columns', 'plan_id = ?', [planId], at);
    db.prepare('INSERT INTO appendix_columns (plan_id, key, position, caption, kind, role, width, hidden) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(planId, def.key, at, nfc(def.caption).trim(), def.kind, def.role, def.width, def.hidden ? 1 : 0);
  });
}

/** Changes a column's caption, width, role or visibility. Its kind and key stay: cells depend on them. */
export function updateColumn(db: Db, planId: number, key: string, patch: Partial<Pick<ColumnDef, 'caption' | 'width' | 'hidden' | 'role'>>): void {
  inTransaction(db, planId, 'updateColumn', () => {
    const next = { ...column(db, planId, key), ...patch };
    checkColumn(next);
    db.prepare('UPDATE appendix_columns SET caption = ?, width = ?, hidden = ?, role = ? WHERE plan_id = ? AND key = ?')
      .run(nfc(next.caption).trim(), next.width, next.hidden ? 1 : 0, next.role, planId, key);
  });
}

export function moveColumn(db: Db, planId: number, key: string, index: number): void {
  inTransaction(db, planId, 'moveColumn', () => {
    const keys = columns(db, planId).map((c) => c.key);
    const from = keys.indexOf(key);
    if (from < 0) throw UserError.coded('column.notFound', { key }, `The appendix has no column "${key}".`);
    keys.splice(from, 1);
    keys.splice(clampIndex(index, keys.length), 0, key);
    const stmt = db.prepare('UPDATE appendix_columns SET position = ? WHERE plan_id = ? AND key = ?');
    keys.forEach((k, i) => stmt.run(i, planId, k));
  });
}

/** Removes a column and every cell in it. */
export function removeColumn(db: Db, planId: number, key: string): void {
  inTransaction(db, planId, 'removeColumn', () => {
    const c = column(db, planId, key);
    if (columns(db, planId).length === 1) throw UserError.coded('column.lastOne', {}, 'The appendix needs at least one column.');
    const rowsOfPlan = 'SELECT r.id FROM appendix_rows r JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = ?';
    db.prepare(`DELETE FROM row_cells WHERE column_key = ? AND row_id IN (${rowsOfPlan})`).run(c.key, planId);
    db.prepare(`DELETE FROM row_mentions WHERE column_key = ? AND row_id IN (${rowsOfPlan})`).run(c.key, planId);
    const pos = (db.prepare('SELECT position FROM appendix_columns WHERE plan_id = ? AND key = ?').get(planId, key) as { position: number }).position;
    db.prepare('DELETE FROM appendix_columns WHERE plan_id = ? AND key = ?').run(planId, key);
    closeGap(db, 'appendix_columns', 'plan_id = ?', [planId], pos);
  });
}

// ---------- appendix: groups and rows ----------

function group(db: Db, planId: number, groupId: number): { position: number } {
  const g = db.prepare('SELECT position FROM appendix_groups WHERE id = ? AND plan_id = ?').get(groupId, planId) as { position: number } | undefined;
  if (!g) throw UserError.coded('group.notFound', { id: groupId }, `Group ${groupId} is not in this plan.`);
  return g;
}

function groupCount(db: Db, planId: number): number {
  return (db.prepare('SELECT count(*) AS n FROM appendix_groups WHERE plan_id = ?').get(planId) as { n: number }).n;
}

export function addGroup(db: Db, planId: number, index: number, title: string): number {
  return inTransaction(db, planId, 'addGroup', () => {
    const at = clampIndex(index, groupCount(db, planId));
    openGap(db, 'appendix_groups', 'plan_id = ?', [planId], at);
    return Number(db.prepare('INSERT INTO appendix_groups (plan_id, position, title) VALUES (?, ?, ?)').run(planId, at, nfc(title)).lastInsertRowid);
  });
}

export function renameGroup(db: Db, planId: number, groupId: number, title: string): void {
  inTransaction(db, planId, 'renameGroup', () => {
    group(db, planId, groupId);
    db.prepare('UPDATE appendix_groups SET title = ? WHERE id = ?').run(nfc(title), groupId);
  });
}

export function moveGroup(db: Db, planId: number, groupId: number, index: number): void {
  inTransaction(db, planId, 'moveGroup', () => {
    const from = group(db, planId, groupId).position;
    closeGap(db, 'appendix_groups', 'plan_id = ?', [planId], from);
    db.prepare('UPDATE appendix_groups SET position = -1 WHERE id = ?').run(groupId);
    const at = clampIndex(index, groupCount(db, planId) - 1);
    openGap(db, 'appendix_groups', 'plan_id = ?', [planId], at);
    db.prepare('UPDATE appendix_groups SET position = ? WHERE id = ?').run(at, groupId);
  });
}

/** Deletes a group with its rows. */
export function deleteGroup(db: Db, planId: number, groupId: number): void {
  inTransaction(db, planId, 'deleteGroup', () => {
    const from = group(db, planId, groupId).position;
    db.prepare('DELETE FROM appendix_groups WHERE id = ?').run(groupId);
    closeGap(db, 'appendix_groups', 'plan_id = ?', [planId], from);
  });
}

/** Sibling rows: the top level of a group (parentId null) or the children of a row. */
const SIBLINGS = 'group_id = ? AND parent_id IS ?';

function rowCount(db: Db, groupId: number, parentId: number | null = null): number {
  return (db.prepare(`SELECT count(*) AS n FROM appendix_rows WHERE ${SIBLINGS}`).get(groupId, parentId) as { n: number }).n;
}

function rowPlace(db: Db, planId: number, rowId: number): { group_id: number; position: number; parent_id: number | null } {
  const r = db.prepare('SELECT r.group_id, r.position, r.parent_id FROM appendix_rows r JOIN appendix_groups g ON g.id = r.group_id WHERE r.id = ? AND g.plan_id = ?')
    .get(rowId, planId) as { group_id: number; position: number; parent_id: number | null } | undefined;
  if (!r) throw UserError.coded('row.notFound', { id: rowId }, `Row ${rowId} is not in this plan.`);
  return r;
}

function agencyIds(db: Db, planId: number): Map<string, number> {
  const rows = db.prepare('SELECT id, key FROM agencies WHERE plan_id = ?').all(planId) as Array<{ id: number; key: string }>;
  return new Map(rows.map((a) => [a.key, a.id]));
}

/** Refuses adding `adding` rows to a plan that would then hold more than MAX_APPENDIX_ROWS. */
function checkRoomForRows(db: Db, planId: number, adding: number): void {
  const { n } = db.prepare('SELECT count(*) AS n FROM appendix_rows r JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = ?').get(planId) as { n: number };
  if (n + adding > MAX_APPENDIX_ROWS) throw tooManyRowsError(n + adding, MAX_APPENDIX_ROWS);
}

/** Checks that a parent row is in `groupId` (a sub-row always lives in its parent's group). */
function checkParent(db: Db, planId: number, groupId: number, parentId: number | null): void {
  if (parentId === null) return;
  const parent = rowPlace(db, planId, parentId);
  if (parent.group_id !== groupId) throw UserError.coded('row.otherGroup', {}, 'A row can only go under a row of its own group.');
}

/** Inserts a row at `index` among the top-level rows of a group, or (v2) among the children of `parentId`. */
export function insertAppendixRow(
  db: Db, planId: number, groupId: number, index: number, cells: Record<string, CellValue> = {}, parentId: number | null = null,
): number {
  return inTransaction(db, planId, 'insertAppendixRow', () => {
    group(db, planId, groupId);
    checkParent(db, planId, groupId, parentId);
    checkRoomForRows(db, planId, 1);
    const known = new Set(columns(db, planId).map((c) => c.key));
    for (const key of Object.keys(cells)) if (!known.has(key)) throw UserError.coded('column.notFound', { key }, `The appendix has no column "${key}".`);
    const at = clampIndex(index, rowCount(db, groupId, parentId));
    openGap(db, 'appendix_rows', SIBLINGS, [groupId, parentId], at);
    return insertRow(db, groupId, at, cells, agencyIds(db, planId), columns(db, planId), parentId);
  });
}

export function setCell(db: Db, planId: number, rowId: number, key: string, value: CellValue): void {
  inTransaction(db, planId, 'setCell', () => {
    rowPlace(db, planId, rowId);
    writeCell(db, rowId, column(db, planId, key), value, agencyIds(db, planId));
  });
}

/**
 * Moves a row (with its sub-rows) within its group, into another group, or (v2) under another parent row
 * (`parentId`, in `groupId`; null: the group's top level). A row cannot go under itself or its own sub-rows.
 */
export function moveAppendixRow(db: Db, planId: number, rowId: number, groupId: number, index: number, parentId: number | null = null): void {
  inTransaction(db, planId, 'moveAppendixRow', () => {
    const from = rowPlace(db, planId, rowId);
    group(db, planId, groupId);
    checkParent(db, planId, groupId, parentId);
    const subtree = (db.prepare(
      'WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT r.id FROM appendix_rows r JOIN t ON r.parent_id = t.id) SELECT id FROM t',
    ).all(rowId) as Array<{ id: number }>).map((r) => r.id);
    if (parentId !== null && subtree.includes(parentId)) throw UserError.coded('row.intoItself', {}, 'A row cannot go under itself or one of its own sub-rows.');
    closeGap(db, 'appendix_rows', SIBLINGS, [from.group_id, from.parent_id], from.position);
    db.prepare('UPDATE appendix_rows SET position = -1 WHERE id = ?').run(rowId);
    const same = from.group_id === groupId && from.parent_id === parentId;
    const at = clampIndex(index, rowCount(db, groupId, parentId) - (same ? 1 : 0));
    openGap(db, 'appendix_rows', SIBLINGS, [groupId, parentId], at);
    db.prepare('UPDATE appendix_rows SET group_id = ?, position = ?, parent_id = ? WHERE id = ?').run(groupId, at, parentId, rowId);
    if (from.group_id !== groupId && subtree.length > 1) {
      const update = db.prepare('UPDATE appendix_rows SET group_id = ? WHERE id = ?');
      for (const id of subtree.slice(1)) update.run(groupId, id);
    }
  });
}

/** Deletes a row and its sub-rows. */
export function deleteAppendixRow(db: Db, planId: number, rowId: number): void {
  inTransaction(db, planId, 'deleteAppendixRow', () => {
    const from = rowPlace(db, planId, rowId);
    db.prepare('DELETE FROM appendix_rows WHERE id = ?').run(rowId);
    closeGap(db, 'appendix_rows', SIBLINGS, [from.group_id, from.parent_id], from.position);
  });
}

// ---------- agency directory ----------

/** Adds a name to the directory (or returns the key of the same name already there). */
export function addAgency(db: Db, planId: number, name: string): string {
  const clean = nfc(name).replace(/\s+/g, ' ').trim();
  if (!clean) throw UserError.coded('agency.needsName', {}, 'An agency needs a name.');
  return inTransaction(db, planId, 'addAgency', () => {
    const existing = db.prepare('SELECT key FROM agencies WHERE plan_id = ? AND name = ?').get(planId, clean) as { key: string } | undefined;
    if (existing) return existing.key;
    const key = newAgencyKey(db, planId, clean);
    db.prepare('INSERT INTO agencies (plan_id, key, name) VALUES (?, ?, ?)').run(planId, key, clean);
    return key;
  });
}

/** Renames an agency; every cell naming it follows, since cells hold the entry, not the text. */
export function renameAgency(db: Db, planId: number, key: string, name: string): void {
  const clean = nfc(name).replace(/\s+/g, ' ').trim();
  if (!clean) throw UserError.coded('agency.needsName', {}, 'An agency needs a name.');
  inTransaction(db, planId, 'renameAgency', () => {
    const info = db.prepare('UPDATE agencies SET name = ? WHERE plan_id = ? AND key = ?').run(clean, planId, key);
    if (info.changes === 0) throw UserError.coded('agency.notFound', { key }, `The directory has no agency "${key}".`);
  });
}

/** Merges `fromKey` into `intoKey`: every mention of the first now names the second, and the first is removed. */
export function mergeAgencies(db: Db, planId: number, fromKey: string, intoKey: string): void {
  if (fromKey === intoKey) throw UserError.coded('agency.mergeSelf', {}, 'An agency cannot be merged into itself.');
  inTransaction(db, planId, 'mergeAgencies', () => {
    const ids = agencyIds(db, planId);
    const from = ids.get(fromKey);
    const into = ids.get(intoKey);
    if (from === undefined) throw UserError.coded('agency.notFound', { key: fromKey }, `The directory has no agency "${fromKey}".`);
    if (into === undefined) throw UserError.coded('agency.notFound', { key: intoKey }, `The directory has no agency "${intoKey}".`);
    db.prepare('UPDATE row_mentions SET agency_id = ? WHERE agency_id = ?').run(into, from);
    db.prepare('DELETE FROM agencies WHERE id = ?').run(from);
  });
}

/** Directory entries with how many cells name each. */
export function agencyUsage(db: Db, planId: number): Array<{ key: string; name: string; lead: number; cooperate: number; total: number }> {
  return db.prepare(
    `SELECT a.key, a.name,
       count(CASE WHEN c.role = 'lead' THEN 1 END) AS lead,
       count(CASE WHEN c.role = 'cooperate' THEN 1 END) AS cooperate,
       count(m.row_id) AS total
     FROM agencies a
     LEFT JOIN row_mentions m ON m.agency_id = a.id
     LEFT JOIN appendix_columns c ON c.plan_id = a.plan_id AND c.key = m.column_key
     WHERE a.plan_id = ? GROUP BY a.id ORDER BY a.id`,
  ).all(planId) as Array<{ key: string; name: string; lead: number; cooperate: number; total: number }>;
}

/** Removes an agency no cell names any more. */
export function removeAgency(db: Db, planId: number, key: string): void {
  inTransaction(db, planId, 'removeAgency', () => {
    const id = agencyIds(db, planId).get(key);
    if (id === undefined) throw UserError.coded('agency.notFound', { key }, `The directory has no agency "${key}".`);
    const used = (db.prepare('SELECT count(*) AS n FROM row_mentions WHERE agency_id = ?').get(id) as { n: number }).n;
    if (used > 0) throw UserError.coded('agency.inUse', { count: used }, `The agency is named in ${used} cells; merge it into another instead.`);
    db.prepare('DELETE FROM agencies WHERE id = ?').run(id);
  });
}

/**
 * Names typed or pasted into an agency cell ("Sở Nội vụ; UBND cấp huyện", "Sở Nội vụ, Sở Tư pháp", one per
 * line) as mentions of directory entries, adding the names the directory does not have. Cut by the one
 * agency splitter (model/agency-split.ts) with the plan's directory: never inside a name it holds.
 */
export function mentionsFromText(db: Db, planId: number, text: string): Mention[] {
  const known = (db.prepare('SELECT name FROM agencies WHERE plan_id = ?').all(planId) as Array<{ name: string }>).map((r) => r.name);
  const { parts } = splitAgencies(nfc(text), splitContext(known));
  return parts.map((p) => ({ agency: addAgency(db, planId, p.name), after: p.after }));
}

/** Several rows at once (a block pasted from Excel, an import): one transaction, one undo step. */
export function insertRows(db: Db, planId: number, groupId: number, index: number, rows: ReadonlyArray<Record<string, CellValue>>): number[] {
  return planEdit(db, planId, 'insertRows', () => {
    // The whole paste or nothing: refused before its first row.
    checkRoomForRows(db, planId, rows.length);
    const kinds = new Map(columns(db, planId).map((c) => [c.key, c.kind]));
    return rows.map((cells, i) => {
      const converted: Record<string, CellValue> = {};
      for (const [key, value] of Object.entries(cells)) {
        converted[key] = kinds.get(key) === 'agencies' && typeof value === 'string' ? mentionsFromText(db, planId, value) : value;
      }
      return insertAppendixRow(db, planId, groupId, index + i, converted);
    });
  });
}

// ---------- appendix: row trees (indent, outdent, sub-rows) ----------

/** The level a row sits at: 1 for a top-level row of its group, 2 for its sub-rows … */
function rowLevel(db: Db, rowId: number): number {
  return (db.prepare(
    'WITH RECURSIVE up(id, n) AS (SELECT ?, 1 UNION ALL SELECT r.parent_id, n + 1 FROM appendix_rows r JOIN up ON r.id = up.id WHERE r.parent_id IS NOT NULL) SELECT max(n) AS n FROM up',
  ).get(rowId) as { n: number }).n;
}

/** Levels a row's subtree spans: 1 for a row without sub-rows, 2 with sub-rows that have none … */
function subtreeHeight(db: Db, rowId: number): number {
  return (db.prepare(
    'WITH RECURSIVE t(id, n) AS (SELECT ?, 1 UNION ALL SELECT r.id, n + 1 FROM appendix_rows r JOIN t ON r.parent_id = t.id) SELECT max(n) AS n FROM t',
  ).get(rowId) as { n: number }).n;
}

function tooDeep(): UserError {
  return UserError.coded('row.tooDeep', { max: MAX_ROW_DEPTH }, `Rows nest at most ${MAX_ROW_DEPTH} levels deep (1, 1.1, 1.1.1).`);
}

/** The row id among `parentId`'s children (or the group's top level) at `position`, or undefined. */
function siblingAt(db: Db, groupId: number, parentId: number | null, position: number): number | undefined {
  const r = db.prepare(`SELECT id FROM appendix_rows WHERE ${SIBLINGS} AND position = ?`).get(groupId, parentId, position) as { id: number } | undefined;
  return r?.id;
}

/**
 * Moves a row with its sub-rows under `parentId` (null: the group's top level) of `groupId`, at `index`, as
 * `moveAppendixRow` does, refusing a place that would nest the subtree deeper than MAX_ROW_DEPTH.
 */
export function placeAppendixRow(db: Db, planId: number, rowId: number, groupId: number, parentId: number | null, index: number): void {
  planEdit(db, planId, 'moveAppendixRow', () => {
    rowPlace(db, planId, rowId);
    if (parentId !== null) {
      checkParent(db, planId, groupId, parentId);
      if (rowLevel(db, parentId) + subtreeHeight(db, rowId) > MAX_ROW_DEPTH) throw tooDeep();
    }
    moveAppendixRow(db, planId, rowId, groupId, index, parentId);
  });
}

/**
 * Indent ("Thụt vào"): the row, with its sub-rows, becomes the last sub-row of the row above it at its level
 * (its previous sibling). Refused for the first row of its level (`row.noRowAbove`) and past MAX_ROW_DEPTH
 * (`row.tooDeep`). One transaction, one undo step. Rows never leave their group.
 */
export function indentAppendixRow(db: Db, planId: number, rowId: number): void {
  planEdit(db, planId, 'indentAppendixRow', () => {
    const at = rowPlace(db, planId, rowId);
    const above = at.position > 0 ? siblingAt(db, at.group_id, at.parent_id, at.position - 1) : undefined;
    if (above === undefined) throw UserError.coded('row.noRowAbove', {}, 'The first row of its level has no row above to go under.');
    if (rowLevel(db, above) + subtreeHeight(db, rowId) > MAX_ROW_DEPTH) throw tooDeep();
    moveAppendixRow(db, planId, rowId, at.group_id, rowCount(db, at.group_id, above), above);
  });
}

/**
 * Outdent ("Đưa ra"): a sub-row becomes a sibling of its parent, placed right after it. The rows that
 * followed it under that parent become its own last sub-rows, so that the table reads in the same order
 * (as outline outdent does in Word): 1.1, 1.2, 1.3 with 1.2 outdented reads 1.1, 2, 2.1.
 * Refused for a top-level row (`row.topLevel`). One transaction, one undo step.
 */
export function outdentAppendixRow(db: Db, planId: number, rowId: number): void {
  planEdit(db, planId, 'outdentAppendixRow', () => {
    const at = rowPlace(db, planId, rowId);
    if (at.parent_id === null) throw UserError.coded('row.topLevel', {}, 'The row is already at the top level of its group.');
    const parent = rowPlace(db, planId, at.parent_id);
    const following = (db.prepare(`SELECT id FROM appendix_rows WHERE ${SIBLINGS} AND position > ? ORDER BY position`)
      .all(at.group_id, at.parent_id, at.position) as Array<{ id: number }>).map((r) => r.id);
    for (const id of following) moveAppendixRow(db, planId, id, at.group_id, rowCount(db, at.group_id, rowId), rowId);
    moveAppendixRow(db, planId, rowId, at.group_id, parent.position + 1, parent.parent_id);
  });
}

/**
 * Inserts rows as sub-rows of `parentId` at `index` among its children ("Thêm dòng con"; a block pasted below
 * a sub-row). Cells as `insertRows` takes them (agency columns as typed names). Refused when the sub-rows
 * would sit deeper than MAX_ROW_DEPTH. One transaction, one undo step; returns the new row ids.
 */
export function insertSubRows(db: Db, planId: number, parentId: number, index: number, rows: ReadonlyArray<Record<string, CellValue>>): number[] {
  return planEdit(db, planId, 'insertSubRows', () => {
    const parent = rowPlace(db, planId, parentId);
    if (rowLevel(db, parentId) + 1 > MAX_ROW_DEPTH) throw tooDeep();
    checkRoomForRows(db, planId, rows.length);
    const kinds = new Map(columns(db, planId).map((c) => [c.key, c.kind]));
    return rows.map((cells, i) => {
      const converted: Record<string, CellValue> = {};
      for (const [key, value] of Object.entries(cells)) {
        converted[key] = kinds.get(key) === 'agencies' && typeof value === 'string' ? mentionsFromText(db, planId, value) : value;
      }
      return insertAppendixRow(db, planId, parent.group_id, index + i, converted, parentId);
    });
  });
}

