/**
 * Pure helpers of the body editor: where a node is, and which store calls a structural key turns into.
 * Kept apart from React so the rules (Tab steps the kind down, Shift+Tab up…) are readable in one place.
 */
import type { BodyNodeInput } from '../../../../electron/core/api/contract';
import type { BodyKind, BodyNode, RichText } from '../../../../electron/core/model/types';

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

/** Tab: the node becomes the last child of its previous sibling, one kind down. Null when it has none. */
export function indentCalls(place: NodePlace): BodyCall[] | null {
  const prev = place.siblings[place.index - 1];
  if (!prev?.id || !place.node.id) return null;
  const calls: BodyCall[] = [{ op: 'move', nodeId: place.node.id, parentId: prev.id, index: prev.children.length }];
  const kind = kindDown(place.node.kind);
  if (kind !== place.node.kind) calls.push({ op: 'update', nodeId: place.node.id, patch: { kind } });
  return calls;
}

/** Shift+Tab: the node becomes the sibling right after its parent, one kind up. Null at the top level. */
export function outdentCalls(place: NodePlace): BodyCall[] | null {
  const parentPlace = place.parentPlace;
  if (!parentPlace || !place.node.id) return null;
  const calls: BodyCall[] = [
    { op: 'move', nodeId: place.node.id, parentId: parentPlace.parent?.id ?? null, index: parentPlace.index + 1 },
  ];
  const kind = kindUp(place.node.kind);
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

/** A single-run node's text after an edit, keeping its run's emphasis flags. */
export function withText(text: RichText, value: string): RichText {
  const run = text[0] ?? { text: '' };
  return [{ ...run, text: value }];
}
