/**
 * The appendix grid: windowed rows, one active cell (the single tab stop) and the spreadsheet keyboard
 * model of grid-keys.ts: arrows and Tab move, a typed character starts editing with it, Enter/F2 edit
 * keeping the content, Delete clears, Alt+↑/↓ moves the row (across groups at the edges), Ctrl+Enter
 * inserts a row below, Ctrl+Delete deletes it; drag-and-drop of rows, and paste of a block from Excel.
 * Row trees as Word's outline: Alt+Shift+→/← indent and outdent, Ctrl+Shift+Enter inserts a sub-row,
 * Alt+Shift+-/+ collapse and expand; the row's context menu (right click, Menu key, Shift+F10) has them too.
 * An editor left by a click elsewhere saves into its own row and leaves the focus on what was clicked.
 */
import { flushSync } from 'react-dom';
import { forwardRef, useCallback, useEffect, useImperativeHandle, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, AppendixGroup, ColumnDef } from '../../../../../electron/core/model/types';
import { GridContext, cellKey, type CellId, type GridActions, type GridCommands } from './grid-context';
import { ITEM_HEIGHT, locateRow, type GridItem } from './grid-model';
import { GridHeader, HANDLE_WIDTH, HEADER_HEIGHT, columnPx } from './GridHeader';
import { EmptyGroupRow, GroupRow, TaskRow } from './GridRow';
import { exitMove, gridKey, type CellKind, type EditorExit } from './grid-keys';
import { VirtualList, type VirtualListHandle } from './VirtualList';
import { RowMenu } from './RowMenu';
import { labelCache } from './label-cache';

export type { GridCommands } from './grid-context';

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

/** Scrolls the grid sideways just enough to show the cell (the active cell is always in view). */
function revealX(scroller: HTMLElement | null, cell: HTMLElement): void {
  if (!scroller) return;
  const view = scroller.getBoundingClientRect();
  const box = cell.getBoundingClientRect();
  if (box.left < view.left) scroller.scrollLeft -= view.left - box.left;
  else if (box.right > view.right) scroller.scrollLeft += Math.min(box.right - view.right, box.left - view.left);
}

/** The cell whose editor is open; `replace` when a typed character opened it (the content is replaced). */
type EditingCell = CellId & { replace: boolean };

function itemCell(item: GridItem, groups: readonly AppendixGroup[], col: string): CellId {
  return item.kind === 'row' ? { kind: 'row', rowId: item.rowId, col } : { kind: 'group', groupId: groups[item.g].id! };
}

