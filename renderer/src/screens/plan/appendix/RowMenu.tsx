/**
 * The row's context menu (right click on a row, the Menu key or Shift+F10 on a cell): insert below, insert a
 * sub-row, indent, outdent, collapse or expand, delete — each with its key, and disabled with the reason
 * when the tree's rules refuse it. Arrow keys move between the items, Esc closes and gives the focus back.
 */
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppendixGroup } from '../../../../../electron/core/model/types';
import { MAX_ROW_DEPTH } from '../../../../../electron/core/model/rows';
import type { GridCommands } from './grid-context';
import { indentProblem, subRowProblem, type RowItem } from './grid-model';

interface Entry {
  id: string;
  label: string;
  keys: string;
  /** Why it is refused (shown as the item's tooltip), or null. */
  problem: string | null;
  hidden?: boolean;
  /** Whether the focus goes back to the row afterwards (not for a new row, which takes it). */
  refocus: boolean;
  run: () => void;
}

export function RowMenu({ x, y, item, groups, commands, onClose }: {
  x: number;
  y: number;
  item: RowItem | null;
  groups: readonly AppendixGroup[];
  commands: GridCommands;
  onClose: (refocus: boolean) => void;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState({ left: x, top: y });

  // Kept inside the window: a menu opened near the right or bottom edge opens towards the inside.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    setPlace({ left: Math.max(4, Math.min(x, window.innerWidth - width - 4)), top: Math.max(4, Math.min(y, window.innerHeight - height - 4)) });
    el.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }, [x, y]);

  // A click anywhere else closes it, leaving the focus where the click put it.
  useEffect(() => {
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, [onClose]);

  if (!item) return null;
  const rowId = item.rowId;
  const problem = (code: string | null) => (code ? t(`errors.${code}`, { max: MAX_ROW_DEPTH }) : null);
  const entries: Entry[] = [
    { id: 'insertBelow', label: t('appendix.tree.insertBelow'), keys: 'Ctrl+Enter', problem: null, refocus: false, run: () => commands.insertBelow(rowId) },
    { id: 'insertChild', label: t('appendix.tree.insertChild'), keys: 'Ctrl+Shift+Enter', problem: problem(subRowProblem(groups, rowId)), refocus: false, run: () => commands.insertChild(rowId) },
    { id: 'indent', label: t('appendix.tree.indent'), keys: 'Alt+Shift+→', problem: problem(indentProblem(groups, rowId)), refocus: true, run: () => commands.indentRow(rowId, 1) },
    { id: 'outdent', label: t('appendix.tree.outdent'), keys: 'Alt+Shift+←', problem: item.depth === 0 ? problem('row.topLevel') : null, refocus: true, run: () => commands.indentRow(rowId, -1) },
    { id: 'collapse', label: t('appendix.tree.collapse'), keys: 'Alt+Shift+-', problem: null, hidden: item.childCount === 0 || item.collapsed, refocus: true, run: () => commands.foldRow(rowId, false) },
    { id: 'expand', label: t('appendix.tree.expand'), keys: 'Alt+Shift++', problem: null, hidden: item.childCount === 0 || !item.collapsed, refocus: true, run: () => commands.foldRow(rowId, true) },
    { id: 'delete', label: t('appendix.tree.delete'), keys: 'Ctrl+Delete', problem: null, refocus: false, run: () => commands.deleteRow(rowId) },
  ];

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    e.stopPropagation();
    if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      onClose(true);
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : (at + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]?.focus();
  };

  return (
    <div ref={box} className="ax-menu" role="menu" aria-label={t('appendix.tree.menu', { label: item.label || item.seq })} data-testid="row-menu"
      style={{ left: place.left, top: place.top }} onKeyDown={onKeyDown} onContextMenu={(e) => e.preventDefault()}>
      {entries.filter((en) => !en.hidden).map((en) => (
        <button key={en.id} type="button" role="menuitem" data-action={en.id} disabled={en.problem !== null} title={en.problem ?? undefined}
          onClick={() => {
            onClose(en.refocus);
            en.run();
          }}>
          <span>{en.label}</span>
          <kbd>{en.keys}</kbd>
        </button>
      ))}
    </div>
  );
}
