/**
 * Appendix rows as a tree (model v2): walking them, their labels, and the printed lines every exporter
 * (DOCX, XLSX, preview) and the checker read, so that all of them agree on what a parent row means.
 */
import { toRoman } from './numbering';
import type { Appendix, AppendixGroup, AppendixRow, CellValue, ColumnDef, PlanPackage, PlanPeriod, Recipient, RowNumbering } from './types';

/** A row with where it sits: `path` is its index at every level inside its group ([2, 0] = 3rd row's 1st child). */
export interface RowVisit {
  row: AppendixRow;
  group: number;
  path: number[];
  depth: number;
  parent: AppendixRow | null;
}

/**
 * Levels of rows the editor lets a drafter build: objective → task → activity, which the hierarchical
 * labels print as `1`, `1.1`, `1.1.1` (and per-group numbering as `1.1.1` after the group's `1.`). Deeper
 * trees read from a file still load and print; indenting or inserting a sub-row past this is refused.
 */
export const MAX_ROW_DEPTH = 3;

/** Every row of one group, depth first (a parent before its children). */
export function groupRows(group: Pick<AppendixGroup, 'rows'>, groupIndex = 0): RowVisit[] {
  const out: RowVisit[] = [];
  const visit = (rows: readonly AppendixRow[], path: number[], parent: AppendixRow | null): void => {
    rows.forEach((row, i) => {
      const p = [...path, i];
      out.push({ row, group: groupIndex, path: p, depth: p.length - 1, parent });
      if (row.children?.length) visit(row.children, p, row);
    });
  };
  visit(group.rows, [], null);
  return out;
}

/** Every row of the appendix, group by group, depth first. */
export function allRows(groups: readonly Pick<AppendixGroup, 'rows'>[]): RowVisit[] {
  return groups.flatMap((g, gi) => groupRows(g, gi));
}

/** How many rows (at every level) the groups hold. */
export function countRows(groups: readonly Pick<AppendixGroup, 'rows'>[]): number {
  let n = 0;
  const count = (rows: readonly AppendixRow[]): void => {
    for (const r of rows) {
      n++;
      if (r.children?.length) count(r.children);
    }
  };
  for (const g of groups) count(g.rows);
  return n;
}

/** The row at a path inside a group's rows; undefined when the path leads nowhere. */
export function rowAt(rows: readonly AppendixRow[], path: readonly number[]): AppendixRow | undefined {
  let list = rows;
  let row: AppendixRow | undefined;
  for (const i of path) {
    row = list[i];
    if (!row) return undefined;
    list = row.children ?? [];
  }
  return row;
}

/** The row numbering in effect (absent: continuous from 1). */
export function rowNumbering(appendix: Pick<Appendix, 'numbering'>): Required<RowNumbering> {
  const n = appendix.numbering;
  const start = n?.start !== undefined && Number.isInteger(n.start) && n.start >= 0 ? n.start : 1;
  return { style: n?.style ?? 'continuous', start };
}

/** A group's printed label: `I.` (Roman), or `1.` under hierarchical numbering. */
export function groupLabel(numbering: Required<RowNumbering>, groupIndex: number): string {
  return numbering.style === 'hierarchical' ? `${groupIndex + 1}.` : `${toRoman(groupIndex + 1)}.`;
}

/**
 * The STT label of every row, in the same nesting as the groups: `labels[g]` is a map from each row object
 * to its label (`12`, `1.1`, `2.1.3`; '' under `none`). Sub-rows carry their parent's label.
 */
export function rowLabels(appendix: Pick<Appendix, 'groups' | 'numbering'>): Map<AppendixRow, string> {
  const numbering = rowNumbering(appendix);
  const labels = new Map<AppendixRow, string>();
  let next = numbering.start;
  appendix.groups.forEach((g, gi) => {
    if (numbering.style !== 'continuous') next = numbering.start;
    const prefix = numbering.style === 'hierarchical' ? `${gi + 1}.` : '';
    const sub = (rows: readonly AppendixRow[], parent: string): void => {
      rows.forEach((r, i) => {
        const label = numbering.style === 'none' ? '' : `${parent}.${i + 1}`;
        labels.set(r, label);
        if (r.children?.length) sub(r.children, label);
      });
    };
    for (const r of g.rows) {
      const label = numbering.style === 'none' ? '' : `${prefix}${next}`;
      next++;
      labels.set(r, label);
      if (r.children?.length) sub(r.children, label);
    }
  });
  return labels;
}

function filled(value: CellValue | undefined): boolean {
  if (value === undefined) return false;
  return typeof value === 'string' ? value.trim() !== '' : value.length > 0;
}

/** The keys of a row's filled cells, number columns left out (they hold nothing). */
export function filledKeys(row: AppendixRow, columns: readonly ColumnDef[]): string[] {
  return columns.filter((c) => c.kind !== 'number' && filled(row.cells[c.key])).map((c) => c.key);
}

/**
 * Whether a parent row spans its children: it has children, and none of its filled cells is in a column
 * that one of its descendants fills (an objective over its tasks). A parent filling the same column as its
 * children (task 1 over tasks 1.1, 1.2) prints on its own line instead.
 */
