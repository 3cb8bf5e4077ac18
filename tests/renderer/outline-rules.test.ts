import { describe, expect, it } from 'vitest';
import type { BodyNode } from '../../electron/core/model/types';
import { MAY_HOLD, findPlace, indentCalls, kindUnder, outdentCalls } from '../../renderer/src/screens/plan/body/tree';

let next = 1;
const n = (kind: BodyNode['kind'], children: BodyNode[] = []): BodyNode => ({ id: next++, kind, heading: kind === 'part', text: [{ text: kind }], children });

describe('outline rules as data', () => {
  it('no kind may hold a part; only the top level does', () => {
    for (const [holder, kinds] of Object.entries(MAY_HOLD)) expect(kinds.includes('part')).toBe(holder === 'top');
  });

  it('Shift+Tab on an item under an item (as imported files have it) keeps it an item under its part', () => {
    const inner = n('item');
    const body = [n('part', [n('item', [inner])])];
    const calls = outdentCalls(findPlace(body, inner.id!)!);
    expect(calls).toEqual([{ op: 'move', nodeId: inner.id, parentId: body[0].id, index: 1 }]);
  });

  it('Shift+Tab on a point under an item makes it an item of the part; an item under a part becomes a part', () => {
    const point = n('point');
    const item = n('item', [point]);
    const body = [n('part', [item])];
    expect(outdentCalls(findPlace(body, point.id!)!)?.[1]).toEqual({ op: 'update', nodeId: point.id, patch: { kind: 'item' } });
    expect(outdentCalls(findPlace(body, item.id!)!)?.[1]).toEqual({ op: 'update', nodeId: item.id, patch: { kind: 'part', heading: true } });
  });

  it('Tab steps the kind down under the previous sibling; a plus cannot go under a plus', () => {
    const a = n('point');
    const b = n('point');
    const body = [n('part', [n('item', [a, b])])];
    expect(indentCalls(findPlace(body, b.id!)!)?.[1]).toEqual({ op: 'update', nodeId: b.id, patch: { kind: 'dash' } });
    const p1 = n('plus');
    const p2 = n('plus');
    const deep = [n('part', [n('item', [n('point', [n('dash', [p1, p2])])])])];
    expect(indentCalls(findPlace(deep, p2.id!)!)).toBeNull();
  });

  it('a paragraph stays a paragraph wherever it goes', () => {
    const para = n('paragraph');
    expect(kindUnder(null, para, 'paragraph')).toBe('paragraph');
    expect(kindUnder(n('part'), para, 'paragraph')).toBe('paragraph');
  });
});
