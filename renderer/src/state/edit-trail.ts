/**
 * What an undo or redo will change, in the drafter's words and as a place: the session keeps, beside the
 * store's own history, the edits this window sent (method and arguments), so that Ctrl+Z can say
 * "Đã hoàn tác: sửa Ghi chú dòng 6" and go to that cell. Pure: describeEdit reads only the package.
 */
import { allRows, rowLabels } from '../../../electron/core/model/rows';
import type { BodyNode, PlanPackage } from '../../../electron/core/model/types';

export interface SentEdit {
  method: string;
  args: readonly unknown[];
}

/** An edit described: a locale key under `undo.what.` with its values, and the path of its place (or null). */
export interface EditPlace {
  what: string;
  values: Record<string, string | number>;
  path: string | null;
}

function findRow(pkg: PlanPackage, rowId: unknown): { path: string; number: string } | null {
  const labels = rowLabels(pkg.appendix);
  for (const v of allRows(pkg.appendix.groups)) {
    if (v.row.id !== rowId) continue;
    const path = `appendix.groups[${v.group}].rows[${v.path[0]}]${v.path.slice(1).map((i) => `._rows[${i}]`).join('')}`;
    return { path, number: labels.get(v.row) || String(v.path[0] + 1) };
  }
  return null;
}

function findNode(nodes: readonly BodyNode[], id: unknown, prefix: string | null): { path: string; node: BodyNode } | null {
  for (let i = 0; i < nodes.length; i++) {
    const path = prefix === null ? `plan.body[${i}]` : `${prefix}.children[${i}]`;
    if (nodes[i].id === id) return { path, node: nodes[i] };
    const inner = findNode(nodes[i].children, id, path);
    if (inner) return inner;
  }
  return null;
}

/** Describes an edit against the package as it is now (before the undo, or after it for a redo). */
export function describeEdit(edit: SentEdit, pkg: PlanPackage): EditPlace {
  const [a, b] = edit.args;
  switch (edit.method) {
    case 'setCell': {
      const at = findRow(pkg, a);
      const caption = pkg.appendix.columns.find((c) => c.key === b)?.caption ?? String(b);
      if (!at) return { what: 'setCellGone', values: { caption }, path: null };
      return { what: 'setCell', values: { caption, number: at.number }, path: `${at.path}.${String(b)}` };
    }
    case 'moveRow':
    case 'placeRow':
    case 'indentRow':
    case 'deleteRow':
    case 'insertRow':
    case 'insertSubRows': {
      const at = edit.method === 'insertRow' || edit.method === 'insertSubRows' ? null : findRow(pkg, a);
      return { what: edit.method, values: { number: at?.number ?? '' }, path: at ? at.path : 'appendix' };
    }
    case 'setField':
      return { what: 'setField', values: { field: String(a) }, path: String(a) };
    case 'updateBodyNode':
    case 'moveBodyNode': {
      const found = findNode(pkg.plan.body, a, null);
      const text = found ? found.node.text.map((r) => r.text).join('') : '';
      return { what: edit.method, values: { text: text.length > 40 ? `${text.slice(0, 40)}…` : text }, path: found?.path ?? 'plan.body' };
    }
    default:
      return { what: edit.method, values: {}, path: null };
  }
}
