/**
 * Fine-grained edits: each one is checked in the store afterwards (loadPlan or SQL), bumps the revision,
 * and a failing one rolls back completely.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/store/open';
import { insertPackage, loadPlan, planSummary } from '../../electron/core/store/plans';
import * as edits from '../../electron/core/store/edits';
import { loadSamplePackage } from '../../electron/core/sample';
import { blankPackage } from '../../electron/core/model/defaults';
import { cellText } from '../../electron/core/model/text';
import { rowNumbers } from '../../electron/core/model/numbering';
import type { BodyNode, Mention, PlanPackage } from '../../electron/core/model/types';
import { parseExchange } from '../../electron/core/exchange/exchange';
import { content, removeTempDirs, tempStore, userErrorOf } from './helpers';

const NFD = (s: string) => s.normalize('NFD');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let db: Db;
let id: number;
const pkg = (planId = id): PlanPackage => loadPlan(db, planId).pkg;
const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;
const field = (name: string, planId = id) =>
  (db.prepare('SELECT value FROM plan_fields WHERE plan_id = ? AND field = ?').get(planId, name) as { value: string | null } | undefined)?.value;

/** Every sibling list of the plan has positions 0..n-1 (no gap, no duplicate). */
function expectContiguous(planId = id): void {
  const lists: Array<[string, string]> = [
    ['body_nodes', `SELECT coalesce(parent_id, 0) AS k, position FROM body_nodes WHERE plan_id = ${planId}`],
    ['appendix_groups', `SELECT 0 AS k, position FROM appendix_groups WHERE plan_id = ${planId}`],
    ['appendix_rows', `SELECT group_id AS k, position FROM appendix_rows WHERE group_id IN (SELECT id FROM appendix_groups WHERE plan_id = ${planId})`],
    ['appendix_columns', `SELECT 0 AS k, position FROM appendix_columns WHERE plan_id = ${planId}`],
    ['plan_list_items', `SELECT list AS k, position FROM plan_list_items WHERE plan_id = ${planId}`],
  ];
  for (const [table, sql] of lists) {
    const byKey = new Map<unknown, number[]>();
    for (const r of db.prepare(sql).all() as Array<{ k: unknown; position: number }>) {
      byKey.set(r.k, [...(byKey.get(r.k) ?? []), r.position]);
    }
    for (const [k, positions] of byKey) {
      expect(positions.sort((a, b) => a - b), `${table} under ${String(k)}`).toEqual(positions.map((_, i) => i));
    }
  }
}

function allNodes(nodes: readonly BodyNode[]): BodyNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

beforeEach(() => {
  db = tempStore().db;
  id = insertPackage(db, loadSamplePackage());
});
afterEach(() => {
  expectContiguous();
  db.close();
  removeTempDirs();
});

