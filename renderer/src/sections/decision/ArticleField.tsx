import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { plainText } from '../../../../electron/core/model/text';
import type { RichText } from '../../../../electron/core/model/types';
import { EditableText } from '../../components/fields/EditableText';
import { RichTextView } from '../../components/RichTextView';
import type { PlanSession } from '../../state/plan-session';
import type { ItemFieldProps } from './EditableList';
import { quietly } from './commit';

/**
 * The text of one article. An article of one run is edited as text and keeps that run's bold/italic. An article
 * of several runs (some words bold) is shown as formatted; editing it is a deliberate step, warned about, and
 * stores it as one plain run: this form does not edit formatting.
 */
export function ArticleField({ article, index, field, session }: { article: RichText; index: number; field: ItemFieldProps; session: PlanSession }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const formatted = article.length > 1;
  const commit = (text: string) => {
    const run = formatted ? { text } : { ...(article[0] ?? {}), text };
    void quietly(session.edit('updateListItem', 'decision.articles', index, [run]));
  };

  if (formatted && !editing) {
    return (
      <div className="article-formatted">
        <div className="doc article-preview" data-path={field.path} tabIndex={-1}>
          <RichTextView text={article} />
        </div>
        <p className="hint">{t('decisionForm.article.formatted')}</p>
        <button type="button" onClick={() => setEditing(true)} aria-label={`${t('decisionForm.article.editPlain')}: ${field.label}`}>
          {t('decisionForm.article.editPlain')}
        </button>
      </div>
    );
  }
  return (
    <>
      <EditableText
        className="doc-input"
        value={plainText(article)}
        multiline
        autoFocus={formatted}
        aria-label={field.label}
        data-path={field.path}
        onKeyCommand={field.onKeyCommand}
        onCommit={commit}
      />
      {formatted && (
        <>
          <p className="hint">{t('decisionForm.article.formatted')}</p>
          <button type="button" onClick={() => setEditing(false)}>
            {t('decisionForm.article.stopEdit')}
          </button>
        </>
      )}
    </>
  );
}
