/**
 * What every grid row needs from the grid, passed through context so that rows can be memoised: the
 * object is stable, its functions read the grid's latest state through refs.
 */
import { createContext } from 'react';
import type { Agency, CellValue, ColumnDef, Mention } from '../../../../electron/core/model/types';
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
  agencies(): readonly Agency[];
  directory(): ReadonlyMap<string, string>;
  deadlineListId: string;
}

export const GridContext = createContext<GridActions | null>(null);

export const ROW_TYPE = 'text/x-soan-row';

export function isMentions(v: CellValue | undefined): v is Mention[] {
  return Array.isArray(v);
}