describe('setField', () => {
  it('stores text in NFC whatever the keyboard sent', () => {
    const nfd = NFD('Thành phố Đồng Xoài');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    edits.setField(db, id, 'issuer.place', nfd);
    expect(pkg().issuer.place).toBe('Thành phố Đồng Xoài'.normalize('NFC'));
    expect(field('issuer.place')).toBe('Thành phố Đồng Xoài'.normalize('NFC'));
    edits.setField(db, id, 'decision.signer.name', NFD('Trần Tuệ Hiền'));
    expect(pkg().decision!.signer.name).toBe('Trần Tuệ Hiền');
  });

  it('a number is digits only (trimmed); empty means unsigned', () => {
    edits.setField(db, id, 'decision.number', ' 2142 ');
    expect(pkg().decision!.number).toBe('2142');
    for (const bad of ['2142/QĐ-UBND', 'abc', '12a', '١٢', '12345678901']) {
      expect(userErrorOf(() => edits.setField(db, id, 'decision.number', bad)), bad).toMatch(/decision\.number/);
    }
    expect(pkg().decision!.number).toBe('2142');
    edits.setField(db, id, 'decision.number', '');
    expect(pkg().decision!.number).toBe('');
    expect(userErrorOf(() => edits.setField(db, id, 'decision.number', null))).toMatch(/value/);
  });

  it('a date must be a real ISO date; empty and null clear it', () => {
    edits.setField(db, id, 'decision.date', '2024-02-29');
    expect(pkg().decision!.date).toBe('2024-02-29');
    for (const bad of ['2023-02-29', '2023-02-30', '2024-13-01', '15/01/2024', '2024-1-5']) {
      expect(userErrorOf(() => edits.setField(db, id, 'decision.date', bad)), bad).toContain(bad);
    }
    expect(pkg().decision!.date).toBe('2024-02-29');
    edits.setField(db, id, 'decision.date', '');
    expect(pkg().decision!.date).toBeNull();
    expect(field('decision.date')).toBeNull();
    edits.setField(db, id, 'decision.date', '2024-01-15');
    edits.setField(db, id, 'decision.date', null);
    expect(pkg().decision!.date).toBeNull();
  });

  it('a signer prefix is one of the Nghị định 30 prefixes', () => {
    edits.setField(db, id, 'decision.signer.prefix', 'TM.');
    expect(pkg().decision!.signer.prefix).toBe('TM.');
    edits.setField(db, id, 'decision.signer.prefix', '');
    expect(pkg().decision!.signer.prefix).toBe('');
    for (const bad of ['KT', 'XX.', 'kt.']) expect(userErrorOf(() => edits.setField(db, id, 'decision.signer.prefix', bad))).toContain(bad);
    expect(pkg().decision!.signer.prefix).toBe('');
  });

  it('a document symbol has no spaces or slash (the exchange file and saved versions refuse them), and is trimmed', () => {
    edits.setField(db, id, 'decision.symbol', ' QĐ-UBND ');
    expect(pkg().decision!.symbol).toBe('QĐ-UBND');
    for (const bad of ['QĐ UBND', '2142/QĐ-UBND', 'QĐ-\tUBND']) {
      expect(userErrorOf(() => edits.setField(db, id, 'decision.symbol', bad)), bad).toMatch(/decision\.symbol/);
    }
    const text = content(pkg());
    expect(content(parseExchange(text, 'export.json'))).toBe(text);
  });

  it('refuses unknown fields and fields that do not apply to the plan', () => {
    expect(userErrorOf(() => edits.setField(db, id, 'decision.colour', 'x'))).toMatch(/decision\.colour/);
    expect(userErrorOf(() => edits.setField(db, id, 'title', 'x'))).toMatch(/title/);
    expect(userErrorOf(() => edits.setField(db, id, 'plan.issuance.number', '3'))).toMatch(/does not apply/);

    const standalone = blankPackage(2025);
    standalone.decision = null;
    standalone.plan.issuance = { number: '', symbol: 'KH-UBND', date: null, recipients: [], signer: blankPackage(2025).decision!.signer };
    const sid = insertPackage(db, standalone);
    expect(userErrorOf(() => edits.setField(db, sid, 'decision.number', '12'))).toMatch(/does not apply/);
    expect(userErrorOf(() => edits.insertListItem(db, sid, 'decision.legalBases', 0, 'Căn cứ;'))).toMatch(/does not apply/);
    expect(count('SELECT count(*) AS n FROM plan_fields WHERE plan_id = ? AND field LIKE ?', sid, 'decision.%')).toBe(0);
    edits.setField(db, sid, 'plan.issuance.number', '7');
    edits.insertListItem(db, sid, 'plan.issuance.recipients', 0, 'Lưu: VT.');
    expect(pkg(sid).plan.issuance).toMatchObject({ number: '7', recipients: ['Lưu: VT.'] });
    expect(pkg(sid).decision).toBeNull();
    expectContiguous(sid);
  });
});

describe('lists', () => {
  it('insert / update / remove / move legal bases', () => {
    const start = pkg().decision!.legalBases;
    expect(start.length).toBe(7);
    edits.insertListItem(db, id, 'decision.legalBases', 1, NFD('Căn cứ Nghị định mới;'));
    let bases = pkg().decision!.legalBases;
    expect(bases).toEqual([start[0], 'Căn cứ Nghị định mới;', ...start.slice(1)]);
    edits.insertListItem(db, id, 'decision.legalBases', 999, 'Cuối;'); // clamped to the end
    expect(pkg().decision!.legalBases.at(-1)).toBe('Cuối;');
    edits.updateListItem(db, id, 'decision.legalBases', 0, 'Căn cứ Luật đã sửa;');
    edits.moveListItem(db, id, 'decision.legalBases', 0, 2);
    bases = pkg().decision!.legalBases;
    expect(bases.slice(0, 3)).toEqual(['Căn cứ Nghị định mới;', start[1], 'Căn cứ Luật đã sửa;']);
    edits.removeListItem(db, id, 'decision.legalBases', bases.length - 1);
    edits.removeListItem(db, id, 'decision.legalBases', 0);
    expect(pkg().decision!.legalBases).toEqual([start[1], 'Căn cứ Luật đã sửa;', ...start.slice(2)]);
    expect(count("SELECT count(*) AS n FROM plan_list_items WHERE plan_id = ? AND list = 'decision.legalBases'", id)).toBe(7);
  });

  it('refuses an item index that does not exist and a value of the wrong shape', () => {
    const before = content(pkg());
    expect(userErrorOf(() => edits.updateListItem(db, id, 'decision.legalBases', 7, 'x'))).toMatch(/no item 8/);
    expect(userErrorOf(() => edits.removeListItem(db, id, 'decision.legalBases', -1))).toMatch(/no item/);
    expect(userErrorOf(() => edits.moveListItem(db, id, 'decision.recipients', 50, 0))).toMatch(/no item 51/);
    expect(userErrorOf(() => edits.insertListItem(db, id, 'decision.legalBases', 0, [{ text: 'x' }]))).toMatch(/line of text/);
    expect(userErrorOf(() => edits.insertListItem(db, id, 'decision.articles', 0, 'plain'))).toMatch(/formatted text/);
    expect(userErrorOf(() => edits.insertListItem(db, id, 'decision.footnotes', 0, 'x'))).toMatch(/not a list/);
    expect(content(pkg())).toBe(before);
  });

  it('articles hold rich text (runs with bold/italic), NFC-normalised', () => {
    const article = [{ text: NFD('Giao Giám đốc '), bold: false }, { text: 'Sở Nội vụ', bold: true, italic: true }, { text: ' theo dõi.' }];
    edits.insertListItem(db, id, 'decision.articles', 1, article);
    const articles = pkg().decision!.articles;
    expect(articles).toHaveLength(3);
    expect(articles[1]).toEqual([{ text: 'Giao Giám đốc ', bold: false }, { text: 'Sở Nội vụ', bold: true, italic: true }, { text: ' theo dõi.' }]);
    edits.updateListItem(db, id, 'decision.articles', 1, [{ text: 'Khác.', italic: true }]);
    expect(pkg().decision!.articles[1]).toEqual([{ text: 'Khác.', italic: true }]);
    edits.moveListItem(db, id, 'decision.articles', 1, 0);
    expect(pkg().decision!.articles[0]).toEqual([{ text: 'Khác.', italic: true }]);
  });
});

