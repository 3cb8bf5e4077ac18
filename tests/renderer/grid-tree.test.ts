/**
 * The grid's view of row trees (#13): which rows show (collapse, filter), their printed labels and depth,
 * where Alt+↑/↓ and a drop send a row, the depth rule before a gesture is sent, the tree keys, and the
 * `._rows` paths the checker and find use.
 */
import { describe, expect, it } from 'vitest';
import { applyMove, buildItems, indentProblem, moveTarget, NO_FILTER, subRowProblem, type GridItem } from '../../renderer/src/screens/plan/appendix/grid-model';
import { gridKey, type KeyInput } from '../../renderer/src/screens/plan/appendix/grid-keys';
import { parseAppendixPath } from '../../renderer/src/screens/plan/appendix/reveal';
import type { AppendixGroup, AppendixRow, ColumnDef } from '../../electron/core/model/types';

const columns: ColumnDef[] = [
  { key: 'stt', caption: 'STT', kind: 'number', role: null, width: 10, hidden: false },
  { key: 'task', caption: 'Nhiệm vụ', kind: 'text', role: 'task', width: 80, hidden: false },
  { key: 'lead', caption: 'Chủ trì', kind: 'agencies', role: 'lead', width: 30, hidden: false },
  { key: 'deadline', caption: 'Thời gian', kind: 'text', role: 'deadline', width: 20, hidden: false },
];

const row = (id: number, task: string, children?: AppendixRow[], lead = ''): AppendixRow => ({
  id, cells: { task, lead: lead ? [{ agency: lead, after: '' }] : [], deadline: '' }, ...(children ? { children } : {}),
});

/** Objective 1 → tasks 1.1 (with activities 1.1.1, 1.1.2) and 1.2; objective 2; a second group with one row. */
function groups(): AppendixGroup[] {
  return [
    { id: 1, title: 'Mục tiêu', rows: [
      row(10, 'Mục tiêu 1', [row(11, 'Nhiệm vụ 1.1', [row(12, 'Hoạt động a'), row(13, 'Hoạt động b', undefined, 'snv')]), row(14, 'Nhiệm vụ 1.2')]),
      row(20, 'Mục tiêu 2'),
    ] },
    { id: 2, title: 'Khác', rows: [row(30, 'Việc khác')] },
  ];
}

const shown = (items: GridItem[]) => items.flatMap((it) => (it.kind === 'row' ? [`${it.label}:${it.row.cells.task as string}`] : []));

