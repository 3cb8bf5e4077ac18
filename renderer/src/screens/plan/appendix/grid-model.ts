/**
 * The appendix as the grid shows it: one flat list of items (group headers, task rows, "empty group"
 * notes), filtered, with the labels the DOCX prints. Rows form a tree (model v2): a sub-row follows its
 * parent, indented, unless the parent is collapsed (view state, never stored). Pure functions, so the
 * grid stays a thin view.
 */
import { MAX_ROW_DEPTH, rowLabels } from '../../../../../electron/core/model/rows';
import { foldForSearch } from '../../../../../electron/core/model/text';
import type { AppendixGroup, AppendixRow, ColumnDef, Mention, RowNumbering } from '../../../../../electron/core/model/types';

/** A task row as the grid shows it. */
export interface RowItem {
  kind: 'row';
  g: number;
  /** Index at every level inside the group ([2, 0]: the third row's first sub-row). */
  path: number[];
  rowId: number;
  row: AppendixRow;
  /** The STT label the DOCX prints (`3`, `1.2`, `2.1.1`; '' under numbering "none"). */
  label: string;
  /** 1-based place among the rows shown, for screen readers' row index. */
  seq: number;
  /** 0 for a top-level row of its group, 1 for its sub-rows … */
  depth: number;
  /** The parent row's id, or null at the group's top level. */
  parentId: number | null;
  /** Direct sub-rows. */
  childCount: number;
  /** Sub-rows at every level; those hidden when the row is collapsed. */
  descendants: number;
  /** The row has sub-rows and they are folded away. */
  collapsed: boolean;
  /** Shown only because a sub-row matches the filter (its ancestors are shown with it). */
  context: boolean;
}

export type GridItem =
  | { kind: 'group'; g: number; group: AppendixGroup }
  | RowItem
  | { kind: 'empty'; g: number; group: AppendixGroup };

/** Fixed heights keep the windowing exact and cheap: a task shows three lines, its editor opens over it. */
export const ITEM_HEIGHT = { group: 30, row: 56, empty: 28 } as const;

export interface GridFilter {
  /** Directory key, or '' for any agency. */
  agency: string;
  /** Where the agency must appear. */
  scope: 'any' | 'lead' | 'cooperate';
  /** Folded text the deadline must contain; '' for any. */
  deadline: string;
}

export const NO_FILTER: GridFilter = { agency: '', scope: 'any', deadline: '' };

export function filterActive(f: GridFilter): boolean {
  return f.agency !== '' || f.deadline.trim() !== '';
}

function mentionsOf(value: unknown): Mention[] {
  return Array.isArray(value) ? (value as Mention[]) : [];
}

/** Whether a row passes the filter; agency columns are found by role (lead / cooperate). */
export function rowMatches(cells: Record<string, unknown>, columns: readonly ColumnDef[], f: GridFilter): boolean {
  if (f.agency) {
    const roles = f.scope === 'any' ? ['lead', 'cooperate'] : [f.scope];
    const hit = columns.some(
      (c) => c.kind === 'agencies' && (roles.includes(c.role ?? '') || (f.scope === 'any' && c.role === null))
        && mentionsOf(cells[c.key]).some((m) => m.agency === f.agency),
    );
    if (!hit) return false;
  }
  const wanted = foldForSearch(f.deadline);
  if (wanted) {
    const col = columns.find((c) => c.role === 'deadline');
    const text = col && typeof cells[col.key] === 'string' ? (cells[col.key] as string) : '';
    if (!foldForSearch(text).includes(wanted)) return false;
  }
  return true;
}

/** Sub-rows at every level below a row. */
export function descendantCount(row: AppendixRow): number {
  return (row.children ?? []).reduce((n, c) => n + 1 + descendantCount(c), 0);
}

/**
 * The flat list of what the grid shows: each group's header, then its rows depth first, a sub-row under its
 * parent unless an ancestor is in `collapsed` (row ids). While filtering, a row shows when it or one of its
 * sub-rows matches (the ancestors of a match show, as context, even when collapsed), and groups without a
 * match are left out.
 */