describe('body tree', () => {
  it('inserts at a position and under a parent', () => {
    const body = pkg().plan.body;
    const part3 = body[4];
    const newId = edits.insertBodyNode(db, id, null, 0, { kind: 'paragraph', heading: false, text: [{ text: NFD('Mở đầu') }] });
    const childId = edits.insertBodyNode(db, id, part3.id!, 1, { kind: 'item', heading: true, text: [{ text: 'Mục chen' }] });
    const after = pkg().plan.body;
    expect(after[0]).toMatchObject({ id: newId, kind: 'paragraph', heading: false, text: [{ text: 'Mở đầu' }], children: [] });
    expect(after.slice(1).map((n) => n.id)).toEqual(body.map((n) => n.id));
    const part3After = after.find((n) => n.id === part3.id)!;
    expect(part3After.children.map((n) => n.id)).toEqual([part3.children[0].id, childId, ...part3.children.slice(1).map((n) => n.id)]);
    expect(userErrorOf(() => edits.insertBodyNode(db, id, 99999, 0, { kind: 'item', heading: false, text: [] }))).toMatch(/99999/);
    expect(userErrorOf(() => edits.insertBodyNode(db, id, null, 0, { kind: 'chapter' as never, heading: false, text: [] }))).toMatch(/chapter/);
  });

  it('updates kind, heading and text', () => {
    const node = pkg().plan.body[2].children[0];
    edits.updateBodyNode(db, id, node.id!, { text: [{ text: NFD('Mục đích mới'), bold: true }] });
    edits.updateBodyNode(db, id, node.id!, { kind: 'point', heading: false });
    const after = allNodes(pkg().plan.body).find((n) => n.id === node.id)!;
    expect(after).toMatchObject({ kind: 'point', heading: false, text: [{ text: 'Mục đích mới', bold: true }] });
    expect(after.children.map((c) => c.id)).toEqual(node.children.map((c) => c.id));
    expect(userErrorOf(() => edits.updateBodyNode(db, id, node.id!, { kind: 'x' as never }))).toMatch(/"x"/);
  });

  it('moves within its parent and into another parent, with its subtree', () => {
    const body = pkg().plan.body;
    const ids = body.map((n) => n.id!);
    // Within the root: the last part goes first.
    edits.moveBodyNode(db, id, ids[8], null, 0);
    expect(pkg().plan.body.map((n) => n.id)).toEqual([ids[8], ...ids.slice(0, 8)]);
    // Down within the root: index counts without the moved node.
    edits.moveBodyNode(db, id, ids[8], null, 3);
    expect(pkg().plan.body.map((n) => n.id)).toEqual([...ids.slice(0, 3), ids[8], ...ids.slice(3, 8)]);

    // Into another parent: item 2 of part III (with its children) becomes item 1 of part I.
    const moved = body[4].children[1];
    const subtree = allNodes([moved]).map((n) => n.id);
    edits.moveBodyNode(db, id, moved.id!, body[2].id!, 0);
    const after = pkg().plan.body;
    const part1 = after.find((n) => n.id === body[2].id)!;
    const part3 = after.find((n) => n.id === body[4].id)!;
    expect(part1.children.map((n) => n.id)).toEqual([moved.id, ...body[2].children.map((n) => n.id)]);
    expect(part3.children.map((n) => n.id)).toEqual(body[4].children.filter((n) => n.id !== moved.id).map((n) => n.id));
    expect(allNodes([part1.children[0]]).map((n) => n.id)).toEqual(subtree);
    // To the root.
    edits.moveBodyNode(db, id, moved.id!, null, 999);
    expect(pkg().plan.body.at(-1)!.id).toBe(moved.id);
  });

  it('refuses to move a node inside itself or its own subtree', () => {
    const part3 = pkg().plan.body[4];
    const grandchild = part3.children.find((c) => c.children.length)!.children[0];
    const before = content(pkg());
    expect(userErrorOf(() => edits.moveBodyNode(db, id, part3.id!, part3.id!, 0))).toMatch(/inside itself/);
    expect(userErrorOf(() => edits.moveBodyNode(db, id, part3.id!, grandchild.id!, 0))).toMatch(/inside itself/);
    expect(userErrorOf(() => edits.moveBodyNode(db, id, part3.id!, 424242, 0))).toMatch(/424242/);
    // A paragraph of another plan is neither a destination nor something this plan can move.
    const other = insertPackage(db, loadSamplePackage());
    const otherPart = loadPlan(db, other).pkg.plan.body[2].id!;
    expect(userErrorOf(() => edits.moveBodyNode(db, id, part3.id!, otherPart, 0))).toMatch(String(otherPart));
    expect(userErrorOf(() => edits.moveBodyNode(db, id, otherPart, null, 0))).toMatch(String(otherPart));
    expect(userErrorOf(() => edits.insertBodyNode(db, id, otherPart, 0, { kind: 'item', heading: false, text: [] }))).toMatch(String(otherPart));
    expect(content(pkg())).toBe(before);
    expect(content(pkg(other))).toBe(content(loadSamplePackage()));
  });

  it('deletes a node with its subtree; siblings close up', () => {
    const body = pkg().plan.body;
    const part3 = body[4];
    const subtree = allNodes([part3]).map((n) => n.id!);
    expect(subtree.length).toBe(61);
    const total = count('SELECT count(*) AS n FROM body_nodes WHERE plan_id = ?', id);
    edits.deleteBodyNode(db, id, part3.id!);
    expect(count('SELECT count(*) AS n FROM body_nodes WHERE plan_id = ?', id)).toBe(total - 61);
    expect(count(`SELECT count(*) AS n FROM body_nodes WHERE id IN (${subtree.join(',')})`)).toBe(0);
    expect(pkg().plan.body.map((n) => n.id)).toEqual(body.filter((n) => n.id !== part3.id).map((n) => n.id));
    // Deleting a middle child closes the gap among its siblings too.
    const part7 = pkg().plan.body.at(-1)!;
    edits.deleteBodyNode(db, id, part7.children[3].id!);
    expect(pkg().plan.body.at(-1)!.children.map((n) => n.id)).toEqual(part7.children.filter((_, i) => i !== 3).map((n) => n.id));
    expect(userErrorOf(() => edits.deleteBodyNode(db, id, part3.id!))).toMatch(String(part3.id));
  });
});

