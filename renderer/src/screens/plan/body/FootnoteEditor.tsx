/**
 * Footnotes on rich text, shared by the body's paragraphs and the Decision's articles: the state of a footnote
 * being inserted (Ctrl+Alt+F or the "Chú thích" button, at the caret), its mark after its words, and the list of
 * the paragraph's footnotes under its text. The runs are edited by the pure functions of footnotes.ts; the
 * caller saves the result as one store edit (one undo step).
 */
import type { KeyboardEvent, RefObject } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichText } from '../../../../../electron/core/model/types';
import { EditableText, type EditableTextHandle } from '../../../components/fields/EditableText';
import { isComposing } from '../../../lib/keys';
import { footnoteRuns, insertFootnote, setFootnote } from './footnotes';
import './footnotes.css';

/** Where a footnote is being inserted: run `run`, after its character `at`. */
interface NoteAt {
  run: number;
  at: number;
}

export interface FootnoteEditor {
  /** Where the footnote being inserted goes; null when none is. */
  noteAt: NoteAt | null;
  /** Whether the last insertion was refused (no place for a mark at the caret). */
  refused: boolean;
  /** Starts inserting a footnote at the caret of run `i`'s field. */
  open(i: number): void;
  /** Inserts the footnote `note` at the place `open` took (refused: the field stays, with the reason). */
  add(note: string): void;
  /** Replaces run `i`'s footnote text, or removes it (`note` null). */
  edit(i: number, note: string | null): void;
  cancel(): void;
  /** Handles Ctrl+Alt+F in run `i`'s field (as in Word); true when the key was that. */
  onKey(e: KeyboardEvent, i: number): boolean;
}

/**
 * The footnote editing of one paragraph shown as one field per run (`fields`). `sent` holds the runs as last
 * sent (a second edit before the reload builds on it); `save` sends the new runs as one edit.
 */
export function useFootnotes(
  fields: RefObject<Array<EditableTextHandle | null>>,
  sent: RefObject<RichText>,
  save: (next: RichText) => void,
): FootnoteEditor {
  const [noteAt, setNoteAt] = useState<NoteAt | null>(null);
  const [refused, setRefused] = useState(false);
  const open = (i: number) => {
    const handle = fields.current?.[i];
    const el = handle?.element();
    // The caret's place is read before the typing is saved (saving keeps the text, so the offset holds).
    const at = el?.selectionEnd ?? el?.value.length ?? 0;
    handle?.commit();
    setRefused(false);
    setNoteAt({ run: i, at });
  };
  return {
    noteAt,
    refused,
    open,
    add(note) {
      if (!noteAt || !sent.current) return;
      const next = insertFootnote(sent.current, noteAt.run, noteAt.at, note);
      if (!next) {
        setRefused(note.trim() !== '');
        return;
      }
      save(next);
      setNoteAt(null);
    },
    edit(i, note) {
      if (sent.current) save(setFootnote(sent.current, i, note));
    },
    cancel: () => setNoteAt(null),
    onKey(e, i) {
      if (!((e.ctrlKey || e.metaKey) && e.altKey && !e.shiftKey && e.code === 'KeyF')) return false;
      e.preventDefault();
      open(i);
      return true;
    },
  };
}

/** The raised number after the words a footnote belongs to; its text on hover. */
export function FootnoteMark({ n, note }: { n: number; note: string | undefined }) {
  return (
    <sup className="body-footnote-mark" title={note} data-testid="footnote-mark">
      {n}
    </sup>
  );
}

/** The "Chú thích" button: inserts a footnote at the caret of run `run` (it keeps the focus in the field). */
export function FootnoteButton({ name, run, footnotes }: { name: string; run: number; footnotes: FootnoteEditor }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="tool-footnote" aria-label={t('body.footnote.insertLabel', { name })} title={t('body.footnote.insertLabel', { name })}
      onMouseDown={(e) => e.preventDefault()} onClick={() => footnotes.open(run)} data-testid="footnote-insert">
      {t('body.footnote.insert')}
    </button>
  );
}

/**
 * The paragraph's footnotes under its text, numbered as their marks: each an IME-safe field (saved as the
 * run's footnote) with a delete button; and, while one is being inserted, the field for its text (Enter
 * inserts it at the caret's place as one edit, Escape gives up). Nothing when there is none and none is being made.
 */
export function FootnoteList({ runs, name, footnotes }: { runs: RichText; name: string; footnotes: FootnoteEditor }) {
  const { t } = useTranslation();
  const noted = footnoteRuns(runs);
  const { noteAt, refused } = footnotes;
  if (noted.length === 0 && !noteAt) return null;
  return (
    <div className="body-footnotes" role="group" aria-label={t('body.footnote.listLabel', { name })}>
      {noted.map((ri, n) => (
        <div className="body-footnote" key={`${ri}:${n}`}>
          <sup aria-hidden="true">{n + 1}</sup>
          <EditableText
            className="body-footnote-field"
            value={runs[ri].footnote ?? ''}
            aria-label={t('body.footnote.textLabel', { name, n: n + 1 })}
            data-testid="footnote-text"
            onCommit={(text) => footnotes.edit(ri, text.trim() ? text : null)}
          />
          <button type="button" className="danger" aria-label={t('body.footnote.deleteLabel', { name, n: n + 1 })} title={t('body.footnote.deleteLabel', { name, n: n + 1 })} onClick={() => footnotes.edit(ri, null)}>
            {t('body.delete')}
          </button>
        </div>
      ))}
      {noteAt && (
        <div className="body-footnote is-new">
          <label>
            {t('body.footnote.newLabel')}{' '}
            <input
              // Uncontrolled: Unikey/EVKey own the text while typing; Enter and Escape wait for composition to end.
              autoFocus
              className="body-footnote-field"
              data-testid="footnote-new"
              aria-describedby={refused ? 'footnote-refused' : undefined}
              onKeyDown={(e) => {
                if (isComposing(e)) return;
                if (e.key === 'Enter') {
                  e.preventDefault();
                  footnotes.add(e.currentTarget.value);
                } else if (e.key === 'Escape') {
                  e.preventDefault();
                  footnotes.cancel();
                }
              }}
            />
          </label>{' '}
          <button type="button" onClick={(e) => footnotes.add((e.currentTarget.parentElement?.querySelector('input')?.value) ?? '')} data-testid="footnote-add">
            {t('body.footnote.add')}
          </button>
          <button type="button" onClick={footnotes.cancel}>
            {t('body.footnote.cancel')}
          </button>
          {refused && (
            <span id="footnote-refused" className="field-error" role="alert">
              {t('body.footnote.noPlace')}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
