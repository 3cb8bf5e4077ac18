import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { bodyLabels } from '../../../../../electron/core/model/numbering';
import type { SectionProps } from '../types';
import { NodeList } from './NodeList';
import { NumberingPanel } from './NumberingPanel';
import { useBodyEditor } from './use-body-editor';
import './body.css';

/**
 * The Plan's body, edited in place as an outline: parts, items, points, dashes, plus and paragraphs.
 * The numbering is the program's, in the plan's chosen style per level (bodyLabels, as the preview and the DOCX
 * print it), shown beside each node and never typed; the style is chosen in the numbering panel.
 */
export function BodySection({ opened, session }: SectionProps) {
  const { t } = useTranslation();
  const { body, numbering } = opened.pkg.plan;
  const editor = useBodyEditor(body, session);
  const labels = useMemo(() => bodyLabels(body, numbering), [body, numbering]);
  return (
    <section className="body-editor doc-page" aria-label={t('body.editorLabel')} data-testid="body-editor">
      <p className="body-help">{t('body.help')}</p>
      <NumberingPanel numbering={numbering} session={session} />
      {body.length === 0 ? <p className="empty">{t('body.empty')}</p> : <NodeList nodes={body} labels={labels} parentPath={null} parentName={null} editor={editor} />}
      <p className="body-add">
        <button type="button" onClick={() => editor.addPart()}>
          + {t('body.addPart')}
        </button>
      </p>
    </section>
  );
}
