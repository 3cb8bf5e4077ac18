/**
 * The appendix as the grid shows it: one flat list of items (group headers, task rows, "empty group"
 * notes), filtered, with the program's numbers. Pure functions, so the grid stays a thin view.
 */
import { rowNumbers } from '../../../../electron/core/model/numbering';
import { foldForSearch } from '../../../../electron/core/model/text';
import type { AppendixGroup, ColumnDef, Mention } from '../../../../electron/core/model/types';

export type GridItem =
  | { kind: 'group'; g: number; group: AppendixGroup }
  | { kind: 'row'; g: number; r: number; rowId: number; number: number }
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

/** The flat list of what the grid shows. While filtering, groups without a matching row are left out. */
export function buildItems(groups: readonly AppendixGroup[], columns: readonly ColumnDef[], filter: GridFilter): GridItem[] {
  const numbers = rowNumbers(groups);
  const active = filterActive(filter);
  const out: GridItem[] = [];
  groups.forEach((group, g) => {
    const rows: GridItem[] = [];
    group.rows.forEach((row, r) => {
      if (!active || rowMatches(row.cells, columns, filter)) rows.push({ kind: 'row', g, r, rowId: row.id ?? -1, number: numbers[g][r] });
    });
    if (active && rows.length === 0) return;
    out.push({ kind: 'group', g, group });
    if (group.rows.length === 0) out.push({ kind: 'empty', g, group });
    out.push(...rows);
  });
  return out;
}

/** Where Alt+↑/↓ sends a row: one place up or down, into the neighbouring group at the group's edges. */
export function moveTarget(groups: readonly AppendixGroup[], g: number, r: number, dir: -1 | 1): { g: number; index: number } | null {
  if (dir < 0) {
    if (r > 0) return { g, index: r - 1 };
    return g > 0 ? { g: g - 1, index: groups[g - 1].rows.length } : null;
  }
  if (r < groups[g].rows.length - 1) return { g, index: r + 1 };
  return g < groups.length - 1 ? { g: g + 1, index: 0 } : null;
}

/** The groups after moving row (g, r) to `index` of group `tg` (index counted without the moved row). */
export function applyMove(groups: readonly AppendixGroup[], g: number, r: number, tg: number, index: number): AppendixGroup[] {
  const next = groups.map((x) => ({ ...x, rows: [...x.rows] }));
  const [row] = next[g].rows.splice(r, 1);
  next[tg].rows.splice(Math.max(0, Math.min(index, next[tg].rows.length)), 0, row);
  return next;
}

/** Finds a row by store id. */
export function locateRow(groups: readonly AppendixGroup[], rowId: number): { g: number; r: number } | null {
  for (let g = 0; g < groups.length; g++) {
    const r = groups[g].rows.findIndex((row) => row.id === rowId);
    if (r >= 0) return { g, r };
  }
  return null;
}

/** The cell's path in the exchange file's syntax, for goTo and find-and-replace. */
export function cellPath(g: number, r: number, key: string): string {
  return `appendix.groups[${g}].rows[${r}].${key}`;
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
