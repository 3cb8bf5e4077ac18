/**
 * The appendix grid: windowed rows, one active cell (the single tab stop), editors opened on Enter, F2
 * or double-click, keyboard moves (arrows; Alt+↑/↓ moves the row, across groups at the edges; Ctrl+Enter
 * inserts a row below; Ctrl+Delete deletes it), drag-and-drop of rows, and paste of a block from Excel.
 */
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, AppendixGroup, CellValue, ColumnDef } from '../../../../electron/core/model/types';
import { GridContext, cellKey, type CellId, type GridActions } from './grid-context';
import { ITEM_HEIGHT, type GridItem } from './grid-model';
import { GridHeader, HANDLE_WIDTH, HEADER_HEIGHT, columnPx } from './GridHeader';
import { EmptyGroupRow, GroupRow, TaskRow } from './GridRow';
import type { EditorExit } from './TextCellEditor';
import { VirtualList, type VirtualListHandle } from './VirtualList';

export interface GridCommands {
  moveRow(rowId: number, tg: number, index: number): void;
  moveRowBy(rowId: number, dir: -1 | 1): void;
  insertRow(g: number, index: number): void;
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

export interface GridHandle {
  /** Scrolls to a cell and focuses it (or opens its editor) as soon as it is on screen. */
  show(cell: CellId, edit?: boolean): void;
  active(): CellId | null;
}

interface Props {
  items: readonly GridItem[];
  groups: readonly AppendixGroup[];
  columns: readonly ColumnDef[];
  allColumns: readonly ColumnDef[];
  agencies: readonly Agency[];
  deadlineListId: string;
  commands: GridCommands;
  onActive?: (cell: CellId | null) => void;
}

function itemCell(item: GridItem, groups: readonly AppendixGroup[], col: string): CellId {
  return item.kind === 'row' ? { kind: 'row', rowId: item.rowId, col } : { kind: 'group', groupId: groups[item.g].id! };
}

export const Grid = forwardRef<GridHandle, Props>(function Grid({ items, groups, columns, allColumns, agencies, deadlineListId, commands, onActive }, ref) {
  const { t } = useTranslation();
  const list = useRef<VirtualListHandle>(null);
  const [active, setActive] = useState<CellId | null>(null);
  const [editing, setEditing] = useState<CellId | null>(null);
  // A cell to focus (or edit) once it is rendered: after a reload, a move, an insert.
  const [want, setWant] = useState<{ cell: CellId; edit: boolean; n: number } | null>(null);
  const editingRef = useRef<CellId | null>(null);
  editingRef.current = editing;

  const latest = useRef({ items, groups, columns, agencies, commands, active, onActive });
  latest.current = { items, groups, columns, agencies, commands, active, onActive };

  const directory = useMemo(() => new Map(agencies.map((a) => [a.key, a.name])), [agencies]);
  const dirRef = useRef(directory);
  dirRef.current = directory;

  const indexOf = useMemo(() => {
    const m = new Map<string, number>();
    items.forEach((it, i) => m.set(it.kind === 'row' ? `r:${it.rowId}` : it.kind === 'group' ? `g:${groups[it.g]?.id}` : `e:${it.g}`, i));
    return m;
  }, [items, groups]);
  const indexOfCell = useCallback((c: CellId) => indexOf.get(c.kind === 'row' ? `r:${c.rowId}` : `g:${c.groupId}`) ?? -1, [indexOf]);

  const show = useCallback((cell: CellId, edit = false) => setWant((w) => ({ cell, edit, n: (w?.n ?? 0) + 1 })), []);

  useImperativeHandle(ref, () => ({ show, active: () => latest.current.active }), [show]);

  const setActiveCell = useCallback((cell: CellId | null) => {
    setActive((a) => (a && cell && cellKey(a) === cellKey(cell) ? a : cell));
    latest.current.onActive?.(cell);
  }, []);

  // Bring the wanted cell into view, then focus it (the windowed row renders a frame later).
  useEffect(() => {
    if (!want) return;
    const index = indexOfCell(want.cell);
    if (index < 0) return; // not loaded yet: try again when the items change
    list.current?.scrollToIndex(index);
    let tries = 10;
    let raf = 0;
    const tryFocus = () => {
      const el = document.querySelector<HTMLElement>(`[data-cell="${cellKey(want.cell)}"]`);
      if (el) {
        setActiveCell(want.cell);
        if (want.edit) setEditing(want.cell);
        else el.focus({ preventScroll: true });
        setWant(null);
      } else if (tries-- > 0) raf = requestAnimationFrame(tryFocus);
    };
    raf = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(raf);
  }, [want, indexOfCell, setActiveCell]);

  const focusCell = useCallback((cell: CellId) => show(cell, false), [show]);

  const actions: GridActions = useMemo(() => ({
    activate: (cell) => setActiveCell(cell),
    edit: (cell) => {
      setActiveCell(cell);
      setEditing(cell);
    },
    endEdit: (exit: EditorExit) => {
      const was = editingRef.current;
      if (!was) return;
      editingRef.current = null;
      setEditing(null);
      if (exit === 'stay' || was.kind !== 'row') return focusCell(was);
      const cols = latest.current.columns;
      const i = cols.findIndex((c) => c.key === was.col) + (exit === 'next' ? 1 : -1);
      focusCell(i >= 0 && i < cols.length ? { ...was, col: cols[i].key } : was);
    },
    setCell: (rowId, key, value) => latest.current.commands.setCell(rowId, key, value),
    renameGroup: (groupId, title) => latest.current.commands.renameGroup(groupId, title),
    addAgency: (name) => latest.current.commands.addAgency(name),
    dropRow: (rowId, target) => {
      const { groups: gs } = latest.current;
      const g = gs.findIndex((x) => x.rows.some((r) => r.id === rowId));
      if (g < 0) return;
      const r = gs[g].rows.findIndex((x) => x.id === rowId);
      let index = target.index;
      if (g === target.g && r < index) index -= 1;
      if (g === target.g && r === index) return;
      latest.current.commands.moveRow(rowId, target.g, index);
      focusCell({ kind: 'row', rowId, col: latest.current.columns[0]?.key ?? '' });
    },
    insertRow: (g, index) => latest.current.commands.insertRow(g, index),
    moveGroup: (g, dir) => latest.current.commands.moveGroup(g, dir),
    deleteGroup: (g) => latest.current.commands.deleteGroup(g),
    rowLabel: (number, column) => t('appendix.grid.cellLabel', { number, caption: column.caption }),
    agencies: () => latest.current.agencies,
    directory: () => dirRef.current,
    deadlineListId,
  }), [setActiveCell, focusCell, t, deadlineListId]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    // Keys typed in an editor belong to it; so do the controls' own keys (buttons, the resize edge).
    if (editingRef.current || target.closest('input, textarea, button, select, [role="separator"], [role="columnheader"]')) return;
    if (e.nativeEvent.isComposing || e.keyCode === 229 || !active) return;
    const index = indexOfCell(active);
    if (index < 0) return;
    const col = active.kind === 'row' ? active.col : (latest.current.active as { col?: string } | null)?.col ?? columns[0]?.key ?? '';
    const colIndex = columns.findIndex((c) => c.key === col);
    const stepTo = (from: number, dir: -1 | 1) => {
      for (let i = from + dir; i >= 0 && i < items.length; i += dir) if (items[i].kind !== 'empty') return i;
      return -1;
    };
    const key = e.key;
    if (e.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      if (active.kind !== 'row') return;
      e.preventDefault();
      commands.moveRowBy(active.rowId, key === 'ArrowUp' ? -1 : 1);
      focusCell(active);
      return;
    }
    if (e.altKey) return;
    if (key === 'ArrowUp' || key === 'ArrowDown') {
      e.preventDefault();
      const next = stepTo(index, key === 'ArrowUp' ? -1 : 1);
      if (next >= 0) focusCell(itemCell(items[next], groups, col));
    } else if ((key === 'ArrowLeft' || key === 'ArrowRight') && active.kind === 'row') {
      e.preventDefault();
      const c = columns[colIndex + (key === 'ArrowLeft' ? -1 : 1)];
      if (c) focusCell({ ...active, col: c.key });
    } else if (key === 'Home' || key === 'End') {
      e.preventDefault();
      if (e.ctrlKey) {
        const i = key === 'Home' ? stepTo(-1, 1) : stepTo(items.length, -1);
        if (i >= 0) focusCell(itemCell(items[i], groups, col));
      } else if (active.kind === 'row') {
        focusCell({ ...active, col: columns[key === 'Home' ? 0 : columns.length - 1].key });
      }
    } else if (key === 'PageDown' || key === 'PageUp') {
      e.preventDefault();
      let i = index;
      for (let n = 0; n < 8; n++) {
        const s = stepTo(i, key === 'PageUp' ? -1 : 1);
        if (s < 0) break;
        i = s;
      }
      focusCell(itemCell(items[i], groups, col));
    } else if ((key === 'Enter' && !e.ctrlKey) || key === 'F2') {
      e.preventDefault();
      if (active.kind === 'row' && columns.find((c) => c.key === active.col)?.kind === 'number') return;
      setEditing(active);
    } else if ((key === 'Enter' && e.ctrlKey) || key === 'Insert') {
      e.preventDefault();
      const it = items[index];
      if (it.kind === 'row') commands.insertRow(it.g, it.r + 1);
      else commands.insertRow(it.g, 0);
    } else if (key === 'Delete' && e.ctrlKey && active.kind === 'row') {
      e.preventDefault();
      const next = stepTo(index, 1) >= 0 ? stepTo(index, 1) : stepTo(index, -1);
      commands.deleteRow(active.rowId);
      if (next >= 0) focusCell(itemCell(items[next], groups, col));
    } else if (key === 'Delete' && active.kind === 'row') {
      // Delete empties the cell, as in a spreadsheet.
      const c = columns.find((x) => x.key === active.col);
      if (!c || c.kind === 'number') return;
      e.preventDefault();
      commands.setCell(active.rowId, c.key, c.kind === 'agencies' ? [] : '');
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea')) return; // text pasted into an editor is the editor's
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    if (commands.paste(text, active)) e.preventDefault();
  };

  const totalWidth = HANDLE_WIDTH + columns.reduce((n, c) => n + columnPx(c), 0) + 2;
  const heights = useMemo(() => items.map((it) => ITEM_HEIGHT[it.kind]), [items]);
  const firstRowCell = useMemo(() => {
    const it = items.find((x) => x.kind !== 'empty');
    return it ? cellKey(itemCell(it, groups, columns[0]?.key ?? '')) : null;
  }, [items, groups, columns]);
  const activeKey = active ? cellKey(active) : firstRowCell;
  const activeIndex = active ? indexOfCell(active) : -1;
  // The row being edited stays rendered even when scrolled away, so its typing is never lost.
  const pinned = editing ? indexOfCell(editing) : -1;

  const renderItem = (i: number, top: number) => {
    const it = items[i];
    const height = ITEM_HEIGHT[it.kind];
    if (it.kind === 'row') {
      const row = groups[it.g].rows[it.r];
      const rowActive = activeKey?.startsWith(`r:${it.rowId}:`) ? activeKey.split(':')[2] : null;
      const rowEditing = editing?.kind === 'row' && editing.rowId === it.rowId ? editing.col : null;
      return (
        <TaskRow key={`r${it.rowId}`} row={row} g={it.g} r={it.r} number={it.number} top={top} height={height}
          columns={columns} width={totalWidth} activeCol={rowActive} editingCol={rowEditing} tabbable />
      );
    }
    if (it.kind === 'group') {
      const id = groups[it.g].id!;
      return (
        <GroupRow key={`g${id}`} group={groups[it.g]} g={it.g} groupCount={groups.length} top={top} height={height} width={totalWidth}
          active={activeKey === `g:${id}`} editing={editing?.kind === 'group' && editing.groupId === id} tabbable />
      );
    }
    return <EmptyGroupRow key={`e${it.g}-${groups[it.g].id}`} g={it.g} top={top} height={height} width={totalWidth} />;
  };

  return (
    <GridContext.Provider value={actions}>
      <div className="ax-grid-wrap" onKeyDown={onKeyDown} onPaste={onPaste}>
        <VirtualList
          ref={list}
          className="ax-grid"
          heights={heights}
          pinned={pinned >= 0 ? pinned : activeIndex}
          headerHeight={HEADER_HEIGHT}
          minWidth={totalWidth}
          header={<GridHeader columns={columns} all={allColumns} onMove={commands.moveColumn} onResize={commands.resizeColumn} />}
          innerProps={{ role: 'rowgroup' }}
          outerProps={{ role: 'grid', 'aria-label': t('appendix.grid.label'), 'aria-rowcount': -1, 'data-testid': 'appendix-table' } as React.HTMLAttributes<HTMLDivElement>}
          renderItem={renderItem}
        />
      </div>
    </GridContext.Provider>
  );
});
