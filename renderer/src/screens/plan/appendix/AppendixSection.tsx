/**
 * The appendix editor: toolbar, filter, the columns panel, the windowed grid and the find-and-replace
 * dialog. It owns the edits (through the plan session) and shows row moves at once, before the store
 * answers, so that Alt+↓ pressed several times moves the row step by step.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppendixGroup, CellValue } from '../../../../../electron/core/model/types';
import { MAX_ROW_DEPTH, allRows, rowAt } from '../../../../../electron/core/model/rows';
import { StatusMessage } from '../../../components/StatusMessage';
import { errorMessage } from '../../../lib/errors';
import type { SectionProps } from '../types';
import { ColumnsPanel } from './ColumnsPanel';
import { FilterBar } from './FilterBar';
import { FindDialog } from './FindDialog';
import { Grid, type GridCommands, type GridHandle } from './Grid';
import type { CellId } from './grid-context';
import {
  NO_FILTER, applyMove, buildItems, deadlineSuggestions, descendantCount, filterActive, indentProblem, locateRow, moveTarget, subRowProblem, subtreeHeight,
  type GridFilter, type RowTarget,
} from './grid-model';
import { useFoldedRows } from './fold-memory';
import { onReveal, parseAppendixPath, takeReveal } from './reveal';
import { looksLikeBlock, rowsFromBlock } from './tsv';
import { MoveToGroupDialog } from './MoveToGroupDialog';
import './appendix.css';

/** True when no cell of the row holds anything (a row just inserted). */
function rowIsEmpty(cells: Record<string, CellValue>): boolean {
  return Object.values(cells).every((v) => (Array.isArray(v) ? v.length === 0 : typeof v !== 'string' || v.trim() === ''));
}

