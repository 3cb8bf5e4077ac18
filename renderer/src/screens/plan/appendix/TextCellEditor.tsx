/**
 * The editor of a text cell, opened in its cell (Enter, F2, double-click, or a typed character, which then
 * replaces the content as in a spreadsheet). It is the IME-safe EditableText: nothing rewrites the text
 * while typing. Enter saves and moves down (Shift+Enter or Alt+Enter is a new line), Tab saves and moves
 * right (Shift+Tab left), Escape puts back the value the cell had when the editor opened and closes, and a
 * click elsewhere saves into this cell's own row and leaves the focus where the click put it.
 */
import { useLayoutEffect, useRef } from 'react';
import { EditableText, type EditableTextHandle } from '../../../components/fields/EditableText';
import type { EditorExit } from './grid-keys';

export type { EditorExit } from './grid-keys';

export function TextCellEditor({ value, label, listId, multiline, replace = false, onCommit, onDone }: {
  value: string;
  label: string;
  /** A datalist of suggestions (deadlines); single-line fields only. */
  listId?: string;
  multiline: boolean;
  /** Opened by a typed character: start empty (the character follows), Escape brings the value back. */
  replace?: boolean;
  onCommit: (text: string) => void;
  onDone: (exit: EditorExit) => void;
}) {
  const ref = useRef<EditableTextHandle>(null);
  const done = useRef(false);
  const initial = useRef(value);

  // Layout effect: the editor must hold the focus before the keydown that opened it ends, so that the
  // browser (or the input method) puts the typed character here.
  useLayoutEffect(() => {
    const el = ref.current?.element();
    if (!el) return;
    el.focus({ preventScroll: true });
    if (replace) el.value = '';
    const end = el.value.length;
    el.setSelectionRange(end, end);
  }, [replace]);

  const finish = (exit: EditorExit) => {
    if (done.current) return;
    done.current = true;
    ref.current?.commit();
    onDone(exit);
  };

  const cancel = () => {
    if (done.current) return;
    const el = ref.current?.element();
    // An idle commit may already have saved part of the typing: committing the old value puts it back.
    if (el) el.value = initial.current;
    finish('stay');
  };

  return (
    <EditableText
      ref={ref}
      className="ax-cell-input"
      value={value}
      multiline={multiline}
      escapeReverts={false}
      aria-label={label}
      {...(listId ? ({ list: listId } as object) : {})}
      onCommit={onCommit}
      onBlur={() => finish('blur')}
      onKeyCommand={(e) => {
        if (e.key === 'Enter' && e.altKey && multiline) {
          e.preventDefault();
          document.execCommand('insertText', false, '\n');
        } else if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.ctrlKey) {
          e.preventDefault();
          finish('down');
        } else if (e.key === 'Enter' && e.shiftKey && !multiline) {
          e.preventDefault();
          finish('up');
        } else if (e.key === 'Escape') {
          e.preventDefault();
          cancel();
        } else if (e.key === 'Tab') {
          e.preventDefault();
          finish(e.shiftKey ? 'prev' : 'next');
        }
      }}
    />
  );
}