export function rowSpans(row: AppendixRow, columns: readonly ColumnDef[]): boolean {
  if (!row.children?.length) return false;
  const own = new Set(filledKeys(row, columns));
  const clash = (rows: readonly AppendixRow[]): boolean =>
    rows.some((r) => filledKeys(r, columns).some((k) => own.has(k)) || (r.children?.length ? clash(r.children) : false));
  return !clash(row.children);
}

/** A cell of a printed line: its value, the row it comes from, and how it merges with the lines below. */
export interface LineCell {
  column: ColumnDef;
  value: CellValue | undefined;
  /** The row whose cell this is: the line's own row, or a spanning ancestor. */
  from: AppendixRow;
  /** `restart`: first line of a vertical merge over `span` lines; `continue`: covered by the cell above; null: alone. */
  merge: 'restart' | 'continue' | null;
  /** Lines the cell covers (1 when alone). */
  span: number;
}

/** One printed line of the appendix table. */
export interface RowLine {
  /** The row this line prints (a leaf, or a parent on its own line). */
  row: AppendixRow;
  group: number;
  depth: number;
  /** STT label of `row` (`''` under numbering `none`). */
  label: string;
  /** One per visible column, in column order. */
  cells: LineCell[];
  /** True when a spanning ancestor gives this line some of its cells (a continuation of that row). */
  continues: boolean;
}

/**
 * The table's printed lines, group by group: `lines[g]` for group g. Spanning parents (see `rowSpans`) are
 * not lines of their own: their filled cells merge down over their subtree's lines. The number column shows
 * each line's own label. Hidden columns are left out (kept with `includeHidden`, for the workbook).
 */
export function rowLines(appendix: Pick<Appendix, 'groups' | 'numbering' | 'columns'>, includeHidden = false): RowLine[][] {
  const columns = includeHidden ? appendix.columns : appendix.columns.filter((c) => !c.hidden);
  const labels = rowLabels(appendix);
  return appendix.groups.map((g, gi) => {
    const lines: RowLine[] = [];
    type Held = { row: AppendixRow; value: CellValue; cell: LineCell | null };
    const visit = (rows: readonly AppendixRow[], depth: number, held: ReadonlyMap<string, Held>): void => {
      for (const row of rows) {
        const spans = rowSpans(row, columns);
        if (spans) {
          const mine = new Map(held);
          for (const key of filledKeys(row, columns)) mine.set(key, { row, value: row.cells[key], cell: null });
          visit(row.children ?? [], depth + 1, mine);
          continue;
        }
        const cells = columns.map((column): LineCell => {
          const h = held.get(column.key);
          if (!h) return { column, value: row.cells[column.key], from: row, merge: null, span: 1 };
          if (!h.cell) {
            h.cell = { column, value: h.value, from: h.row, merge: 'restart', span: 1 };
            return h.cell;
          }
          h.cell.span++;
          return { column, value: h.value, from: h.row, merge: 'continue', span: 0 };
        });
        lines.push({ row, group: gi, depth, label: labels.get(row) ?? '', cells, continues: held.size > 0 });
        if (row.children?.length) visit(row.children, depth + 1, held);
      }
    };
    visit(g.rows, 0, new Map());
    // A merge over one line is no merge.
    for (const line of lines) for (const c of line.cells) if (c.merge === 'restart' && c.span === 1) c.merge = null;
    return lines;
  });
}

/** The structured view of a recipients list: `+ …` lines are sub-items of the top-level line above them. */
export function recipientTree(lines: readonly string[]): Recipient[] {
  const out: Recipient[] = [];
  for (const raw of lines) {
    const sub = recipientLevel(raw) === 1;
    const text = recipientText(raw);
    if (sub && out.length) out[out.length - 1].items.push(text);
    else out.push({ text, items: [] });
  }
  return out;
}

/** 1 for a sub-item line (`+ …`), 0 for a top-level one. */
export function recipientLevel(line: string): 0 | 1 {
  return /^\s*\+\s/.test(line) ? 1 : 0;
}

/** A recipient line without its `- ` / `+ ` mark. */
export function recipientText(line: string): string {
  return line.replace(/^\s*[-+–]\s+/, '');
}

/** The flat stored form of a recipient tree. */
export function recipientLines(tree: readonly Recipient[]): string[] {
  return tree.flatMap((r) => [r.text, ...r.items.map((i) => `+ ${i}`)]);
}

/** The years a package covers: its period, or its one year. */
export function planPeriod(pkg: Pick<PlanPackage, 'year' | 'period'>): PlanPeriod {
  const p = pkg.period;
  if (p && Number.isInteger(p.from) && Number.isInteger(p.to) && p.to >= p.from) return { from: p.from, to: p.to };
  return { from: pkg.year, to: pkg.year };
}

/** `năm 2024` or `giai đoạn 2021 - 2030`, as plans name their time. */
export function periodWords(pkg: Pick<PlanPackage, 'year' | 'period'>): string {
  const { from, to } = planPeriod(pkg);
  return from === to ? `năm ${from}` : `giai đoạn ${from} - ${to}`;
}