export function buildItems(
  groups: readonly AppendixGroup[],
  columns: readonly ColumnDef[],
  filter: GridFilter,
  numbering: RowNumbering | null | undefined = null,
  collapsed: ReadonlySet<number> = new Set(),
): GridItem[] {
  const labels = rowLabels({ groups: groups as AppendixGroup[], numbering });
  const active = filterActive(filter);
  const out: GridItem[] = [];
  let seq = 0;
  groups.forEach((group, g) => {
    const rows: RowItem[] = [];
    /** Adds the rows of a level that show; true when one of them (or a sub-row) matches the filter. */
    const walk = (list: readonly AppendixRow[], path: number[], parentId: number | null, hidden: boolean): boolean => {
      let any = false;
      list.forEach((row, i) => {
        const at = [...path, i];
        const folded = row.id !== undefined && collapsed.has(row.id) && Boolean(row.children?.length);
        const item: RowItem = {
          kind: 'row', g, path: at, rowId: row.id ?? -1, row, label: labels.get(row) ?? '', seq: 0, depth: path.length, parentId,
          childCount: row.children?.length ?? 0, descendants: descendantCount(row), collapsed: folded, context: false,
        };
        const self = !active || rowMatches(row.cells, columns, filter);
        const place = rows.length;
        if (!hidden) rows.push(item);
        // While filtering, a match below a folded row still shows (with the rows that lead to it).
        const below = row.children?.length ? walk(row.children, at, row.id ?? null, hidden || (folded && !active)) : false;
        if (active && !self && !below && !hidden) rows.splice(place, 1);
        else if (active && !self) item.context = true;
        any ||= self || below;
      });
      return any;
    };
    walk(group.rows, [], null, false);
    if (active && rows.length === 0) return;
    out.push({ kind: 'group', g, group });
    if (group.rows.length === 0) out.push({ kind: 'empty', g, group });
    for (const r of rows) r.seq = ++seq;
    out.push(...rows);
  });
  return out;
}

/** Where a row is: its group, path, parent and place among its siblings. */
export interface RowPlace {
  g: number;
  path: number[];
  row: AppendixRow;
  parentId: number | null;
  /** The sibling list it is in (the group's rows, or its parent's sub-rows). */
  siblings: readonly AppendixRow[];
  index: number;
}

/** Finds a row (at any depth) by store id. */
export function locateRow(groups: readonly AppendixGroup[], rowId: number): RowPlace | null {
  const find = (g: number, list: readonly AppendixRow[], path: number[], parentId: number | null): RowPlace | null => {
    for (let i = 0; i < list.length; i++) {
      const row = list[i];
      if (row.id === rowId) return { g, path: [...path, i], row, parentId, siblings: list, index: i };
      if (row.children?.length) {
        const hit = find(g, row.children, [...path, i], row.id ?? null);
        if (hit) return hit;
      }
    }
    return null;
  };
  for (let g = 0; g < groups.length; g++) {
    const hit = find(g, groups[g].rows, [], null);
    if (hit) return hit;
  }
  return null;
}

/** A place to put a row: group `g`, under `parentId` (null: the group's top level), at `index`. */
export interface RowTarget {
  g: number;
  parentId: number | null;
  index: number;
}

/**
 * Where Alt+↑/↓ sends a row (with its sub-rows): one place up or down among its siblings; a top-level row
 * goes into the neighbouring group at the group's edges. A sub-row stays under its parent (null at the edge).
 */
export function moveTarget(groups: readonly AppendixGroup[], rowId: number, dir: -1 | 1): RowTarget | null {
  const at = locateRow(groups, rowId);
  if (!at) return null;
  const { g, index, parentId, siblings } = at;
  if (dir < 0) {
    if (index > 0) return { g, parentId, index: index - 1 };
    return parentId === null && g > 0 ? { g: g - 1, parentId: null, index: groups[g - 1].rows.length } : null;
  }
  if (index < siblings.length - 1) return { g, parentId, index: index + 1 };
  return parentId === null && g < groups.length - 1 ? { g: g + 1, parentId: null, index: 0 } : null;
}

