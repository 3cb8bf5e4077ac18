/**
 * The text of one body node. One run: one IME-safe field, saved as one run that keeps its bold/italic.
 * Several runs (mixed emphasis): one field per run, set inline so they read as one paragraph, each saved
 * into its own run, so no emphasis is ever lost. Ctrl+B/I and the B/I buttons change only the selected
 * words (the run is split around them, see emphasis.ts), or the caret's whole run. Structural keys (Enter, Tab, Alt+↑/↓, Ctrl+B/I) reach us
 * through EditableText's onKeyCommand, which is never called while an input method is composing.
 */
import { Fragment, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyNode, RichText, Run } from '../../../../../electron/core/model/types';
import { EditableText, type EditableTextHandle } from '../../../components/fields/EditableText';
import { useRefocusRun } from '../../../components/fields/use-refocus-run';
import { toggleEmphasis, type EmphasisFlag } from './emphasis';
import { footnoteRuns } from './footnotes';
import { FootnoteButton, FootnoteList, FootnoteMark, useFootnotes } from './FootnoteEditor';
import { runIsBold } from './tree';
import type { BodyEditor, Caret } from './use-body-editor';

type FieldEvent = KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>;

function styleKey(bold: boolean, italic: boolean): string {
  if (bold && italic) return 'boldItalic';
  if (bold) return 'bold';
  return italic ? 'italic' : 'plain';
}