describe('appendix columns', () => {
  it('adds, updates, moves and removes columns; a removed column takes its cells with it', () => {
    edits.addColumn(db, id, 5, { key: 'product', caption: NFD('Sản phẩm'), kind: 'text', role: null, width: 30, hidden: false });
    const cols = pkg().appendix.columns;
    expect(cols.map((c) => c.key)).toEqual(['stt', 'task', 'lead', 'cooperate', 'deadline', 'product', 'note']);
    expect(cols[5]).toEqual({ key: 'product', caption: 'Sản phẩm', kind: 'text', role: null, width: 30, hidden: false });
    const row = pkg().appendix.groups[0].rows[0];
    edits.setCell(db, id, row.id!, 'product', 'Báo cáo');
    expect(pkg().appendix.groups[0].rows[0].cells.product).toBe('Báo cáo');
    // Every row reads back with the new column (empty).
    expect(pkg().appendix.groups[6].rows[0].cells.product).toBe('');

    edits.updateColumn(db, id, 'product', { caption: 'Sản phẩm đầu ra', width: 40, hidden: true, role: 'note' });
    expect(pkg().appendix.columns[5]).toMatchObject({ caption: 'Sản phẩm đầu ra', width: 40, hidden: true, role: 'note' });
    expect(userErrorOf(() => edits.updateColumn(db, id, 'product', { width: 0 }))).toMatch(/wide/);
    expect(userErrorOf(() => edits.updateColumn(db, id, 'product', { caption: '  ' }))).toMatch(/caption/);
    expect(userErrorOf(() => edits.updateColumn(db, id, 'nope', { width: 10 }))).toMatch(/nope/);

    edits.moveColumn(db, id, 'product', 1);
    expect(pkg().appendix.columns.map((c) => c.key)).toEqual(['stt', 'product', 'task', 'lead', 'cooperate', 'deadline', 'note']);

    expect(userErrorOf(() => edits.addColumn(db, id, 0, { key: 'task', caption: 'X', kind: 'text', role: null, width: 10, hidden: false }))).toMatch(/already/);
    expect(userErrorOf(() => edits.addColumn(db, id, 0, { key: 'Bad Key', caption: 'X', kind: 'text', role: null, width: 10, hidden: false }))).toMatch(/Bad Key/);
    expect(userErrorOf(() => edits.addColumn(db, id, 0, { key: 'k', caption: 'X', kind: 'date' as never, role: null, width: 10, hidden: false }))).toMatch(/date/);

    const cellsOf = (key: string) =>
      count(
        `SELECT count(*) AS n FROM row_cells c JOIN appendix_rows r ON r.id = c.row_id JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = ? AND c.column_key = ?`,
        id, key,
      );
    const mentionsOf = (key: string) =>
      count(
        `SELECT count(*) AS n FROM row_mentions m JOIN appendix_rows r ON r.id = m.row_id JOIN appendix_groups g ON g.id = r.group_id WHERE g.plan_id = ? AND m.column_key = ?`,
        id, key,
      );
    expect(cellsOf('product')).toBe(1);
    expect(mentionsOf('cooperate')).toBeGreaterThan(0);
    edits.removeColumn(db, id, 'product');
    edits.removeColumn(db, id, 'cooperate');
    expect(cellsOf('product')).toBe(0);
    expect(mentionsOf('cooperate')).toBe(0);
    const after = pkg();
    expect(after.appendix.columns.map((c) => c.key)).toEqual(['stt', 'task', 'lead', 'deadline', 'note']);
    expect(Object.keys(after.appendix.groups[0].rows[0].cells).sort()).toEqual(['deadline', 'lead', 'note', 'task']);
    // A new column of the same key starts empty: no stale cell comes back.
    edits.addColumn(db, id, 9, { key: 'product', caption: 'P', kind: 'text', role: null, width: 20, hidden: false });
    expect(pkg().appendix.groups[0].rows[0].cells.product).toBe('');
  });

  it('refuses to remove the last column', () => {
    for (const key of ['stt', 'task', 'lead', 'cooperate', 'deadline']) edits.removeColumn(db, id, key);
    expect(userErrorOf(() => edits.removeColumn(db, id, 'note'))).toMatch(/at least one/);
    expect(pkg().appendix.columns.map((c) => c.key)).toEqual(['note']);
  });
});

