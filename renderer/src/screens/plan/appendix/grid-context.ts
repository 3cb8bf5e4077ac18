/**
 * What every grid row needs from the grid, passed through context so that rows can be memoised: the
 * object is stable, its functions read the grid's latest state through refs.
 */
import { createContext } from 'react';
import type { Agency, CellValue, ColumnDef, Mention } from '../../../../../electron/core/model/types';
import type { EditorExit } from './TextCellEditor';
import type { RowTarget } from './grid-model';

export type CellId = { kind: 'row'; rowId: number; col: string } | { kind: 'group'; groupId: number };

export function cellKey(c: CellId): string {
  return c.kind === 'row' ? `r:${c.rowId}:${c.col}` : `g:${c.groupId}`;
}

export interface GridActions {
  activate(cell: CellId): void;
  edit(cell: CellId): void;
  endEdit(exit: EditorExit): void;
  setCell(rowId: number, key: string, value: CellValue): void;
  renameGroup(groupId: number, title: string): void;
  addAgency(name: string): Promise<string>;
  /** Drop of a dragged row before/after a row (at that row's level), or at the start of a group. */
  dropRow(rowId: number, target: RowTarget): void;
  /** Collapse or expand a row's sub-rows (undefined: toggle). */
  foldRow(rowId: number, open?: boolean): void;
  /** Opens the row's context menu at a point of the window. */
  openMenu(rowId: number, x: number, y: number): void;
  insertRow(g: number, index: number): void;
  moveGroup(g: number, dir: -1 | 1): void;
  deleteGroup(g: number): void;
  rowLabel(number: number | string, column: ColumnDef): string;
  /**
   * The screen text of `key` with `values`, remembered per language: rows ask for the same labels each time
   * they scroll into view, and i18next's lookup was most of a row's mount time (about 2 ms of a 3 ms scroll step).
   */
  text(key: string, values?: Record<string, string | number>): string;
  agencies(): readonly Agency[];
  directory(): ReadonlyMap<string, string>;
  deadlineListId: string;
}

export const GridContext = createContext<GridActions | null>(null);

export const ROW_TYPE = 'text/x-soan-row';

export function isMentions(v: CellValue | undefined): v is Mention[] {
  return Array.isArray(v);
}

/** What the grid asks its section to do (AppendixSection implements it; the row menu calls it too). */
export interface GridCommands {
  moveRow(rowId: number, target: RowTarget): void;
  moveRowBy(rowId: number, dir: -1 | 1): void;
  /** A new top-level row at `index` of group `g` (a group header's "+ dòng"). */
  insertRow(g: number, index: number): void;
  /** A new row right below `rowId`, at its level (a sibling under the same parent). */
  insertBelow(rowId: number): void;
  /** A new last sub-row of `rowId` (the row is expanded to show it). */
  insertChild(rowId: number): void;
  /** Indent (1) or outdent (-1) the row. */
  indentRow(rowId: number, dir: 1 | -1): void;
  /** Collapse or expand the row's sub-rows (`open` undefined: toggle). View state only. */
  foldRow(rowId: number, open?: boolean): void;
  deleteRow(rowId: number): void;
  setCell(rowId: number, key: string, value: CellValue): void;
  renameGroup(groupId: number, title: string): void;
  moveGroup(g: number, dir: -1 | 1): void;
  deleteGroup(g: number): void;
  addAgency(name: string): Promise<string>;
  moveColumn(key: string, index: number): void;
  resizeColumn(key: string, widthMm: number): void;
  paste(text: string, at: CellId | null): boolean;
}
