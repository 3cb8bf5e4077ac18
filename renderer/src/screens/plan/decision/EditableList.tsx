import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListItem } from '../../../../../electron/core/api/contract';
import type { PlanSession } from '../../../state/plan-session';
import { quietly } from './commit';
import { byPath, focusWhenShown } from './focus-when-shown';

/** What an item's text field needs from the list: its path, its label, and the keys that move it. */
export interface ItemFieldProps {
  path: string;
  label: string;
  onKeyCommand: (e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => void;
}

const FIELD = 'input, textarea';

/**
 * An ordered list of the package (legal bases, recipients, articles) edited item by item: add, remove, and
 * reorder by the Up/Down buttons, Alt+↑/Alt+↓ inside an item, or HTML5 drag and drop on the ⠿ handle. Every
 * change is one store edit (insert/update/remove/moveListItem), so each is one undo step. Items are keyed by
 * position: after a move the fields stay put and show their new text once the plan reloads.
 */
export function EditableList<T extends ListItem>({ list, items, session, itemName, marker, renderItem, newItem, addLabel, testId }: {
  list: string;
  items: readonly T[];
  session: PlanSession;
  /** How an item is named in labels: "căn cứ 3". */
  itemName: (n: number) => string;
  /** What the program prints before an item: "Điều 1.", "- ". */
  marker?: (index: number) => ReactNode;
  renderItem: (item: T, index: number, field: ItemFieldProps) => ReactNode;
  newItem: T;
  addLabel: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const listRef = useRef<HTMLOListElement>(null);
  const dragFrom = useRef<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const pathOf = (i: number) => `${list}[${i}]`;

  const fieldAt = (i: number) => listRef.current?.children[i]?.querySelector<HTMLElement>(FIELD) ?? null;

  /** Moves an item; the focus follows it (to its field, or to the same button in its new row). */
  const move = (from: number, to: number, focus: 'field' | 'up' | 'down' | null) => {
    if (to < 0 || to >= items.length || from === to) return;
    // Blurring commits the item's pending typing first (EditableText commits on blur), so it lands before the move.
    const active = document.activeElement as HTMLElement | null;
    if (active && listRef.current?.contains(active)) active.blur();
    void quietly(session.edit('moveListItem', list, from, to));
    if (focus === 'field') fieldAt(to)?.focus();
    else if (focus) {
      const row = listRef.current?.children[to];
      const wanted = row?.querySelector<HTMLButtonElement>(`button[data-action="${focus}"]`);
      const other = row?.querySelector<HTMLButtonElement>(`button[data-action="${focus === 'up' ? 'down' : 'up'}"]`);
      // At the top or bottom the same button is disabled: the other one keeps the focus in the row.
      const atEdge = (focus === 'up' && to === 0) || (focus === 'down' && to === items.length - 1);
      (atEdge ? other : wanted)?.focus();
    }
  };

  const remove = (i: number) => {
    void quietly(session.edit('removeListItem', list, i));
    // The field that takes its place, else the one before, else the Add button.
    const next = i < items.length - 1 ? i : i - 1;
    if (next >= 0) fieldAt(next)?.focus();
    else listRef.current?.parentElement?.querySelector<HTMLElement>('.list-add')?.focus();
  };

  const add = () => {
    const index = items.length;
    void quietly(session.edit('insertListItem', list, index, newItem)).then(() => focusWhenShown(byPath(pathOf(index))));
  };

  const keyCommand = (i: number) => (e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      move(i, e.key === 'ArrowUp' ? i - 1 : i + 1, 'field');
    }
  };

  return (
    <div className="edit-list" data-testid={testId}>
      {items.length === 0 ? (
        <p className="empty-value">{t('decisionForm.list.empty')}</p>
      ) : (
        <ol ref={listRef} className="edit-list-items" data-path={list}>
          {items.map((item, i) => {
            const name = itemName(i + 1);
            return (
              <li
                key={i}
                className={`edit-list-item${dropAt === i ? ' is-drop-target' : ''}`}
                data-index={i}
                onDragOver={(e) => {
                  // Only a drag that started in this very list may drop here.
                  if (dragFrom.current === null) return;
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  if (dropAt !== i) setDropAt(i);
                }}
                onDragLeave={() => setDropAt((at) => (at === i ? null : at))}
                onDrop={(e) => {
                  if (dragFrom.current === null) return;
                  e.preventDefault();
                  const from = dragFrom.current;
                  dragFrom.current = null;
                  setDropAt(null);
                  move(from, i, null);
                }}
              >
                <span
                  className="drag-handle"
                  draggable
                  title={t('decisionForm.list.drag', { item: name })}
                  aria-hidden="true"
                  data-testid="drag-handle"
                  onDragStart={(e) => {
                    dragFrom.current = i;
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', name);
                    const row = e.currentTarget.parentElement;
                    if (row) e.dataTransfer.setDragImage(row, 12, 12);
                  }}
                  onDragEnd={() => {
                    dragFrom.current = null;
                    setDropAt(null);
                  }}
                >
                  ⠿
                </span>
                {marker && <span className="item-marker doc">{marker(i)}</span>}
                <div className="item-field">{renderItem(item, i, { path: pathOf(i), label: name, onKeyCommand: keyCommand(i) })}</div>
                <span className="item-buttons">
                  <button type="button" disabled={i === 0} aria-label={t('decisionForm.list.moveUpOf', { item: name })} title={t('decisionForm.list.moveUpOf', { item: name })} onClick={() => move(i, i - 1, 'up')} data-action="up">
                    <span aria-hidden="true">↑</span>
                  </button>
                  <button type="button" disabled={i === items.length - 1} aria-label={t('decisionForm.list.moveDownOf', { item: name })} title={t('decisionForm.list.moveDownOf', { item: name })} onClick={() => move(i, i + 1, 'down')} data-action="down">
                    <span aria-hidden="true">↓</span>
                  </button>
                  <button type="button" className="list-remove" aria-label={t('decisionForm.list.removeOf', { item: name })} title={t('decisionForm.list.removeOf', { item: name })} onClick={() => remove(i)} data-action="remove">
                    <span aria-hidden="true">✕</span>
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <div className="edit-list-foot">
        <button type="button" className="list-add" onClick={add}>
          + {addLabel}
        </button>
        {items.length > 1 && <span className="hint">{t('decisionForm.list.keyboardHint')}</span>}
      </div>
    </div>
  );
}