export function AppendixSection({ opened, session, goTo }: SectionProps) {
  const { t } = useTranslation();
  const { pkg, summary } = opened;
  const appendix = pkg.appendix;
  const deadlineListId = `${useId()}-deadlines`;
  const grid = useRef<GridHandle>(null);
  const [filter, setFilter] = useState<GridFilter>(NO_FILTER);
  const [columnsOpen, setColumnsOpen] = useState(false);
  const [findOpen, setFindOpen] = useState(false);
  const [note, setNote] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  const [active, setActive] = useState<CellId | null>(null);
  const activeRef = useRef(active);
  activeRef.current = active;
  const [moving, setMoving] = useState<number | null>(null);
  // Rows whose sub-rows are folded away: view state of this window, never stored; kept per plan across section switches.
  const [collapsed, setCollapsed] = useFoldedRows(summary.id);
  // The filter line shows on demand (and while a filter is set), so the grid keeps the height.
  const [filterOpen, setFilterOpen] = useState(false);

  // Row moves show at once; the store's answer (a reload) replaces this local copy.
  const [local, setLocal] = useState<{ src: readonly AppendixGroup[]; groups: readonly AppendixGroup[] }>({ src: appendix.groups, groups: appendix.groups });
  let groups = local.groups;
  if (local.src !== appendix.groups) {
    groups = appendix.groups;
    setLocal({ src: appendix.groups, groups });
  }
  const groupsRef = useRef(groups);
  groupsRef.current = groups;

  const visible = useMemo(() => appendix.columns.filter((c) => !c.hidden), [appendix.columns]);
  const items = useMemo(() => buildItems(groups, appendix.columns, filter, appendix.numbering, collapsed), [groups, appendix.columns, filter, appendix.numbering, collapsed]);
  const total = summary.rowCount;
  // Rows shown only as the parents of a match are not counted as matches.
  const shown = useMemo(() => items.reduce((n, it) => n + (it.kind === 'row' && !it.context ? 1 : 0), 0), [items]);
  const firstTextColumn = visible.find((c) => c.kind !== 'number')?.key ?? '';

  const fail = useCallback((e: unknown) => setNote({ kind: 'error', text: errorMessage(e, t) }), [t]);
  /** A tree rule refused a gesture before it was sent (`errors.row.*`): said, nothing sent. */
  const refuse = useCallback((code: string) => setNote({ kind: 'info', text: t(`errors.${code}`, { max: MAX_ROW_DEPTH }) }), [t]);
  const fold = useCallback((rowId: number, open?: boolean) => setCollapsed((c) => {
    const shut = open === undefined ? !c.has(rowId) : !open;
    if (shut === c.has(rowId)) return c;
    const next = new Set(c);
    if (shut) next.add(rowId);
    else next.delete(rowId);
    return next;
  }), []);

  const commands: GridCommands = useMemo(() => {
    const move = (rowId: number, to: RowTarget) => {
      const at = locateRow(groupsRef.current, rowId);
      const target = groupsRef.current[to.g];
      if (!at || !target) return;
      if (to.parentId !== null) {
        // Under another row: the depth rule first (the subtree must stay within MAX_ROW_DEPTH levels).
        const parent = locateRow(groupsRef.current, to.parentId);
        const height = subtreeHeight(at.row);
        if (!parent || parent.g !== to.g) return;
        if (parent.path.length + height > MAX_ROW_DEPTH) return refuse('row.tooDeep');
      }
      setLocal((l) => ({ ...l, groups: applyMove(l.groups, rowId, to) }));
      // A move at the top level keeps the long-standing method (its undo says "chuyển dòng N").
      if (to.parentId === null) session.edit('moveRow', rowId, target.id!, to.index).catch(() => undefined);
      else session.edit('placeRow', rowId, target.id!, to.parentId, to.index).catch(() => undefined);
    };
    const showNew = (rowId: number) => grid.current?.show({ kind: 'row', rowId, col: firstTextColumn }, true);
    return {
      moveRow: move,
      moveRowBy: (rowId, dir) => {
        const to = moveTarget(groupsRef.current, rowId, dir);
        if (to) move(rowId, to);
      },
      insertRow: (g, index) => {
        const group = groupsRef.current[g];
        if (!group) return;
        session.edit('insertRow', group.id!, index, {}).then(showNew, () => undefined);
      },
      insertBelow: (rowId) => {
        const at = locateRow(groupsRef.current, rowId);
        if (!at) return;
        if (at.parentId === null) session.edit('insertRow', groupsRef.current[at.g].id!, at.index + 1, {}).then(showNew, () => undefined);
        else session.edit('insertSubRows', at.parentId, at.index + 1, [{}]).then((ids) => ids[0] && showNew(ids[0]), () => undefined);
      },
      insertChild: (rowId) => {
        const at = locateRow(groupsRef.current, rowId);
        if (!at) return;
        const problem = subRowProblem(groupsRef.current, rowId);
        if (problem) return refuse(problem);
        fold(rowId, true);
        session.edit('insertSubRows', rowId, at.row.children?.length ?? 0, [{}]).then((ids) => ids[0] && showNew(ids[0]), () => undefined);
      },
      indentRow: (rowId, dir) => {
        const at = locateRow(groupsRef.current, rowId);
        if (!at) return;
        const problem = dir === 1 ? indentProblem(groupsRef.current, rowId) : at.parentId === null ? 'row.topLevel' : null;
        if (problem) return refuse(problem);
        // The new parent shows its new sub-row: a folded row above is unfolded.
        if (dir === 1) {
          const above = at.siblings[at.index - 1];
          if (above?.id !== undefined) fold(above.id, true);
        }
        session.edit('indentRow', rowId, dir).catch(() => undefined);
      },
      foldRow: (rowId, open) => {
        const at = locateRow(groupsRef.current, rowId);
        if (!at?.row.children?.length) return;
        fold(rowId, open);
        // The selected cell folded away (the toggle clicked above it): the selection goes to the folded row.
        const sel = activeRef.current;
        if (sel?.kind === 'row' && sel.rowId !== rowId && locateRow([{ title: '', rows: [at.row] }], sel.rowId)) {
          grid.current?.show({ kind: 'row', rowId, col: sel.col });
        }
      },
      deleteRow: (rowId) => {
        const at = locateRow(groupsRef.current, rowId);
        const below = at ? descendantCount(at.row) : 0;
        // A parent goes with its sub-rows: said first, with how many (undo brings all of them back).
        if (below > 0 && !window.confirm(t('appendix.tree.confirmDelete', { count: below }))) return;
        void session.edit('deleteRow', rowId).catch(() => undefined);
      },
      setCell: (rowId: number, key: string, value: CellValue) => void session.edit('setCell', rowId, key, value).catch(() => undefined),
      renameGroup: (groupId, title) => {
        if (title.trim()) void session.edit('renameGroup', groupId, title).catch(() => undefined);
      },
      moveGroup: (g, dir) => {
        const group = groupsRef.current[g];
        if (group && g + dir >= 0 && g + dir < groupsRef.current.length) void session.edit('moveGroup', group.id!, g + dir).catch(() => undefined);
      },
      deleteGroup: (g) => {
        const group = groupsRef.current[g];
        if (!group) return;
        const ok = group.rows.length === 0 || window.confirm(t('appendix.group.confirmDelete', { title: group.title, count: group.rows.length }));
        if (ok) void session.edit('deleteGroup', group.id!).catch(() => undefined);
      },
      addAgency: (name) => session.edit('addAgency', name),
      moveColumn: (key, index) => void session.edit('moveColumn', key, index).catch(() => undefined),
      resizeColumn: (key, width) => void session.edit('updateColumn', key, { width }).catch(() => undefined),
      paste: (text, at) => {
        const gs = groupsRef.current;
        const column = at?.kind === 'row' ? appendix.columns.find((c) => c.key === at.col) : undefined;
        if (looksLikeBlock(text) || (/\n./.test(text.trim()) && column?.kind !== 'text')) {
          const rows = rowsFromBlock(text, appendix.columns.filter((c) => !c.hidden));
          if (rows.length === 0 || gs.length === 0) return false;
          // Pasted rows go below the active row, at the top of the active group, or at the very end.
          let g = gs.length - 1;
          let index = gs[g].rows.length;
          // Pasted onto an empty row (just inserted), the block fills it: it takes the row's place.
          let emptied: number | null = null;
          // Below a sub-row, the block goes in at that row's level (sub-rows of the same parent).
          let parentId: number | null = null;
          if (at?.kind === 'row') {
            const place = locateRow(gs, at.rowId);
            if (place) [g, index, parentId] = [place.g, place.index + 1, place.parentId];
            if (place && !place.row.children?.length && rowIsEmpty(place.row.cells)) [index, emptied] = [place.index, at.rowId];
          } else if (at?.kind === 'group') {
            const gi = gs.findIndex((x) => x.id === at.groupId);
            if (gi >= 0) [g, index] = [gi, 0];
          }
          const sent = parentId === null ? session.edit('insertRows', gs[g].id!, index, rows) : session.edit('insertSubRows', parentId, index, rows);
          sent.then(
            (ids) => {
              if (emptied !== null) void session.edit('deleteRow', emptied).catch(() => undefined);
              setNote({ kind: 'info', text: t('appendix.paste.done', { count: ids.length }) });
              if (ids[0]) grid.current?.show({ kind: 'row', rowId: ids[0], col: firstTextColumn });
            },
            fail,
          );
          return true;
        }
        // One value pasted on a text cell fills it, as in a spreadsheet (line breaks and all).
        if (at?.kind !== 'row' || !column || column.kind !== 'text') return false;
        void session.edit('setCell', at.rowId, column.key, text).catch(() => undefined);
        return true;
      },
    };
  }, [session, appendix.columns, firstTextColumn, t, fail, refuse, fold]);

  const addGroup = () => {
    const at = active?.kind === 'group' ? groups.findIndex((g) => g.id === active.groupId) + 1
      : active?.kind === 'row' ? (locateRow(groups, active.rowId)?.g ?? groups.length - 1) + 1 : groups.length;
    session.edit('addGroup', at, t('appendix.group.newTitle')).then(
      (groupId) => grid.current?.show({ kind: 'group', groupId }, true),
      () => undefined,
    );
  };
  const activeRow = active?.kind === 'row' ? active.rowId : null;
  const insertRow = () => {
    if (groups.length === 0) return;
    if (activeRow !== null && locateRow(groups, activeRow)) return commands.insertBelow(activeRow);
    const gi = active?.kind === 'group' ? groups.findIndex((g) => g.id === active.groupId) : groups.length - 1;
    commands.insertRow(gi, active?.kind === 'group' ? 0 : groups[gi].rows.length);
  };

  // Ctrl+F and Ctrl+H open find and replace in the appendix while it is on screen.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key.toLowerCase() === 'h' || e.key.toLowerCase() === 'f')) {
        e.preventDefault();
        setFindOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A place asked for from elsewhere (a find hit): clear a filter that hides it, then scroll to it.
  useEffect(() => {
    const reveal = () => {
      const path = takeReveal();
      const place = path && parseAppendixPath(path);
      if (!place) return;
      const group = groupsRef.current[place.g];
      if (!group) return;
      setFindOpen(false);
      if (place.path === null) return grid.current?.show({ kind: 'group', groupId: group.id! });
      const row = rowAt(group.rows, place.path);
      if (!row) return;
      setFilter(NO_FILTER);
      // A sub-row folded away is unfolded: every row above it opens.
      const opened = place.path.slice(0, -1).map((_, i) => rowAt(group.rows, place.path!.slice(0, i + 1))?.id);
      setCollapsed((c) => (opened.some((id) => id !== undefined && c.has(id)) ? new Set([...c].filter((id) => !opened.includes(id))) : c));
      grid.current?.show({ kind: 'row', rowId: row.id!, col: place.key ?? firstTextColumn });
    };
    reveal();
    return onReveal(reveal);
  }, [firstTextColumn]);

  const deadlines = useMemo(() => {
    const own = new Set<string>(deadlineSuggestions(pkg.year));
    const col = appendix.columns.find((c) => c.role === 'deadline');
    if (col) for (const { row: r } of allRows(appendix.groups)) {
      const v = r.cells[col.key];
      if (typeof v === 'string' && v.trim() && own.size < 40) own.add(v.trim());
    }
    return [...own];
  }, [pkg.year, appendix.columns, appendix.groups]);

  return (
    <div className="ax-editor" data-testid="appendix-editor">
      <div className="ax-bar">
      <div className="ax-toolbar" role="toolbar" aria-label={t('appendix.toolbar.label')} title={t('appendix.toolbar.keys')}>
        <button type="button" onClick={addGroup}>{t('appendix.toolbar.addGroup')}</button>
        <button type="button" onClick={insertRow} disabled={groups.length === 0} title={t('appendix.toolbar.addRowHint')}>{t('appendix.toolbar.addRow')}</button>
        <button type="button" disabled={activeRow === null} title={t('appendix.toolbar.deleteRowHint')}
          onClick={() => activeRow !== null && commands.deleteRow(activeRow)}>{t('appendix.toolbar.deleteRow')}</button>
        {/* Moves and levels as arrow buttons, one group, so that the toolbar stays one line at 1280 px. */}
        <span className="ax-arrows" role="group" aria-label={t('appendix.tree.arrows')}>
          <button type="button" disabled={activeRow === null} title={t('appendix.toolbar.upHint')} aria-label={t('appendix.toolbar.up')}
            onClick={() => activeRow !== null && commands.moveRowBy(activeRow, -1)}>↑</button>
          <button type="button" disabled={activeRow === null} title={t('appendix.toolbar.downHint')} aria-label={t('appendix.toolbar.down')}
            onClick={() => activeRow !== null && commands.moveRowBy(activeRow, 1)}>↓</button>
          <button type="button" disabled={activeRow === null} title={t('appendix.tree.outdentHint')} aria-label={t('appendix.tree.outdentShort')} data-testid="row-outdent"
            onClick={() => activeRow !== null && commands.indentRow(activeRow, -1)}>←</button>
          <button type="button" disabled={activeRow === null} title={t('appendix.tree.indentHint')} aria-label={t('appendix.tree.indentShort')} data-testid="row-indent"
            onClick={() => activeRow !== null && commands.indentRow(activeRow, 1)}>→</button>
        </span>
        <button type="button" disabled={activeRow === null} title={t('appendix.moveToGroup.hint')}
          onClick={() => setMoving(activeRow)}>{t('appendix.moveToGroup.button')}</button>
        <span className="ax-sep" aria-hidden="true" />
        <button type="button" aria-expanded={columnsOpen} onClick={() => setColumnsOpen((o) => !o)}>{t('appendix.toolbar.columns')}</button>
        <button type="button" onClick={() => setFindOpen(true)} title={t('appendix.toolbar.findHint')}>{t('appendix.toolbar.find')}</button>
        <button type="button" aria-expanded={filterOpen || filterActive(filter)} data-testid="filter-toggle"
          onClick={() => setFilterOpen((o) => !o)}>{t('appendix.filterToggle')}</button>
      </div>
      {(filterOpen || filterActive(filter)) && (
        <FilterBar filter={filter} onChange={setFilter} agencies={pkg.agencies} deadlineListId={deadlineListId} shown={shown} total={total} />
      )}
      </div>
      {note && (
        <StatusMessage kind={note.kind} onDismiss={() => setNote(null)} dismissLabel={t('action.dismiss')}>
          {note.text}
        </StatusMessage>
      )}
      {columnsOpen && <ColumnsPanel columns={appendix.columns} session={session} onClose={() => setColumnsOpen(false)} />}
      <datalist id={deadlineListId}>
        {deadlines.map((d) => <option key={d} value={d} />)}
      </datalist>
      {visible.length === 0 ? (
        <div className="empty">
          <p>{t('appendix.noColumns')}</p>
          <button type="button" onClick={() => setColumnsOpen(true)}>{t('appendix.toolbar.columns')}</button>
        </div>
      ) : groups.length === 0 ? (
        <div className="empty">
          <p>{t('appendix.empty')}</p>
          <button type="button" className="primary" onClick={addGroup}>{t('appendix.toolbar.addGroup')}</button>
        </div>
      ) : filterActive(filter) && shown === 0 ? (
        <p className="empty" data-testid="filter-empty">{t('appendix.filter.none')}</p>
      ) : (
        <Grid
          ref={grid}
          items={items}
          groups={groups}
          columns={visible}
          allColumns={appendix.columns}
          agencies={pkg.agencies}
          deadlineListId={deadlineListId}
          commands={commands}
          onActive={setActive}
        />
      )}
      {moving !== null && (() => {
        const place = locateRow(groups, moving);
        const item = items.find((it) => it.kind === 'row' && it.rowId === moving);
        if (!place) return null;
        return (
          <MoveToGroupDialog number={item?.kind === 'row' ? item.label || item.seq : place.index + 1} from={place.g} groups={groups} onClose={() => setMoving(null)}
            onMove={(tg) => {
              setMoving(null);
              commands.moveRow(moving, { g: tg, parentId: null, index: groups[tg].rows.length });
              grid.current?.show({ kind: 'row', rowId: moving, col: firstTextColumn });
            }} />
        );
      })()}
      {findOpen && <FindDialog opened={opened} session={session} goTo={goTo} onClose={() => setFindOpen(false)} />}
    </div>
  );
}
