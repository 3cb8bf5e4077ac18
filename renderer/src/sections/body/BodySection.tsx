import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../types';
import { NodeList } from './NodeList';
import { useBodyEditor } from './use-body-editor';
import './body.css';

/**
 * The Plan's body, edited in place as an outline: parts, items, points, dashes, plus and paragraphs.
 * The numbering is the program's (siblingLabels), shown beside each node and never typed.
 */
export function BodySection({ opened, session }: SectionProps) {
  const { t } = useTranslation();
  const { body } = opened.pkg.plan;
  const editor = useBodyEditor(body, session);
  return (
    <section className="body-editor doc-page" aria-label={t('body.editorLabel')} data-testid="body-editor">
      <p className="body-help">{t('body.help')}</p>
      {body.length === 0 ? <p className="empty">{t('body.empty')}</p> : <NodeList nodes={body} parentPath={null} parentName={null} editor={editor} />}
      <p className="body-add">
        <button type="button" onClick={() => editor.addPart()}>
          + {t('body.addPart')}
        </button>
      </p>
    </section>
  );
}
