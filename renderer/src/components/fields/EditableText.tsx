/**
 * A text field that is safe for Vietnamese input methods (see nd30-format.md, "Vietnamese typing"):
 * uncontrolled, so the browser alone owns the text while typing — Unikey/EVKey's Backspace-then-letter
 * sequences and composition both land exactly as typed; nothing rewrites the value while typing; Enter,
 * Tab and Escape are ignored while composing. The value is committed to the store shortly after typing
 * stops, on Enter (single line) and on blur. When the stored value changes elsewhere (undo, another
 * window) and the field is not being edited, the field shows the new value.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import { isComposing } from '../../lib/keys';
import { holdPendingText } from '../../state/pending-text';

export interface EditableTextProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'defaultValue' | 'onChange'> {
  value: string;
  /** Called with the field's text when it should be saved (the store normalises to NFC). */
  onCommit: (text: string) => void;
  multiline?: boolean;
  /** A <datalist> id for suggestions (single-line only): the browser lists them, it never rewrites the typing. */
  list?: string;
  /** Milliseconds of no typing before an automatic commit. */
  idleMs?: number;
  /**
   * Whether Escape first puts back the last committed text (default). An editor that cancels on its own
   * Escape (the grid's cells) turns this off and gets the key through onKeyCommand.
   */
  escapeReverts?: boolean;
  /** Extra keys for the caller (Enter to add a sibling, Tab to indent…), never called while composing. */
  onKeyCommand?: (e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>, text: string) => void;
}

export interface EditableTextHandle {
  focus(): void;
  commit(): void;
  element(): HTMLTextAreaElement | HTMLInputElement | null;
}

export const EditableText = forwardRef<EditableTextHandle, EditableTextProps>(function EditableText(
  { value, onCommit, multiline = false, idleMs = 500, escapeReverts = true, onKeyCommand, ...rest },
  ref,
) {
  const el = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const committed = useRef(value);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const composing = useRef(false);
  // The text as last typed, kept so that a field removed from the page still saves it.
  const typed = useRef<string | null>(null);
  const release = useRef<(() => void) | null>(null);
  const commitRef = useRef<() => void>(() => undefined);

  const commit = () => {
    if (idle.current) clearTimeout(idle.current);
    idle.current = null;
    release.current?.();
    release.current = null;
    const text = el.current?.value ?? typed.current ?? committed.current;
    typed.current = null;
    if (text !== committed.current) {
      committed.current = text;
      onCommit(text);
    }
  };

  useImperativeHandle(ref, () => ({ focus: () => el.current?.focus(), commit, element: () => el.current }));

  // A new stored value shows only when the user is not in the middle of editing this field.
  useEffect(() => {
    const field = el.current;
    if (!field) return;
    const editing = document.activeElement === field && field.value !== committed.current;
    if (!editing && field.value !== value) field.value = value;
    if (!editing) committed.current = value;
  }, [value]);

  commitRef.current = commit;
  // Removed while holding typed text (a section switch, the editor closed by the program): save it.
  useEffect(() => () => {
    if (idle.current) clearTimeout(idle.current);
    if (release.current) commitRef.current();
  }, []);

  const schedule = () => {
    typed.current = el.current?.value ?? null;
    release.current ??= holdPendingText(() => commitRef.current());
    if (idle.current) clearTimeout(idle.current);
    // Never commit mid-composition: the text is not final yet.
    idle.current = setTimeout(() => (composing.current ? schedule() : commit()), idleMs);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    if (isComposing(e)) return;
    if (e.key === 'Enter' && !multiline && !e.shiftKey) commit();
    if (e.key === 'Escape' && escapeReverts && el.current && el.current.value !== committed.current) {
      el.current.value = committed.current;
      e.preventDefault();
      return;
    }
    onKeyCommand?.(e, el.current?.value ?? '');
  };

  const common = {
    ...rest,
    ref: el,
    defaultValue: value,
    onInput: schedule,
    onBlur: (e: React.FocusEvent<HTMLTextAreaElement & HTMLInputElement>) => {
      commit();
      rest.onBlur?.(e as never);
    },
    onKeyDown,
    onCompositionStart: () => (composing.current = true),
    onCompositionEnd: () => {
      composing.current = false;
      schedule();
    },
    spellCheck: false,
  };
  return multiline ? <textarea rows={Math.min(12, Math.max(2, Math.ceil(value.length / 90)))} {...common} /> : <input type="text" {...(common as object)} />;
});