/** `tools` (kind, heading, move, delete) join the bold/italic buttons in the toolbar under the focused node. */
export function NodeText({ node, name, editor, tools }: { node: BodyNode; name: string; editor: BodyEditor; tools: ReactNode }) {
  const { t } = useTranslation();
  const id = node.id as number;
  const runs: RichText = node.text.length ? node.text : [{ text: '' }];
  // The runs as last sent: a second run's edit must not resend the first run's old text before the reload.
  const sent = useRef<RichText>(runs);
  useEffect(() => {
    sent.current = node.text.length ? node.text : [{ text: '' }];
  }, [node.text]);
  const fields = useRef<Array<EditableTextHandle | null>>([]);
  // Escape, then Tab, leaves the field the usual way: Tab is indentation otherwise (no keyboard trap).
  const escaped = useRef(false);

  const saveRun = (i: number, text: string) => {
    const next = sent.current.map((r, j) => (j === i ? { ...r, text } : r));
    sent.current = next;
    editor.setText(id, next);
  };

  // The run the caret is in, for the buttons' state and target.
  const [caretRun, setCaretRun] = useState(0);
  // After a split, the field that holds the changed words gets the focus back once the runs reload.
  const refocus = useRefocusRun(fields, node.text);

  /** Bold/italic on the selected words of run `i` only (the whole run when nothing is selected). */
  const toggle = (i: number, flag: EmphasisFlag) => {
    const el = fields.current[i]?.element();
    fields.current[i]?.commit();
    const start = el?.selectionStart ?? 0;
    const end = el?.selectionEnd ?? start;
    const isOn = (run: Run) => (flag === 'bold' ? runIsBold(node, run) : Boolean(run.italic));
    const { runs: next, at } = toggleEmphasis(sent.current, i, start, end, flag, isOn);
    if (next.length !== sent.current.length) refocus.current = at;
    sent.current = next;
    editor.setText(id, next);
  };

  // Ctrl+Alt+F or the button: a footnote at the caret, saved with the runs as one edit.
  const footnotes = useFootnotes(fields, sent, (next) => {
    sent.current = next;
    editor.setText(id, next);
  });

  const onKey = (i: number) => (e: FieldEvent, text: string) => {
    const el = e.currentTarget;
    const collapsed = el.selectionStart === el.selectionEnd;
    const caret: Caret = el.selectionStart ?? 'end';
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    const wasEscaped = escaped.current;
    escaped.current = e.key === 'Escape';

    if (e.key === 'Enter' && plain && !e.shiftKey) {
      // A body paragraph holds no line breaks: Enter makes a new node instead.
      e.preventDefault();
      const last = i === runs.length - 1;
      const at = el.selectionStart ?? text.length;
      if (runs.length === 1) {
        // Split at the caret: the head stays, the tail (same emphasis) goes into the new sibling.
        const head = text.slice(0, at);
        const tail = text.slice(el.selectionEnd ?? at);
        if (head !== text) el.value = head;
        fields.current[i]?.commit();
        editor.addSiblingAfter(id, null, [{ ...sent.current[0], text: tail }]);
      } else if (last && collapsed && at === text.length) {
        fields.current[i]?.commit();
        editor.addSiblingAfter(id, null, [{ text: '' }]);
      }
      return;
    }
    if (e.key === 'Tab' && !e.ctrlKey && !e.altKey && !e.metaKey && !wasEscaped) {
      fields.current[i]?.commit();
      const done = e.shiftKey ? editor.outdent(id, caret) : editor.indent(id, caret);
      if (done) e.preventDefault();
      return;
    }
    if (e.altKey && !e.ctrlKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      fields.current[i]?.commit();
      editor.shift(id, e.key === 'ArrowUp' ? -1 : 1, caret);
      return;
    }
    // Ctrl+Alt+F inserts a footnote at the caret, as in Word.
    if (footnotes.onKey(e, i)) return;
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key.toLowerCase() === 'b' || e.key.toLowerCase() === 'i')) {
      e.preventDefault();
      toggle(i, e.key.toLowerCase() === 'b' ? 'bold' : 'italic');
      return;
    }
    // Runs read as one line of text: the arrows cross from one run's field to the next.
    if (plain && !e.shiftKey && collapsed && runs.length > 1) {
      const target = e.key === 'ArrowRight' && el.selectionEnd === text.length ? i + 1 : e.key === 'ArrowLeft' && el.selectionStart === 0 ? i - 1 : -1;
      const next = fields.current[target]?.element();
      if (target >= 0 && next) {
        e.preventDefault();
        next.focus();
        const pos = target > i ? 0 : next.value.length;
        next.setSelectionRange(pos, pos);
      }
    }
  };

  const single = runs.length === 1;
  const noted = footnoteRuns(runs);
  return (
    <>
      <div className={single ? 'body-text' : 'body-text body-runs'} data-runs={runs.length}>
        {runs.map((run, i) => {
          const bold = runIsBold(node, run);
          const italic = Boolean(run.italic);
          const label = single
            ? t('body.textLabel', { name })
            : t('body.runLabel', { name, n: i + 1, total: runs.length, style: t(`body.style.${styleKey(bold, italic)}`) });
          const mark = noted.indexOf(i);
          return (
            <Fragment key={i}>
            <EditableText
              ref={(h) => {
                fields.current[i] = h;
              }}
              multiline
              rows={1}
              value={run.text}
              className={`body-field${bold ? ' is-bold' : ''}${italic ? ' is-italic' : ''}`}
              aria-label={label}
              data-run={i}
              onFocus={() => setCaretRun(i)}
              onCommit={(text) => saveRun(i, text)}
              onKeyCommand={onKey(i)}
            />
            {mark >= 0 && <FootnoteMark n={mark + 1} note={run.footnote} />}
            </Fragment>
          );
        })}
      </div>
      <FootnoteList runs={runs} name={name} footnotes={footnotes} />
      {/* Under the focused node only: the text keeps the full width the rest of the time. */}
      <div className="body-toolbar" role="group" aria-label={t('body.tools', { name })}>
        {/* The buttons act on the selection of the field the caret is in, and show that run's state. */}
        <button type="button" className="tool-b" aria-pressed={runIsBold(node, runs[Math.min(caretRun, runs.length - 1)])} aria-label={t('body.boldLabel', { name })} title={t('body.boldLabel', { name })}
          onMouseDown={(e) => e.preventDefault()} onClick={() => toggle(Math.min(caretRun, runs.length - 1), 'bold')}>
          B
        </button>
        <button type="button" className="tool-i" aria-pressed={Boolean(runs[Math.min(caretRun, runs.length - 1)].italic)} aria-label={t('body.italicLabel', { name })} title={t('body.italicLabel', { name })}
          onMouseDown={(e) => e.preventDefault()} onClick={() => toggle(Math.min(caretRun, runs.length - 1), 'italic')}>
          I
        </button>
        <FootnoteButton name={name} run={Math.min(caretRun, runs.length - 1)} footnotes={footnotes} />
        {tools}
      </div>
    </>
  );
}
