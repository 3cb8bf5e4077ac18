import { Fragment, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichText, Run } from '../../../../../electron/core/model/types';
import { EditableText, type EditableTextHandle } from '../../../components/fields/EditableText';
import { useRefocusRun } from '../../../components/fields/use-refocus-run';
import type { PlanSession } from '../../../state/plan-session';
import { toggleEmphasis, type EmphasisFlag } from '../body/emphasis';
import { footnoteRuns } from '../body/footnotes';
import { FootnoteButton, FootnoteList, FootnoteMark, useFootnotes } from '../body/FootnoteEditor';
import type { ItemFieldProps } from './EditableList';
import { quietly } from './commit';

/**
 * The text of one article, as its runs: one IME-safe field per run, set inline so they read as one
 * paragraph, each saved into its own run (so no bold or italic is ever lost). Ctrl+B / Ctrl+I change only
 * the selected words (the run is split around them; the whole run when nothing is selected), as in a word
 * processor. Ctrl+Alt+F or the "Chú thích" button inserts a footnote at the caret, as in a body paragraph
 * (printed as a Word footnote); the article's footnotes are listed under its text.
 */
export function ArticleField({ article, index, field, session }: { article: RichText; index: number; field: ItemFieldProps; session: PlanSession }) {
  const { t } = useTranslation();
  const runs: RichText = article.length ? article : [{ text: '' }];
  // The runs as last sent: a second run's edit must not resend the first run's old text before the reload.
  const sent = useRef<RichText>(runs);
  useEffect(() => {
    sent.current = article.length ? article : [{ text: '' }];
  }, [article]);
  const fields = useRef<Array<EditableTextHandle | null>>([]);
  // After a split, the field that holds the changed words gets the focus back once the runs reload.
  const refocus = useRefocusRun(fields, article);

  const save = (next: RichText) => {
    sent.current = next;
    void quietly(session.edit('updateListItem', 'decision.articles', index, next));
  };
  const footnotes = useFootnotes(fields, sent, save);
  // The run the caret was last in: the button inserts there.
  const [caretRun, setCaretRun] = useState(0);

  const toggle = (i: number, flag: EmphasisFlag) => {
    const el = fields.current[i]?.element();
    fields.current[i]?.commit();
    const start = el?.selectionStart ?? 0;
    const end = el?.selectionEnd ?? start;
    const { runs: next, at } = toggleEmphasis(sent.current, i, start, end, flag, (run: Run) => Boolean(run[flag]));
    if (next.length !== sent.current.length) refocus.current = at;
    save(next);
  };

  const onKey = (i: number) => (e: KeyboardEvent<HTMLTextAreaElement | HTMLInputElement>) => {
    const key = e.key.toLowerCase();
    if (footnotes.onKey(e, i)) return;
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (key === 'b' || key === 'i')) {
      e.preventDefault();
      toggle(i, key === 'b' ? 'bold' : 'italic');
      return;
    }
    field.onKeyCommand(e);
  };

  const single = runs.length === 1;
  const noted = footnoteRuns(runs);
  return (
    <>
      <div className={single ? 'article-text' : 'article-text article-runs'} data-runs={runs.length}>
        {runs.map((run, i) => (
          <Fragment key={i}>
            <EditableText
              ref={(h) => {
                fields.current[i] = h;
              }}
              className={`doc-input${single ? '' : ' article-run'}${run.bold ? ' is-bold' : ''}${run.italic ? ' is-italic' : ''}`}
              value={run.text}
              multiline
              rows={single ? undefined : 1}
              aria-label={single ? field.label : t('decisionForm.article.runLabel', { label: field.label, n: i + 1, total: runs.length })}
              {...(i === 0 ? { 'data-path': field.path } : {})}
              onFocus={() => setCaretRun(i)}
              onKeyCommand={onKey(i)}
              onCommit={(text) => save(sent.current.map((r, j) => (j === i ? { ...r, text } : r)))}
            />
            {noted.includes(i) && <FootnoteMark n={noted.indexOf(i) + 1} note={run.footnote} />}
          </Fragment>
        ))}
      </div>
      <FootnoteList runs={runs} name={field.label} footnotes={footnotes} />
      <div className="article-tools">
        <FootnoteButton name={field.label} run={Math.min(caretRun, runs.length - 1)} footnotes={footnotes} />
      </div>
    </>
  );
}
