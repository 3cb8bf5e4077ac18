/**
 * One line of the grid: a task row, a group's header, or a group's "no task yet" note. Rows are memoised
 * and absolutely placed by the windowing list; cells are focusable (one tab stop, the active one) and
 * open their editor, inside the cell so that it never covers a neighbour, on Enter, F2, double-click or a
 * typed character (see grid-keys.ts).
 */
import { memo, useContext, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { toRoman } from '../../../../../electron/core/model/numbering';
import { cellText } from '../../../../../electron/core/model/text';
import type { AppendixGroup, ColumnDef } from '../../../../../electron/core/model/types';
import { EditableText } from '../../../components/fields/EditableText';
import { AgencyCellEditor } from './AgencyCellEditor';
import { GridContext, ROW_TYPE, isMentions } from './grid-context';
import { cellPath, type RowItem } from './grid-model';
import { HANDLE_WIDTH, columnPx } from './GridHeader';
import { TextCellEditor } from './TextCellEditor';

/** Long cells (a pasted megabyte) show their start only; the editor has the whole text. */
const SHOWN_CHARS = 600;

/** Indent of a sub-row's task text per level, in pixels (the toggle's width, so that texts line up). */
const TREE_INDENT = 18;

function dropSide(e: DragEvent): 'before' | 'after' {
  const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
  return e.clientY < box.top + box.height / 2 ? 'before' : 'after';
}

function clearDrop(el: HTMLElement) {
  el.classList.remove('drop-before', 'drop-after');
}

export const TaskRow = memo(function TaskRow({ item, top, height, columns, width, activeCol, editingCol, replace = false, tabbable }: {
  /** The row with its place in the tree, its printed label and whether it is folded. */
  item: RowItem;
  top: number;
  height: number;
  columns: readonly ColumnDef[];
  width: number;
  /** The active column when this row holds the active cell. */
  activeCol: string | null;
  editingCol: string | null;
  /** The editor was opened by a typed character: it starts empty. */
  replace?: boolean;
  /** Whether this row's active cell is the grid's tab stop. */
  tabbable: boolean;
}) {
  const ctx = useContext(GridContext)!;
  // The context's cached texts, not useTranslation: a new language brings new context actions, so rows re-render.
  const t = ctx.text;
  const { row, g, path, depth } = item;
  const rowId = row.id!;
  // What names the row to the drafter and to screen readers: its printed label, or its place when unnumbered.
  const number = item.label || String(item.seq);
  // The tree shows in the first column holding text (the task), as an outline does.
  const treeCol = columns.find((c) => c.kind !== 'number')?.key;
  const onDragOver = (e: DragEvent) => {
    if (!e.dataTransfer.types.includes(ROW_TYPE)) return;
    e.preventDefault();
    const side = dropSide(e);
    e.currentTarget.classList.toggle('drop-before', side === 'before');
    e.currentTarget.classList.toggle('drop-after', side === 'after');
  };
  const onDrop = (e: DragEvent) => {
    clearDrop(e.currentTarget as HTMLElement);
    const moved = Number(e.dataTransfer.getData(ROW_TYPE));
    if (!moved) return;
    e.preventDefault();
    ctx.dropRow(moved, { g, parentId: item.parentId, index: path[path.length - 1] + (dropSide(e) === 'after' ? 1 : 0) });
  };
  return (
    <div
      className={`ax-row${item.context ? ' is-context' : ''}${depth > 0 ? ' is-sub' : ''}${editingCol === null ? ' is-contained' : ''}`}
      role="row"
      aria-rowindex={item.seq}
      aria-level={depth + 1}
      aria-expanded={item.childCount > 0 ? !item.collapsed : undefined}
      data-testid="appendix-row"
      data-row-id={rowId}
      data-group-index={g}
      data-depth={depth}
      data-label={item.label}
      style={{ top, height, width }}
      onDragOver={onDragOver}
      onDragLeave={(e) => clearDrop(e.currentTarget)}
      onDrop={onDrop}
      onContextMenu={(e) => {
        e.preventDefault();
        const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-column]');
        const col = cell?.dataset.column ?? treeCol ?? columns[0]?.key ?? '';
        ctx.activate({ kind: 'row', rowId, col });
        ctx.openMenu(rowId, e.clientX, e.clientY);
      }}
    >
      <div className="ax-cell ax-handle-col" role="gridcell" style={{ width: HANDLE_WIDTH }}>
        <span
          className="ax-grip"
          draggable
          role="button"
          tabIndex={-1}
          aria-label={t('appendix.grid.dragRow', { number })}
          title={t('appendix.grid.dragRowHint')}
          data-testid="row-grip"
          onDragStart={(e) => {
            e.dataTransfer.setData(ROW_TYPE, String(rowId));
            e.dataTransfer.effectAllowed = 'move';
          }}
        >
          ⠿
        </span>
      </div>
      {columns.map((c) => {
        const label = ctx.rowLabel(number, c);
        const value = row.cells[c.key];
        const isActive = activeCol === c.key;
        const editing = editingCol === c.key;
        const common = {
          key: c.key,
          role: 'gridcell',
          'data-column': c.key,
          'data-cell': `r:${rowId}:${c.key}`,
          'data-path': cellPath(g, path, c.key),
          'aria-label': label,
          style: { width: columnPx(c) },
        };
        if (c.kind === 'number') {
          return (
            <div {...common} className={`ax-cell ax-num${isActive ? ' is-active' : ''}`} data-testid="row-number" tabIndex={isActive && tabbable ? 0 : -1}
              onFocus={() => ctx.activate({ kind: 'row', rowId, col: c.key })}>
              {item.label}
            </div>
          );
        }
        const text = cellText(value, ctx.directory());
        const tree = c.key === treeCol;
        return (
          <div
            {...common}
            className={`ax-cell${isActive ? ' is-active' : ''}${editing ? ' is-editing' : ''}${c.role === 'deadline' || c.role === 'note' ? ' ax-center' : ''}`}
            tabIndex={editing ? -1 : isActive && tabbable ? 0 : -1}
            aria-readonly={false}
            onFocus={(e) => {
              if (e.target === e.currentTarget) ctx.activate({ kind: 'row', rowId, col: c.key });
            }}
            onDoubleClick={() => ctx.edit({ kind: 'row', rowId, col: c.key })}
          >
            {tree && (depth > 0 || item.childCount > 0) ? (
              <div className="ax-tree-text" style={{ paddingLeft: depth * TREE_INDENT }}>
                {item.childCount > 0 ? (
                  <button type="button" className="ax-fold" tabIndex={-1} data-testid="row-fold"
                    aria-label={t(item.collapsed ? 'appendix.tree.expandRow' : 'appendix.tree.collapseRow', { number })}
                    title={t(item.collapsed ? 'appendix.tree.expandHint' : 'appendix.tree.collapseHint')}
                    onMouseDown={(e) => e.preventDefault()}
                    onDoubleClick={(e) => e.stopPropagation()}
                    onClick={(e) => {
                      e.stopPropagation();
                      ctx.foldRow(rowId);
                    }}>
                    {item.collapsed ? '▸' : '▾'}
                  </button>
                ) : <span className="ax-fold-space" aria-hidden="true" />}
                <div className="ax-cell-text">{text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text}</div>
                {item.collapsed && (
                  <span className="ax-hidden-count" data-testid="row-hidden-count" title={t('appendix.tree.hiddenHint', { count: item.descendants })}>
                    {t('appendix.tree.hidden', { count: item.descendants })}
                  </span>
                )}
              </div>
            ) : (
              <div className="ax-cell-text">{text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text}</div>
            )}
            {editing && (
              <div className="ax-pop" onDoubleClick={(e) => e.stopPropagation()}>
                {c.kind === 'agencies' ? (
                  <AgencyCellEditor
                    value={isMentions(value) ? value : []}
                    agencies={ctx.agencies()}
                    label={label}
                    onChange={(m) => ctx.setCell(rowId, c.key, m)}
                    addAgency={ctx.addAgency}
                    onDone={ctx.endEdit}
                  />
                ) : (
                  <TextCellEditor
                    value={typeof value === 'string' ? value : text}
                    label={label}
                    multiline={c.role !== 'deadline'}
                    replace={replace}
                    listId={c.role === 'deadline' ? ctx.deadlineListId : undefined}
                    onCommit={(v) => ctx.setCell(rowId, c.key, v)}
                    onDone={ctx.endEdit}
                  />
                )}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
});

export const GroupRow = memo(function GroupRow({ group, g, groupCount, top, height, width, active, editing, tabbable }: {
  group: AppendixGroup;
  g: number;
  groupCount: number;
  top: number;
  height: number;
  width: number;
  active: boolean;
  editing: boolean;
  tabbable: boolean;
}) {
  const ctx = useContext(GridContext)!;
  const { t } = useTranslation();
  const groupId = group.id!;
  const numeral = toRoman(g + 1);
  return (
    <div
      className="ax-row ax-group"
      role="row"
      data-testid="appendix-group"
      data-group-id={groupId}
      style={{ top, height, width }}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(ROW_TYPE)) return;
        e.preventDefault();
        e.currentTarget.classList.add('drop-after');
      }}
      onDragLeave={(e) => clearDrop(e.currentTarget)}
      onDrop={(e) => {
        clearDrop(e.currentTarget);
        const moved = Number(e.dataTransfer.getData(ROW_TYPE));
        if (!moved) return;
        e.preventDefault();
        ctx.dropRow(moved, { g, parentId: null, index: 0 });
      }}
    >
      <div className="ax-cell ax-handle-col ax-numeral" role="rowheader" style={{ width: HANDLE_WIDTH }}>
        {numeral}
      </div>
      <div
        className={`ax-cell ax-group-title${active ? ' is-active' : ''}`}
        role="gridcell"
        data-cell={`g:${groupId}`}
        data-path={`appendix.groups[${g}].title`}
        aria-label={t('appendix.group.titleLabel', { numeral })}
        tabIndex={editing ? -1 : active && tabbable ? 0 : -1}
        onFocus={(e) => {
          if (e.target === e.currentTarget) ctx.activate({ kind: 'group', groupId });
        }}
        onDoubleClick={() => ctx.edit({ kind: 'group', groupId })}
      >
        {editing ? (
          <GroupTitleEditor title={group.title} label={t('appendix.group.titleLabel', { numeral })} onCommit={(v) => ctx.renameGroup(groupId, v)} />
        ) : (
          <span className="ax-group-text">
            <span className="ax-group-numeral" aria-hidden="true">{numeral}. </span>
            {group.title || <em className="muted">{t('appendix.group.untitled')}</em>}
          </span>
        )}
      </div>
      <div className="ax-group-actions" role="gridcell">
        <button type="button" onClick={() => ctx.insertRow(g, 0)} aria-label={t('appendix.group.addRow', { numeral })} title={t('appendix.group.addRow', { numeral })}>
          {t('appendix.group.addRowShort')}
        </button>
        <button type="button" onClick={() => ctx.moveGroup(g, -1)} disabled={g === 0} aria-label={t('appendix.group.up', { numeral })} title={t('appendix.group.up', { numeral })}>↑</button>
        <button type="button" onClick={() => ctx.moveGroup(g, 1)} disabled={g === groupCount - 1} aria-label={t('appendix.group.down', { numeral })} title={t('appendix.group.down', { numeral })}>↓</button>
        <button type="button" onClick={() => ctx.deleteGroup(g)} aria-label={t('appendix.group.delete', { numeral })} title={t('appendix.group.delete', { numeral })}>✕</button>
      </div>
    </div>
  );
});

function GroupTitleEditor({ title, label, onCommit }: { title: string; label: string; onCommit: (v: string) => void }) {
  const ctx = useContext(GridContext)!;
  return (
    <EditableText
      className="ax-group-input"
      value={title}
      aria-label={label}
      autoFocus
      onCommit={onCommit}
      escapeReverts={false}
      onBlur={() => ctx.endEdit('blur')}
      onKeyCommand={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          ctx.endEdit('down');
        } else if (e.key === 'Escape') {
          // Cancel: the title as it was, then back to the selection.
          e.preventDefault();
          const el = e.currentTarget as HTMLInputElement;
          el.value = title;
          ctx.endEdit('stay');
        }
      }}
    />
  );
}

export const EmptyGroupRow = memo(function EmptyGroupRow({ g, top, height, width }: { g: number; top: number; height: number; width: number }) {
  const ctx = useContext(GridContext)!;
  const { t } = useTranslation();
  return (
    <div
      className="ax-row ax-empty"
      role="row"
      style={{ top, height, width }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(ROW_TYPE)) e.preventDefault();
      }}
      onDrop={(e) => {
        const moved = Number(e.dataTransfer.getData(ROW_TYPE));
        if (!moved) return;
        e.preventDefault();
        ctx.dropRow(moved, { g, parentId: null, index: 0 });
      }}
    >
      <div className="ax-cell" role="gridcell">
        {t('appendix.groupEmpty')}{' '}
        <button type="button" className="link-button" onClick={() => ctx.insertRow(g, 0)}>
          {t('appendix.group.addFirst')}
        </button>
      </div>
    </div>
  );
});