describe('the grid shows the row tree', () => {
  it('depth first, with the labels the DOCX prints and each row\'s depth', () => {
    const items = buildItems(groups(), columns, NO_FILTER);
    expect(shown(items)).toEqual(['1:Mục tiêu 1', '1.1:Nhiệm vụ 1.1', '1.1.1:Hoạt động a', '1.1.2:Hoạt động b', '1.2:Nhiệm vụ 1.2', '2:Mục tiêu 2', '3:Việc khác']);
    const rows = items.filter((it) => it.kind === 'row');
    expect(rows.map((r) => r.depth)).toEqual([0, 1, 2, 2, 1, 0, 0]);
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows[0]).toMatchObject({ childCount: 2, descendants: 4, collapsed: false, parentId: null, path: [0] });
    expect(rows[3]).toMatchObject({ parentId: 11, path: [0, 0, 1] });
    // Hierarchical numbering: the group's number leads every label.
    const hier = buildItems(groups(), columns, NO_FILTER, { style: 'hierarchical' });
    expect(shown(hier).slice(0, 3)).toEqual(['1.1:Mục tiêu 1', '1.1.1:Nhiệm vụ 1.1', '1.1.1.1:Hoạt động a']);
  });

  it('a collapsed row hides its whole subtree and says how many rows it hides; labels do not change', () => {
    const items = buildItems(groups(), columns, NO_FILTER, null, new Set([10]));
    expect(shown(items)).toEqual(['1:Mục tiêu 1', '2:Mục tiêu 2', '3:Việc khác']);
    expect(items.find((it) => it.kind === 'row' && it.rowId === 10)).toMatchObject({ collapsed: true, descendants: 4 });
    const inner = buildItems(groups(), columns, NO_FILTER, null, new Set([11]));
    expect(shown(inner)).toEqual(['1:Mục tiêu 1', '1.1:Nhiệm vụ 1.1', '1.2:Nhiệm vụ 1.2', '2:Mục tiêu 2', '3:Việc khác']);
    // A leaf in the set is not "collapsed": it has nothing to hide.
    expect(buildItems(groups(), columns, NO_FILTER, null, new Set([20])).find((it) => it.kind === 'row' && it.rowId === 20)).toMatchObject({ collapsed: false });
  });

  it('a filter shows a matching sub-row with its ancestors (as context), even under a collapsed row', () => {
    const filter = { agency: 'snv', scope: 'any' as const, deadline: '' };
    const items = buildItems(groups(), columns, filter, null, new Set([10]));
    expect(shown(items)).toEqual(['1:Mục tiêu 1', '1.1:Nhiệm vụ 1.1', '1.1.2:Hoạt động b']);
    expect(items.filter((it) => it.kind === 'row').map((it) => (it.kind === 'row' ? it.context : null))).toEqual([true, true, false]);
    // The group without a match is left out.
    expect(items.filter((it) => it.kind === 'group').map((it) => it.g)).toEqual([0]);
  });

  it('Alt+↑/↓ moves a sub-row among its siblings only; a top-level row crosses groups at the edges', () => {
    const gs = groups();
    expect(moveTarget(gs, 13, -1)).toEqual({ g: 0, parentId: 11, index: 0 });
    expect(moveTarget(gs, 13, 1)).toBeNull();
    expect(moveTarget(gs, 12, -1)).toBeNull();
    expect(moveTarget(gs, 20, 1)).toEqual({ g: 1, parentId: null, index: 0 });
    const moved = applyMove(gs, 13, { g: 0, parentId: 11, index: 0 });
    expect(shown(buildItems(moved, columns, NO_FILTER))).toContain('1.1.1:Hoạt động b');
    // A parent moves with its subtree, into another group.
    const across = applyMove(gs, 11, { g: 1, parentId: null, index: 1 });
    expect(shown(buildItems(across, columns, NO_FILTER))).toEqual([
      '1:Mục tiêu 1', '1.1:Nhiệm vụ 1.2', '2:Mục tiêu 2', '3:Việc khác', '4:Nhiệm vụ 1.1', '4.1:Hoạt động a', '4.2:Hoạt động b',
    ]);
    expect(gs[0].rows[0].children).toHaveLength(2); // the input is never changed
  });

  it('the depth rule is checked before a gesture is sent, as the store checks it', () => {
    const gs = groups();
    expect(indentProblem(gs, 10)).toBe('row.noRowAbove');
    expect(indentProblem(gs, 12)).toBe('row.noRowAbove');
    expect(indentProblem(gs, 14)).toBeNull(); // 1.2 under 1.1: level 3
    expect(indentProblem(gs, 20)).toBeNull(); // objective 2 under objective 1: level 2
    expect(indentProblem(gs, 13)).toBe('row.tooDeep'); // under 1.1.1: level 4
    expect(subRowProblem(gs, 12)).toBe('row.tooDeep');
    expect(subRowProblem(gs, 11)).toBeNull();
    // A row with two levels below it cannot go under a top-level row: its deepest row would be level 4.
    const deep = groups();
    deep[0].rows[1] = row(20, 'Mục tiêu 2', [row(21, 'Nhiệm vụ 2.1', [row(22, 'Hoạt động 2.1.1')])]);
    expect(indentProblem(deep, 20)).toBe('row.tooDeep');
    deep[0].rows[1].children![0].children = [];
    expect(indentProblem(deep, 20)).toBeNull();
  });
});

describe('tree keys and paths', () => {
  const k = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
  it('Alt+Shift+→/← indent and outdent, Alt+Shift+-/+ fold, Ctrl+Shift+Enter inserts a sub-row, Shift+F10 opens the menu', () => {
    expect(gridKey(k('ArrowRight', { altKey: true, shiftKey: true }), 'text')).toEqual({ kind: 'indent', dir: 1 });
    expect(gridKey(k('ArrowLeft', { altKey: true, shiftKey: true }), 'number')).toEqual({ kind: 'indent', dir: -1 });
    expect(gridKey(k('_', { altKey: true, shiftKey: true, code: 'Minus' }), 'text')).toEqual({ kind: 'fold', open: false });
    expect(gridKey(k('+', { altKey: true, shiftKey: true, code: 'Equal' }), 'text')).toEqual({ kind: 'fold', open: true });
    expect(gridKey(k('Enter', { ctrlKey: true, shiftKey: true }), 'text')).toEqual({ kind: 'insertChild' });
    expect(gridKey(k('F10', { shiftKey: true }), 'agencies')).toEqual({ kind: 'menu' });
    expect(gridKey(k('ContextMenu'), 'text')).toEqual({ kind: 'menu' });
    // Unchanged: Tab still moves between cells, Alt+←/→ is not the grid's, a group title has no tree keys.
    expect(gridKey(k('Tab'), 'text')).toEqual({ kind: 'move', rows: 0, cols: 1 });
    expect(gridKey(k('ArrowRight', { altKey: true }), 'text')).toEqual({ kind: 'none' });
    expect(gridKey(k('ArrowRight', { altKey: true, shiftKey: true }), 'group')).toEqual({ kind: 'none' });
    expect(gridKey(k('Enter', { ctrlKey: true }), 'text')).toEqual({ kind: 'insertRow' });
  });
  it('reads a sub-row path as the checker and find write it', () => {
    expect(parseAppendixPath('appendix.groups[1].rows[4]._rows[0]._rows[2].lead')).toEqual({ g: 1, path: [4, 0, 2], key: 'lead' });
    expect(parseAppendixPath('appendix.groups[1].rows[4].lead')).toEqual({ g: 1, path: [4], key: 'lead' });
    expect(parseAppendixPath('appendix.groups[2]')).toEqual({ g: 2, path: null, key: null });
  });
});