describe('appendix groups and rows', () => {
  it('adds, renames, moves and deletes groups', () => {
    const groups = pkg().appendix.groups;
    const gid = edits.addGroup(db, id, 2, NFD('Nhóm mới'));
    let after = pkg().appendix.groups;
    expect(after.map((g) => g.id)).toEqual([groups[0].id, groups[1].id, gid, ...groups.slice(2).map((g) => g.id)]);
    expect(after[2]).toEqual({ id: gid, title: 'Nhóm mới', rows: [] });
    edits.renameGroup(db, id, gid, NFD('Cải cách hành chính khác'));
    expect(pkg().appendix.groups[2].title).toBe('Cải cách hành chính khác');
    edits.moveGroup(db, id, gid, 0);
    expect(pkg().appendix.groups.map((g) => g.id)).toEqual([gid, ...groups.map((g) => g.id)]);
    edits.moveGroup(db, id, gid, 99);
    expect(pkg().appendix.groups.map((g) => g.id)).toEqual([...groups.map((g) => g.id), gid]);

    const doomed = groups[1];
    const rowIds = doomed.rows.map((r) => r.id!);
    expect(rowIds.length).toBe(10);
    edits.deleteGroup(db, id, doomed.id!);
    after = pkg().appendix.groups;
    expect(after.map((g) => g.id)).toEqual([groups[0].id, ...groups.slice(2).map((g) => g.id), gid]);
    expect(count(`SELECT count(*) AS n FROM appendix_rows WHERE id IN (${rowIds.join(',')})`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM row_cells WHERE row_id IN (${rowIds.join(',')})`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM row_mentions WHERE row_id IN (${rowIds.join(',')})`)).toBe(0);
    expect(planSummary(db, id).rowCount).toBe(38);
    expect(userErrorOf(() => edits.renameGroup(db, id, doomed.id!, 'x'))).toMatch(String(doomed.id));
  });

  it('inserts rows with text and agency cells, and sets cells', () => {
    const g = pkg().appendix.groups[0];
    const rowId = edits.insertAppendixRow(db, id, g.id!, 1, {
      task: NFD('Rà soát thủ tục hành chính'),
      lead: [{ agency: 'so-noi-vu', after: NFD(' chủ trì; ') }, { agency: 'ubnd-cap-huyen', after: '' }],
      deadline: 'Quý II',
    });
    let row = pkg().appendix.groups[0].rows[1];
    expect(row.id).toBe(rowId);
    expect(row.cells).toEqual({
      task: 'Rà soát thủ tục hành chính',
      lead: [{ agency: 'so-noi-vu', after: ' chủ trì; ' }, { agency: 'ubnd-cap-huyen', after: '' }],
      cooperate: [],
      deadline: 'Quý II',
      note: '',
    });
    edits.setCell(db, id, rowId, 'task', 'Nhiệm vụ đã sửa');
    edits.setCell(db, id, rowId, 'cooperate', [{ agency: 'cac-so-ban-nganh-tinh', after: '' }]);
    edits.setCell(db, id, rowId, 'lead', []);
    edits.setCell(db, id, rowId, 'note', '');
    row = pkg().appendix.groups[0].rows[1];
    expect(row.cells.task).toBe('Nhiệm vụ đã sửa');
    expect(row.cells.lead).toEqual([]);
    expect(cellText(row.cells.cooperate, pkg().agencies)).toBe('Các sở, ban, ngành tỉnh');
    expect(count('SELECT count(*) AS n FROM row_mentions WHERE row_id = ?', rowId)).toBe(1);
    expect(count('SELECT count(*) AS n FROM row_cells WHERE row_id = ? AND column_key = ?', rowId, 'note')).toBe(0);
    expect(planSummary(db, id).rowCount).toBe(49);

    expect(userErrorOf(() => edits.setCell(db, id, rowId, 'lead', 'Sở Nội vụ'))).toMatch(/agencies/);
    expect(userErrorOf(() => edits.setCell(db, id, rowId, 'task', [] as Mention[]))).toMatch(/text/);
    expect(userErrorOf(() => edits.setCell(db, id, rowId, 'nope', 'x'))).toMatch(/nope/);
    expect(userErrorOf(() => edits.insertAppendixRow(db, id, g.id!, 0, { nope: 'x' }))).toMatch(/nope/);
    expect(userErrorOf(() => edits.setCell(db, id, 777777, 'task', 'x'))).toMatch(/777777/);
  });

  it('moves rows within a group and between groups; the numbering stays continuous', () => {
    const groups = pkg().appendix.groups;
    const flat = () => pkg().appendix.groups.flatMap((g) => g.rows.map((r) => r.id));
    const numbers = () => rowNumbers(pkg().appendix.groups).flat();
    const g0 = groups[0].rows.map((r) => r.id);
    // Within a group: the first row goes last.
    edits.moveAppendixRow(db, id, g0[0]!, groups[0].id!, 99);
    expect(pkg().appendix.groups[0].rows.map((r) => r.id)).toEqual([...g0.slice(1), g0[0]]);
    // Between groups: row 2 of group I becomes row 1 of group VII (STT: it is now number 48 - 14 + 1).
    const moving = g0[2]!;
    edits.moveAppendixRow(db, id, moving, groups[6].id!, 0);
    const after = pkg().appendix.groups;
    expect(after.map((g) => g.rows.length)).toEqual([4, 10, 3, 6, 5, 5, 15]);
    expect(after[6].rows[0].id).toBe(moving);
    expect(after[6].rows.slice(1).map((r) => r.id)).toEqual(groups[6].rows.map((r) => r.id));
    expect(numbers()).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    expect(flat().indexOf(moving) + 1).toBe(34);
    // The moved row keeps its cells.
    expect(content(pkg())).toContain(groups[0].rows[2].cells.task as string);
    expect(after[6].rows[0].cells).toEqual(groups[0].rows[2].cells);
    // A group of another plan is not a destination.
    const other = insertPackage(db, loadSamplePackage());
    const otherGroup = loadPlan(db, other).pkg.appendix.groups[0].id!;
    expect(userErrorOf(() => edits.moveAppendixRow(db, id, moving, otherGroup, 0))).toMatch(String(otherGroup));
    expect(planSummary(db, other).rowCount).toBe(48);
  });

  it('deletes a row and its cells; the rest renumber', () => {
    const g1 = pkg().appendix.groups[1];
    const doomed = g1.rows[4].id!;
    edits.deleteAppendixRow(db, id, doomed);
    expect(pkg().appendix.groups[1].rows.map((r) => r.id)).toEqual(g1.rows.filter((r) => r.id !== doomed).map((r) => r.id));
    expect(count('SELECT count(*) AS n FROM row_cells WHERE row_id = ?', doomed)).toBe(0);
    expect(count('SELECT count(*) AS n FROM row_mentions WHERE row_id = ?', doomed)).toBe(0);
    expect(rowNumbers(pkg().appendix.groups).flat()).toEqual(Array.from({ length: 47 }, (_, i) => i + 1));
    expect(userErrorOf(() => edits.deleteAppendixRow(db, id, doomed))).toMatch(String(doomed));
  });
});

