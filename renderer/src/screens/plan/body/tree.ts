/**
 * Pure helpers of the body editor: where a node is, and which store calls a structural key turns into.
 * Kept apart from React so the rules (Tab steps the kind down, Shift+Tab up…) are readable in one place.
 */
import type { BodyNodeInput } from '../../../../../electron/core/api/contract';
import type { BodyKind, BodyNode, RichText } from '../../../../../electron/core/model/types';

/** The numbered kinds from the outside in; a paragraph has no level of its own. */
const LEVELS: readonly BodyKind[] = ['part', 'item', 'point', 'dash', 'plus'];

export function kindDown(kind: BodyKind): BodyKind {
  const i = LEVELS.indexOf(kind);
  return i < 0 ? kind : LEVELS[Math.min(i + 1, LEVELS.length - 1)];
}

export function kindUp(kind: BodyKind): BodyKind {
  const i = LEVELS.indexOf(kind);
  return i < 0 ? kind : LEVELS[Math.max(i - 1, 0)];
}

/**
 * The outline's rules, as data: which kinds each kind may hold (`top`: the body itself). A part holds
 * items, an item points (or dashes), a point dashes, a dash pluses; a plain paragraph may sit anywhere
 * and hold dashes. No move or change of kind ever makes a node that its new parent may not hold, so
 * Tab/Shift+Tab never put a part inside a part.
 */
export const MAY_HOLD: Readonly<Record<BodyKind | 'top', readonly BodyKind[]>> = {
  top: ['part', 'paragraph'],
  part: ['item', 'paragraph'],
  item: ['point', 'dash', 'paragraph'],
  point: ['dash', 'paragraph'],
  dash: ['plus', 'paragraph'],
  plus: ['paragraph'],
  paragraph: ['dash', 'plus', 'paragraph'],
};

/**
 * The kind a node takes under `parent` (null: the top level): `preferred` (one step up or down) when the
 * parent may hold it, else the parent's first numbered kind (a paragraph stays a paragraph). Null when
 * the parent may hold nothing of the sort.
 */
export function kindUnder(parent: BodyNode | null, node: BodyNode, preferred: BodyKind): BodyKind | null {
  const allowed = MAY_HOLD[parent ? parent.kind : 'top'];
  if (node.kind === 'paragraph') return allowed.includes('paragraph') ? 'paragraph' : null;
  if (allowed.includes(preferred)) return preferred;
  return allowed.find((k) => k !== 'paragraph') ?? null;
}

/** A node's place: its parent (null at the top), its siblings and its index among them. */
export interface NodePlace {
  node: BodyNode;
  parent: BodyNode | null;
  siblings: readonly BodyNode[];
  index: number;
  /** The parent's own place, for Shift+Tab. */
  parentPlace: NodePlace | null;
}

export function findPlace(body: readonly BodyNode[], id: number): NodePlace | null {
  const walk = (list: readonly BodyNode[], parent: BodyNode | null, parentPlace: NodePlace | null): NodePlace | null => {
    for (let index = 0; index < list.length; index++) {
      const node = list[index];
      const place: NodePlace = { node, parent, siblings: list, index, parentPlace };
      if (node.id === id) return place;
      const found = walk(node.children, node, place);
      if (found) return found;
    }
    return null;
  };
  return walk(body, null, null);
}

/** One store call; the editor sends them in order through the session queue. */
export type BodyCall =
  | { op: 'move'; nodeId: number; parentId: number | null; index: number }
  | { op: 'update'; nodeId: number; patch: Partial<BodyNodeInput> };

/**
 * Tab: the node becomes the last child of its previous sibling, one kind down (as MAY_HOLD allows). Null
 * when it has none, or when that sibling may not hold it.
 */
export function indentCalls(place: NodePlace): BodyCall[] | null {
  const prev = place.siblings[place.index - 1];
  if (!prev?.id || !place.node.id) return null;
  const kind = kindUnder(prev, place.node, kindDown(place.node.kind));
  if (!kind) return null;
  const calls: BodyCall[] = [{ op: 'move', nodeId: place.node.id, parentId: prev.id, index: prev.children.length }];
  if (kind !== place.node.kind) calls.push({ op: 'update', nodeId: place.node.id, patch: { kind } });
  return calls;
}

/**
 * Shift+Tab: the node becomes the sibling right after its parent, one kind up, or the kind its new parent
 * holds (an item under an item, as imported files have it, stays an item under its part). Null at the top.
 */
export function outdentCalls(place: NodePlace): BodyCall[] | null {
  const parentPlace = place.parentPlace;
  if (!parentPlace || !place.node.id) return null;
  const kind = kindUnder(parentPlace.parent, place.node, kindUp(place.node.kind));
  if (!kind) return null;
  const calls: BodyCall[] = [
    { op: 'move', nodeId: place.node.id, parentId: parentPlace.parent?.id ?? null, index: parentPlace.index + 1 },
  ];
  // Parts are always headings (they print bold, in capitals): a node that becomes one says so.
  const patch: Partial<BodyNodeInput> = {};
  if (kind !== place.node.kind) patch.kind = kind;
  if (kind === 'part' && !place.node.heading) patch.heading = true;
  if (Object.keys(patch).length) calls.push({ op: 'update', nodeId: place.node.id, patch });
  return calls;
}

/** Alt+↑ / Alt+↓: one place among the siblings. Null at either end. */
export function shiftCall(place: NodePlace, delta: -1 | 1): BodyCall | null {
  const to = place.index + delta;
  if (!place.node.id || to < 0 || to >= place.siblings.length) return null;
  return { op: 'move', nodeId: place.node.id, parentId: place.parent?.id ?? null, index: to };
}

/** The exchange path of every node by id (`plan.body[3].children[0]`), for data-path and goTo. */
export function nodePath(parentPath: string | null, index: number): string {
  return parentPath === null ? `plan.body[${index}]` : `${parentPath}.children[${index}]`;
}

/** Whether a run prints bold: its own flag, else the paragraph's style (parts and headings are bold). */
export function runIsBold(node: Pick<BodyNode, 'kind' | 'heading'>, run: RichText[number]): boolean {
  return run.bold ?? (node.kind === 'part' || node.heading);
}

