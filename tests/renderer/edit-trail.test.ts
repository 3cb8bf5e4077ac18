import { describe, expect, it } from 'vitest';
import { describeEdit } from '../../renderer/src/state/edit-trail';
import type { PlanPackage } from '../../electron/core/model/types';

const pkg = {
  appendix: {
    columns: [{ key: 'note', caption: 'Ghi chú', kind: 'text', role: 'note', width: 20, hidden: false }],
    groups: [{ id: 1, title: 'A', rows: [{ id: 10, cells: {} }, { id: 11, cells: {} }] }, { id: 2, title: 'B', rows: [{ id: 12, cells: {} }] }],
  },
  plan: { body: [{ id: 5, kind: 'part', heading: true, text: [{ text: 'MỤC ĐÍCH' }], children: [{ id: 6, kind: 'item', heading: false, text: [{ text: 'Mục tiêu' }], children: [] }] }] },
} as unknown as PlanPackage;

describe('describeEdit', () => {
  it('names a cell by its caption and row number, and gives its path', () => {
    expect(describeEdit({ method: 'setCell', args: [12, 'note', 'x'] }, pkg)).toEqual({ what: 'setCell', values: { caption: 'Ghi chú', number: '3' }, path: 'appendix.groups[1].rows[0].note' });
  });
  it('names a sub-row by its printed label (1.2) and gives its _rows path', () => {
    const tree = structuredClone(pkg);
    tree.appendix.groups[0].rows[0].children = [{ id: 20, cells: {} }, { id: 21, cells: {} }];
    expect(describeEdit({ method: 'setCell', args: [21, 'note', 'x'] }, tree)).toEqual({ what: 'setCell', values: { caption: 'Ghi chú', number: '1.2' }, path: 'appendix.groups[0].rows[0]._rows[1].note' });
    expect(describeEdit({ method: 'indentRow', args: [21, 1] }, tree)).toEqual({ what: 'indentRow', values: { number: '1.2' }, path: 'appendix.groups[0].rows[0]._rows[1]' });
  });
  it('finds a body node by id', () => {
    expect(describeEdit({ method: 'updateBodyNode', args: [6, {}] }, pkg)).toEqual({ what: 'updateBodyNode', values: { text: 'Mục tiêu' }, path: 'plan.body[0].children[0]' });
  });
  it('a field edit goes to the field', () => {
    expect(describeEdit({ method: 'setField', args: ['decision.signer.name', 'x'] }, pkg).path).toBe('decision.signer.name');
  });
});