export const Grid = forwardRef<GridHandle, Props>(function Grid({ items, groups, columns, allColumns, agencies, deadlineListId, commands, onActive }, ref) {
  const { t } = useTranslation();
  const list = useRef<VirtualListHandle>(null);
  const [active, setActive] = useState<CellId | null>(null);
  const [editing, setEditing] = useState<EditingCell | null>(null);
  // A cell to focus (or edit) once it is rendered: after a reload, a move, an insert.
  const [want, setWant] = useState<{ cell: CellId; edit: boolean; n: number } | null>(null);
  // The row context menu, at a point of the window.
  const [menu, setMenu] = useState<{ rowId: number; x: number; y: number } | null>(null);
  const editingRef = useRef<EditingCell | null>(null);
  // The column the selection was in before it went to a group's title, to come back to it.
  const lastCol = useRef<string | null>(null);
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
    if (cell?.kind === 'row') lastCol.current = cell.col;
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
        if (want.edit) setEditing({ ...want.cell, replace: false });
        else {
          el.focus({ preventScroll: true });
          revealX(list.current?.element() ?? null, el);
        }
        setWant(null);
      } else if (tries-- > 0) raf = requestAnimationFrame(tryFocus);
    };
    raf = requestAnimationFrame(tryFocus);
    return () => cancelAnimationFrame(raf);
  }, [want, indexOfCell, setActiveCell]);

  const indexOfCellRef = useRef(indexOfCell);
  indexOfCellRef.current = indexOfCell;
  // Selects a cell at once when it is rendered (so the very next key goes to it), else once it is.
  const focusCell = useCallback((cell: CellId) => {
    const index = indexOfCellRef.current(cell);
    if (index >= 0) list.current?.scrollToIndex(index);
    const el = document.querySelector<HTMLElement>(`[data-cell="${cellKey(cell)}"]`);
    if (!el) return show(cell, false);
    setActiveCell(cell);
    el.focus({ preventScroll: true });
    revealX(list.current?.element() ?? null, el);
  }, [show, setActiveCell]);

  const actions: GridActions = useMemo(() => {
    // A new `t` (another language) makes a new cache with the new actions.
    const text = labelCache(t);
    return {
      activate: (cell) => setActiveCell(cell),
      edit: (cell) => {
        setActiveCell(cell);
        setEditing({ ...cell, replace: false });
      },
      endEdit: (exit: EditorExit) => {
        const was = editingRef.current;
        if (!was) return;
        editingRef.current = null;
        setEditing(null);
        // Left by a click elsewhere: the focus is where the click put it (another cell selects itself).
        const step = exitMove(exit);
        if (!step) return;
        const cell: CellId = was.kind === 'row' ? { kind: 'row', rowId: was.rowId, col: was.col } : { kind: 'group', groupId: was.groupId };
        focusCell(moveRef.current(cell, step.rows, step.cols) ?? cell);
      },
      setCell: (rowId, key, value) => latest.current.commands.setCell(rowId, key, value),
      renameGroup: (groupId, title) => latest.current.commands.renameGroup(groupId, title),
      addAgency: (name) => latest.current.commands.addAgency(name),
      dropRow: (rowId, target) => {
        const { groups: gs } = latest.current;
        const at = locateRow(gs, rowId);
        if (!at) return;
        // Never into its own subtree: the target's parent must not be the row or one of its sub-rows.
        if (target.parentId !== null && locateRow([{ title: '', rows: [at.row] }], target.parentId)) return;
        let index = target.index;
        const sameList = at.g === target.g && at.parentId === target.parentId;
        if (sameList && at.index < index) index -= 1;
        if (sameList && at.index === index) return;
        latest.current.commands.moveRow(rowId, { ...target, index });
        focusCell({ kind: 'row', rowId, col: latest.current.columns[0]?.key ?? '' });
      },
      foldRow: (rowId, open) => latest.current.commands.foldRow(rowId, open),
      openMenu: (rowId, x, y) => setMenu({ rowId, x, y }),
      insertRow: (g, index) => latest.current.commands.insertRow(g, index),
      moveGroup: (g, dir) => latest.current.commands.moveGroup(g, dir),
      deleteGroup: (g) => latest.current.commands.deleteGroup(g),
      rowLabel: (number, column) => text('appendix.grid.cellLabel', { number, caption: column.caption }),
      text,
      agencies: () => latest.current.agencies,
      directory: () => dirRef.current,
      deadlineListId,
    };
  }, [setActiveCell, focusCell, t, deadlineListId]);

  /** The cell `rows` items and `cols` columns away from `from` (items without cells are skipped), or null. */
  const moveFrom = (from: CellId, rows: number, cols: number): CellId | null => {
    const index = indexOfCell(from);
    if (index < 0) return null;
    let i = index;
    const dir = rows < 0 ? -1 : 1;
    for (let n = 0; n < Math.abs(rows); n++) {
      let s = i + dir;
      while (s >= 0 && s < items.length && items[s].kind === 'empty') s += dir;
      if (s < 0 || s >= items.length) break;
      i = s;
    }
    const col = from.kind === 'row' ? from.col : lastCol.current ?? columns[0]?.key ?? '';
    if (i !== index) return itemCell(items[i], groups, col);
    if (cols === 0 || from.kind !== 'row') return rows === 0 && cols === 0 ? from : null;
    const c = columns[columns.findIndex((x) => x.key === from.col) + cols];
    return c ? { ...from, col: c.key } : null;
  };
  const moveRef = useRef(moveFrom);
  moveRef.current = moveFrom;

  const openEditor = (cell: CellId, keep: boolean) => {
    // Rendered and focused before this keydown ends, so that a typed character goes into the editor.
    flushSync(() => {
      setActiveCell(cell);
      setEditing({ ...cell, replace: !keep } as EditingCell);
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    // Keys typed in an editor belong to it; so do the controls' own keys (buttons, the resize edge).
    if (editingRef.current || target.closest('input, textarea, button, select, [role="separator"], [role="columnheader"]')) return;
    if (!active) return;
    const column = active.kind === 'row' ? columns.find((c) => c.key === active.col) : undefined;
    const cellKind: CellKind = active.kind === 'group' ? 'group' : column?.kind === 'number' ? 'number' : column?.kind === 'agencies' ? 'agencies' : 'text';
    const action = gridKey({ key: e.key, code: e.code, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, shiftKey: e.shiftKey, composing: e.nativeEvent.isComposing || e.keyCode === 229 }, cellKind);
    const index = indexOfCell(active);
    if (index < 0) return;
    switch (action.kind) {
      case 'none':
        return;
      case 'swallow':
        e.preventDefault();
        return;
      case 'move': {
        const next = moveFrom(active, action.rows, action.cols);
        // Tab at the row's edge leaves the grid, as the page's tab order has it.
        if (!next && e.key === 'Tab') return;
        e.preventDefault();
        if (next) focusCell(next);
        return;
      }
      case 'edge': {
        e.preventDefault();
        if (action.where === 'first' || action.where === 'last') {
          const i = action.where === 'first' ? items.findIndex((x) => x.kind !== 'empty') : items.findLastIndex((x) => x.kind !== 'empty');
          if (i >= 0) focusCell(itemCell(items[i], groups, active.kind === 'row' ? active.col : columns[0]?.key ?? ''));
        } else if (active.kind === 'row') {
          focusCell({ ...active, col: columns[action.where === 'rowStart' ? 0 : columns.length - 1].key });
        }
        return;
      }
      case 'edit':
        // The typed character (not prevented) follows into the editor that opens now.
        if (action.keep) e.preventDefault();
        openEditor(active, action.keep);
        return;
      case 'clear':
        if (active.kind !== 'row' || !column) return;
        e.preventDefault();
        commands.setCell(active.rowId, column.key, column.kind === 'agencies' ? [] : '');
        return;
      case 'moveRow':
        if (active.kind !== 'row') return;
        e.preventDefault();
        commands.moveRowBy(active.rowId, action.dir);
        focusCell(active);
        return;
      case 'insertRow': {
        e.preventDefault();
        const it = items[index];
        if (it.kind === 'row') commands.insertBelow(it.rowId);
        else commands.insertRow(it.g, 0);
        return;
      }
      case 'insertChild':
        if (active.kind !== 'row') return;
        e.preventDefault();
        commands.insertChild(active.rowId);
        return;
      case 'indent':
        if (active.kind !== 'row') return;
        e.preventDefault();
        commands.indentRow(active.rowId, action.dir);
        focusCell(active);
        return;
      case 'fold':
        if (active.kind !== 'row') return;
        e.preventDefault();
        commands.foldRow(active.rowId, action.open);
        return;
      case 'menu': {
        if (active.kind !== 'row') return;
        e.preventDefault();
        const box = document.querySelector<HTMLElement>(`[data-cell="${cellKey(active)}"]`)?.getBoundingClientRect();
        setMenu({ rowId: active.rowId, x: box ? box.left + 8 : 100, y: box ? box.bottom - 4 : 100 });
        return;
      }
      case 'deleteRow': {
        if (active.kind !== 'row') return;
        e.preventDefault();
        const next = moveFrom(active, 1, 0);
        const to = next && cellKey(next) !== cellKey(active) ? next : moveFrom(active, -1, 0);
        commands.deleteRow(active.rowId);
        if (to) focusCell(to);
        return;
      }
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, textarea')) return; // text pasted into an editor is the editor's
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    if (commands.paste(text, active)) e.preventDefault();
  };

  // With sub-rows the grid is a tree grid: rows carry their level and whether they are expanded.
  const tree = useMemo(() => items.some((it) => it.kind === 'row' && (it.depth > 0 || it.childCount > 0)), [items]);
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
      const rowActive = activeKey?.startsWith(`r:${it.rowId}:`) ? activeKey.split(':')[2] : null;
      const rowEditing = editing?.kind === 'row' && editing.rowId === it.rowId ? editing.col : null;
      const replace = rowEditing !== null && editing!.replace;
      return (
        <TaskRow key={`r${it.rowId}`} item={it} top={top} height={height}
          columns={columns} width={totalWidth} activeCol={rowActive} editingCol={rowEditing} replace={replace} tabbable />
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
          outerProps={{ role: tree ? 'treegrid' : 'grid', 'aria-label': t('appendix.grid.label'), 'aria-rowcount': -1, 'data-testid': 'appendix-table' } as React.HTMLAttributes<HTMLDivElement>}
          renderItem={renderItem}
        />
      </div>
      {menu && (
        <RowMenu
          x={menu.x}
          y={menu.y}
          item={items.find((it): it is Extract<GridItem, { kind: 'row' }> => it.kind === 'row' && it.rowId === menu.rowId) ?? null}
          groups={groups}
          commands={commands}
          onClose={(refocus) => {
            const cell = active?.kind === 'row' && active.rowId === menu.rowId ? active : { kind: 'row' as const, rowId: menu.rowId, col: columns[0]?.key ?? '' };
            setMenu(null);
            // Back to the row's cell (Esc, or a command that keeps the row); an inserted row focuses itself.
            if (refocus) focusCell(cell);
          }}
        />
      )}
    </GridContext.Provider>
  );
});