describe('agency directory', () => {
  it('adds a name once: the same name (any spacing, NFD) gives the same key', () => {
    const before = pkg().agencies.length;
    expect(edits.addAgency(db, id, NFD('  Sở   Nội vụ '))).toBe('so-noi-vu');
    const key = edits.addAgency(db, id, 'Sở Khoa học và Công nghệ mới');
    expect(key).toBe('so-khoa-hoc-va-cong-nghe-moi');
    expect(edits.addAgency(db, id, NFD('Sở Khoa học và Công nghệ mới'))).toBe(key);
    // A different name with the same slug gets a new key.
    expect(edits.addAgency(db, id, 'SỞ KHOA HỌC VÀ CÔNG NGHỆ MỚI')).toBe(`${key}-2`);
    expect(pkg().agencies.length).toBe(before + 2);
    expect(userErrorOf(() => edits.addAgency(db, id, '   '))).toMatch(/name/);
  });

  it('a long name gets a key the exchange file accepts, so the plan still exports and re-imports', () => {
    const long = 'Các sở, ban, ngành tỉnh; Ủy ban nhân dân các huyện, thị xã, thành phố và các cơ quan, đơn vị có liên quan trên địa bàn tỉnh Bình Phước';
    expect(long.length).toBeGreaterThan(100);
    const key = edits.addAgency(db, id, long);
    const again = edits.addAgency(db, id, long.toUpperCase());
    for (const k of [key, again]) expect(k).toMatch(/^[a-z0-9][a-z0-9-]{0,99}$/);
    expect(again).not.toBe(key);
    const row = pkg().appendix.groups[0].rows[0].id!;
    edits.setCell(db, id, row, 'cooperate', [{ agency: key, after: '; ' }, { agency: again, after: '' }]);
    const text = content(pkg());
    expect(content(parseExchange(text, 'export.json'))).toBe(text);
  });

  it('renaming an agency changes every cell that names it', () => {
    const cellsNaming = (p: PlanPackage, key: string) =>
      p.appendix.groups.flatMap((g) => g.rows).flatMap((r) => ['lead', 'cooperate'].filter((c) => (r.cells[c] as Mention[]).some((m) => m.agency === key)).map((c) => ({ r, c })));
    const naming = cellsNaming(pkg(), 'so-noi-vu');
    expect(naming.length).toBeGreaterThan(5);
    edits.renameAgency(db, id, 'so-noi-vu', NFD('Sở Nội vụ tỉnh Bình Phước'));
    const after = pkg();
    expect(after.agencies.find((a) => a.key === 'so-noi-vu')!.name).toBe('Sở Nội vụ tỉnh Bình Phước');
    const now = cellsNaming(after, 'so-noi-vu');
    expect(now.length).toBe(naming.length);
    for (const { r, c } of now) expect(cellText(r.cells[c], after.agencies)).toContain('Sở Nội vụ tỉnh Bình Phước');
    expect(userErrorOf(() => edits.renameAgency(db, id, 'khong-co', 'X'))).toMatch(/khong-co/);
    expect(userErrorOf(() => edits.renameAgency(db, id, 'so-noi-vu', ''))).toMatch(/name/);
  });

  it('merging moves every mention to the other entry and removes the first', () => {
    const usage = () => new Map(edits.agencyUsage(db, id).map((u) => [u.key, u]));
    const before = usage();
    const from = 'so-tu-phap';
    const into = 'so-noi-vu';
    expect(before.get(from)!.total).toBeGreaterThan(0);
    edits.mergeAgencies(db, id, from, into);
    const after = usage();
    expect(after.has(from)).toBe(false);
    expect(after.get(into)!.total).toBe(before.get(into)!.total + before.get(from)!.total);
    expect(after.get(into)!.lead).toBe(before.get(into)!.lead + before.get(from)!.lead);
    expect(pkg().agencies.some((a) => a.key === from)).toBe(false);
    expect(content(pkg())).not.toContain(`"agency": "${from}"`);
    expect(userErrorOf(() => edits.mergeAgencies(db, id, into, into))).toMatch(/itself/);
    expect(userErrorOf(() => edits.mergeAgencies(db, id, from, into))).toMatch(from);
  });

  it('usage counts lead and cooperate mentions as the loaded package shows them', () => {
    const p = pkg();
    const rows = p.appendix.groups.flatMap((g) => g.rows);
    for (const u of edits.agencyUsage(db, id)) {
      const lead = rows.filter((r) => (r.cells.lead as Mention[]).some((m) => m.agency === u.key)).length;
      const cooperate = rows.filter((r) => (r.cells.cooperate as Mention[]).some((m) => m.agency === u.key)).length;
      expect({ key: u.key, lead: u.lead, cooperate: u.cooperate, total: u.total }).toEqual({ key: u.key, lead, cooperate, total: lead + cooperate });
    }
    expect(edits.agencyUsage(db, id).find((u) => u.key === 'so-noi-vu')!.lead).toBeGreaterThan(3);
  });

  it('removes only an agency no cell names', () => {
    const key = edits.addAgency(db, id, 'Ban Dân tộc');
    expect(userErrorOf(() => edits.removeAgency(db, id, 'so-noi-vu'))).toMatch(/merge/);
    edits.removeAgency(db, id, key);
    expect(pkg().agencies.some((a) => a.key === key)).toBe(false);
    expect(pkg().agencies.some((a) => a.key === 'so-noi-vu')).toBe(true);
  });
});

