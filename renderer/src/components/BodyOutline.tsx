import { useTranslation } from 'react-i18next';
import { siblingLabels } from '../../../electron/core/model/numbering';
import type { BodyNode, Plan } from '../../../electron/core/model/types';
import { Lines } from './Field';
import { RichTextView } from './RichTextView';

/** One sibling list; labels (I., 1., a), -, +) come from position, never from the data. */
function NodeList({ nodes, depth }: { nodes: readonly BodyNode[]; depth: number }) {
  const labels = siblingLabels(nodes);
  return (
    <ol className={`outline-list depth-${Math.min(depth, 5)}`}>
      {nodes.map((node, i) => (
        <li
          key={node.id ?? i}
          className={`node kind-${node.kind}${node.heading ? ' is-heading' : ''}`}
          data-testid={node.kind === 'part' ? 'body-part' : undefined}
          data-node-id={node.id}
        >
          <p className="node-text">
            {labels[i] && <span className="node-label">{labels[i]}</span>}
            <span className="node-runs">
              <RichTextView text={node.text} />
            </span>
          </p>
          {node.children.length > 0 && <NodeList nodes={node.children} depth={depth + 1} />}
        </li>
      ))}
    </ol>
  );
}

/** The Plan's title block and its body as a numbered tree. */
export function BodyOutline({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  return (
    <article className="doc-page" data-testid="body-outline">
      <header className="doc-title-block">
        {/* Document text, not UI: the documents are Vietnamese whatever the UI language. */}
        <p className="doc-kind">KẾ HOẠCH</p>
        <p className="doc-summary">
          <Lines text={plan.summary} />
        </p>
      </header>
      {plan.body.length === 0 ? <p className="empty">{t('plan.bodyEmpty')}</p> : <NodeList nodes={plan.body} depth={0} />}
    </article>
  );
}