/** The rows of a list with the row `rowId` taken out (at any depth), and the row taken. */
function takeRow(rows: readonly AppendixRow[], rowId: number): { rows: AppendixRow[]; taken: AppendixRow | null } {
  let taken: AppendixRow | null = null;
  const out: AppendixRow[] = [];
  for (const r of rows) {
    if (r.id === rowId) {
      taken = r;
      continue;
    }
    if (!taken && r.children?.length) {
      const inner = takeRow(r.children, rowId);
      if (inner.taken) {
        taken = inner.taken;
        out.push({ ...r, children: inner.rows });
        continue;
      }
    }
    out.push(r);
  }
  return { rows: out, taken };
}

function putRow(rows: readonly AppendixRow[], parentId: number, index: number, row: AppendixRow): AppendixRow[] {
  return rows.map((r) => {
    if (r.id === parentId) {
      const kids = [...(r.children ?? [])];
      kids.splice(Math.max(0, Math.min(index, kids.length)), 0, row);
      return { ...r, children: kids };
    }
    return r.children?.length ? { ...r, children: putRow(r.children, parentId, index, row) } : r;
  });
}

/**
 * The groups after moving a row (with its sub-rows) to `target` (index counted without the moved row): the
 * grid shows a move at once, before the store answers. Unchanged when the row is not found.
 */
export function applyMove(groups: readonly AppendixGroup[], rowId: number, target: RowTarget): AppendixGroup[] {
  const at = locateRow(groups, rowId);
  if (!at || !groups[target.g]) return [...groups];
  const next = groups.map((x, g) => (g === at.g ? { ...x, rows: takeRow(x.rows, rowId).rows } : x));
  const row = at.row;
  const tg = next[target.g];
  if (target.parentId === null) {
    const rows = [...tg.rows];
    rows.splice(Math.max(0, Math.min(target.index, rows.length)), 0, row);
    next[target.g] = { ...tg, rows };
  } else {
    next[target.g] = { ...tg, rows: putRow(tg.rows, target.parentId, target.index, row) };
  }
  return next;
}

/** Levels a row's subtree spans: 1 without sub-rows. */
export function subtreeHeight(row: AppendixRow): number {
  return 1 + Math.max(0, ...(row.children ?? []).map(subtreeHeight));
}

/** Why the row cannot be indented (a locale key under `errors.`), or null when it can. Mirrors the store's rule. */
export function indentProblem(groups: readonly AppendixGroup[], rowId: number): string | null {
  const at = locateRow(groups, rowId);
  if (!at) return null;
  if (at.index === 0) return 'row.noRowAbove';
  return at.path.length + 1 + subtreeHeight(at.row) - 1 > MAX_ROW_DEPTH ? 'row.tooDeep' : null;
}

/** Why the row cannot get a sub-row, or null. */
export function subRowProblem(groups: readonly AppendixGroup[], rowId: number): string | null {
  const at = locateRow(groups, rowId);
  return at && at.path.length + 1 > MAX_ROW_DEPTH ? 'row.tooDeep' : null;
}

/** The cell's path in the exchange file's syntax (a sub-row under `._rows[i]`), for goTo and find-and-replace. */
export function cellPath(g: number, path: readonly number[], key: string): string {
  return `appendix.groups[${g}].rows[${path[0]}]${path.slice(1).map((i) => `._rows[${i}]`).join('')}.${key}`;
}

/** The deadlines drafters write most, for the year of the plan. */
export function deadlineSuggestions(year: number): string[] {
  return [
    `Trong năm ${year}`,
    ...['I', 'II', 'III', 'IV'].map((q) => `Quý ${q}/${year}`),
    `Tháng 12/${year}`,
    'Thường xuyên',
    'Hàng quý',
  ];
}