describe('every edit', () => {
  it('bumps the revision by one and updated_at', async () => {
    const p = pkg();
    const row = p.appendix.groups[0].rows[0].id!;
    const group = p.appendix.groups[0].id!;
    const node = p.plan.body[2].id!;
    const steps: Array<[string, () => unknown]> = [
      ['setField', () => edits.setField(db, id, 'issuer.place', 'X')],
      ['insertListItem', () => edits.insertListItem(db, id, 'decision.recipients', 0, 'A;')],
      ['updateListItem', () => edits.updateListItem(db, id, 'decision.recipients', 0, 'B;')],
      ['moveListItem', () => edits.moveListItem(db, id, 'decision.recipients', 0, 3)],
      ['removeListItem', () => edits.removeListItem(db, id, 'decision.recipients', 3)],
      ['insertBodyNode', () => edits.insertBodyNode(db, id, node, 0, { kind: 'dash', heading: false, text: [{ text: 'x' }] })],
      ['updateBodyNode', () => edits.updateBodyNode(db, id, node, { heading: false })],
      ['moveBodyNode', () => edits.moveBodyNode(db, id, node, null, 0)],
      ['addColumn', () => edits.addColumn(db, id, 6, { key: 'extra', caption: 'E', kind: 'text', role: null, width: 10, hidden: false })],
      ['updateColumn', () => edits.updateColumn(db, id, 'extra', { width: 12 })],
      ['moveColumn', () => edits.moveColumn(db, id, 'extra', 0)],
      ['removeColumn', () => edits.removeColumn(db, id, 'extra')],
      ['addGroup', () => edits.addGroup(db, id, 0, 'G')],
      ['renameGroup', () => edits.renameGroup(db, id, group, 'G2')],
      ['moveGroup', () => edits.moveGroup(db, id, group, 3)],
      ['insertAppendixRow', () => edits.insertAppendixRow(db, id, group, 0, { task: 't' })],
      ['setCell', () => edits.setCell(db, id, row, 'note', 'n')],
      ['moveAppendixRow', () => edits.moveAppendixRow(db, id, row, group, 2)],
      ['addAgency', () => edits.addAgency(db, id, 'Cơ quan mới')],
      ['renameAgency', () => edits.renameAgency(db, id, 'co-quan-moi', 'Cơ quan mới hơn')],
      ['removeAgency', () => edits.removeAgency(db, id, 'co-quan-moi')],
      ['mergeAgencies', () => edits.mergeAgencies(db, id, 'so-tu-phap', 'so-noi-vu')],
      ['deleteAppendixRow', () => edits.deleteAppendixRow(db, id, row)],
      ['deleteGroup', () => edits.deleteGroup(db, id, group)],
      ['deleteBodyNode', () => edits.deleteBodyNode(db, id, node)],
    ];
    let last = planSummary(db, id);
    expect(last.revision).toBe(0);
    for (const [name, step] of steps) {
      await sleep(2);
      step();
      const now = planSummary(db, id);
      expect(now.revision, name).toBe(last.revision + 1);
      expect(now.updatedAt > last.updatedAt, name).toBe(true);
      last = now;
    }
  });

  it('that fails leaves the plan exactly as it was (the transaction rolled back)', () => {
    const p = pkg();
    const row = p.appendix.groups[2].rows[0];
    const group = p.appendix.groups[2].id!;
    const part3 = p.plan.body[4];
    const failing: Array<[string, () => unknown]> = [
      ['bad number', () => edits.setField(db, id, 'decision.number', '12/QĐ')],
      ['bad date', () => edits.setField(db, id, 'decision.date', '2023-02-30')],
      ['unknown plan', () => edits.setField(db, 9999, 'issuer.place', 'x')],
      // writeCell clears the cell before it meets the unknown agency: the clearing must be undone.
      ['unknown agency in setCell', () => edits.setCell(db, id, row.id!, 'lead', [{ agency: 'so-noi-vu', after: '; ' }, { agency: 'khong-co', after: '' }])],
      // The gap for the new row is opened before the unknown agency is met.
      ['unknown agency in insertRow', () => edits.insertAppendixRow(db, id, group, 0, { task: 'x', lead: [{ agency: 'khong-co', after: '' }] })],
      ['text in an agency column', () => edits.setCell(db, id, row.id!, 'cooperate', 'Sở Tư pháp')],
      ['unknown row', () => edits.setCell(db, id, 123456, 'task', 'x')],
      ['move into own subtree', () => edits.moveBodyNode(db, id, part3.id!, part3.children[0].id!, 0)],
      ['unknown body parent', () => edits.insertBodyNode(db, id, 424242, 0, { kind: 'item', heading: false, text: [] })],
      ['unknown column', () => edits.removeColumn(db, id, 'nope')],
      ['duplicate column', () => edits.addColumn(db, id, 0, { key: 'lead', caption: 'x', kind: 'text', role: null, width: 10, hidden: false })],
      ['bad column patch', () => edits.updateColumn(db, id, 'task', { width: 9999 })],
      ['unknown group', () => edits.deleteGroup(db, id, 424242)],
      ['unknown list item', () => edits.updateListItem(db, id, 'decision.legalBases', 99, 'x')],
      ['merge unknown', () => edits.mergeAgencies(db, id, 'khong-co', 'so-noi-vu')],
      ['remove used agency', () => edits.removeAgency(db, id, 'so-noi-vu')],
      ['empty agency name', () => edits.renameAgency(db, id, 'so-noi-vu', ' ')],
    ];
    const before = content(pkg());
    const summary = planSummary(db, id);
    for (const [name, step] of failing) {
      userErrorOf(step);
      expect(content(pkg()), name).toBe(before);
      expect(planSummary(db, id), name).toEqual(summary);
      expectContiguous();
    }
  });
});
