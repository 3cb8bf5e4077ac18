/**
 * The editor of a text cell, opened over the cell (Enter, F2, double-click). It is the IME-safe
 * EditableText: nothing rewrites the text while typing. Enter saves and closes (Shift+Enter is a new
 * line), Tab saves and goes on, Escape undoes the typing and then closes.
 */
import { useEffect, useRef } from 'react';
import { EditableText, type EditableTextHandle } from '../../components/fields/EditableText';

export type EditorExit = 'stay' | 'next' | 'prev';

export function TextCellEditor({ value, label, listId, multiline, onCommit, onDone }: {
  value: string;
  label: string;
  /** A datalist of suggestions (deadlines); single-line fields only. */
  listId?: string;
  multiline: boolean;
  onCommit: (text: string) => void;
  onDone: (exit: EditorExit) => void;
}) {
  const ref = useRef<EditableTextHandle>(null);
  const done = useRef(false);

  useEffect(() => {
    const el = ref.current?.element();
    if (!el) return;
    el.focus();
    const end = el.value.length;
    el.setSelectionRange(end, end);
  }, []);

  const finish = (exit: EditorExit) => {
    if (done.current) return;
    done.current = true;
    ref.current?.commit();
    onDone(exit);
  };

  return (
    <EditableText
      ref={ref}
      className="ax-cell-input"
      value={value}
      multiline={multiline}
      aria-label={label}
      {...(listId ? ({ list: listId } as object) : {})}
      onCommit={onCommit}
      onBlur={() => finish('stay')}
      onKeyCommand={(e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.altKey) {
          e.preventDefault();
          finish('stay');
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish('stay');
        } else if (e.key === 'Tab') {
          e.preventDefault();
          finish(e.shiftKey ? 'prev' : 'next');
        }
      }}
    />
  );
}
