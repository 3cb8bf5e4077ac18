/**
 * Patches the UI's copy of a plan with what an edit changed (a PlanDelta from `editPlan`), so one cell edit
 * costs one row over the wire instead of the whole plan. Pure: the old copy is never mutated, and every
 * row, group and paragraph the edit did not touch keeps its identity (React skips re-rendering them).
 */
import type { OpenedPlan, PlanDelta } from '../../../electron/core/api/contract';
import type { AppendixGroup, AppendixRow, BodyNode } from '../../../electron/core/model/types';

/**
 * The plan after the edit, or null when the delta cannot be applied to `opened` and the plan must be reloaded:
 * it asks for a reload, or `opened` is not the revision the edit started from (someone else wrote meanwhile).
 */
export function applyDelta(opened: OpenedPlan, delta: PlanDelta): OpenedPlan | null {
  if (delta.reload || delta.previousRevision !== opened.summary.revision) return null;
  const old = opened.pkg;
  let pkg = old;
  if (delta.head) {
    const { plan, appendix, ...rest } = delta.head;
    // The head replaces every field it carries, so an option removed in the store (absent here) is removed too.
    pkg = { ...rest, agencies: pkg.agencies, plan: { ...plan, body: pkg.plan.body }, appendix: { ...appendix, groups: pkg.appendix.groups } };
  }
  if (delta.body) pkg = { ...pkg, plan: { ...pkg.plan, body: delta.body } };
  else if (delta.nodes?.length) {
    const byId = new Map(delta.nodes.map((n) => [n.id, n]));
    pkg = { ...pkg, plan: { ...pkg.plan, body: patchNodes(pkg.plan.body, byId) } };
  }
  if (delta.agencies) pkg = { ...pkg, agencies: delta.agencies };
  if (delta.groups || delta.rows?.length) {
    const changed = new Map((delta.rows ?? []).map((r) => [r.id, r]));
    let groups: AppendixGroup[];
    if (delta.groups) {
      const known = new Map<number, AppendixRow>();
      const index = (rows: readonly AppendixRow[]): void => {
        for (const r of rows) {
          if (r.id !== undefined) known.set(r.id, r);
          if (r.children?.length) index(r.children);
        }
      };
      for (const g of pkg.appendix.groups) index(g.rows);
      const oldGroups = new Map(pkg.appendix.groups.map((g) => [g.id, g]));
      groups = [];
      for (const g of delta.groups) {
        const rows = treeOf(g.rowIds, g.children ?? {}, (id) => changed.get(id) ?? known.get(id));
        if (!rows) return null; // a row we never saw and the delta did not bring: only a reload can tell
        const before = oldGroups.get(g.id);
        const same = before && before.title === g.title && sameRows(before.rows, rows);
        groups.push(same ? before : { id: g.id, title: g.title, rows });
      }
    } else {
      groups = pkg.appendix.groups.map((g) => {
        const rows = patchRows(g.rows, changed);
        return rows === g.rows ? g : { ...g, rows };
      });
    }
    pkg = { ...pkg, appendix: { ...pkg.appendix, groups } };
  }
  return { summary: delta.summary, pkg };
}

function patchNodes(nodes: BodyNode[], byId: ReadonlyMap<number, NonNullable<PlanDelta['nodes']>[number]>): BodyNode[] {
  let changed = false;
  const out = nodes.map((n) => {
    const patch = n.id !== undefined ? byId.get(n.id) : undefined;
    const children = n.children.length ? patchNodes(n.children, byId) : n.children;
    if (!patch && children === n.children) return n;
    changed = true;
    return patch ? { ...n, kind: patch.kind, heading: patch.heading, text: patch.text, children } : { ...n, children };
  });
  return changed ? out : nodes;
}

function sameRows(a: readonly AppendixRow[], b: readonly AppendixRow[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

/**
 * The rows of `ids` with their sub-rows (`children` by parent id), from `rowOf`; a row keeps its identity when
 * its sub-rows are the same objects as before. Null when a row is unknown.
 */
function treeOf(ids: readonly number[], children: Readonly<Record<number, number[]>>, rowOf: (id: number) => AppendixRow | undefined): AppendixRow[] | null {
  const out: AppendixRow[] = [];
  for (const id of ids) {
    const base = rowOf(id);
    if (!base) return null;
    const kidIds = children[id] ?? [];
    const kids = kidIds.length ? treeOf(kidIds, children, rowOf) : [];
    if (!kids) return null;
    if (sameRows(base.children ?? [], kids)) out.push(base);
    else {
      const { children: _old, ...rest } = base;
      out.push(kids.length ? { ...rest, children: kids } : rest);
    }
  }
  return out;
}

/** Rows whose cells changed replaced at any depth (their sub-rows stay); untouched lists keep their identity. */
function patchRows(rows: AppendixRow[], changed: ReadonlyMap<number, AppendixRow>): AppendixRow[] {
  let any = false;
  const out = rows.map((r) => {
    const patch = r.id !== undefined ? changed.get(r.id) : undefined;
    const kids = r.children?.length ? patchRows(r.children, changed) : r.children;
    if (!patch && kids === r.children) return r;
    any = true;
    const base = patch ?? r;
    const { children: _old, ...rest } = base;
    return kids?.length ? { ...rest, children: kids } : rest;
  });
  return any ? out : rows;
}
