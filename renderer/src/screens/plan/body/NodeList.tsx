/**
 * One sibling list of the body tree and its nodes: the program's label (I., 1., a), -, +), the text, and
 * the node's tools (kind, heading, move, delete). Every node's row carries its exchange path in data-path,
 * so the preview, the checker and find-and-replace can bring the drafter here.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { BODY_KINDS, type BodyKind, type BodyNode } from '../../../../../electron/core/model/types';
import { NodeText } from './NodeText';
import { nodePath } from './tree';
import type { BodyEditor } from './use-body-editor';

interface ListProps {
  nodes: readonly BodyNode[];
  /** Every node's label under the plan's numbering (bodyLabels): the same labels the preview and DOCX print. */
  labels: ReadonlyMap<BodyNode, string>;
  parentPath: string | null;
  parentName: string | null;
  editor: BodyEditor;
}

export const NodeList = memo(function NodeList({ nodes, labels: all, parentPath, parentName, editor }: ListProps) {
  const { t } = useTranslation();
  const labels = nodes.map((n) => all.get(n) ?? '');
  return (
    <ol className="body-list" role="list">
      {nodes.map((node, i) => {
        // Unnumbered kinds (dash, plus, paragraph) are named by their place, so every field's label is unique.
        const own = t('body.nodeName', { kind: t(`body.kind.${node.kind}`), label: labels[i] && labels[i] !== '-' && labels[i] !== '+' ? labels[i] : String(i + 1) });
        const name = parentName ? `${own} – ${parentName}` : own;
        return (
          <NodeItem
            key={node.id ?? `i${i}`}
            node={node}
            label={labels[i]}
            labels={all}
            path={nodePath(parentPath, i)}
            name={name}
            first={i === 0}
            last={i === nodes.length - 1}
            editor={editor}
          />
        );
      })}
    </ol>
  );
});

function NodeItem({ node, label, labels, path, name, first, last, editor }: {
  node: BodyNode;
  label: string;
  labels: ReadonlyMap<BodyNode, string>;
  path: string;
  name: string;
  first: boolean;
  last: boolean;
  editor: BodyEditor;
}) {
  const id = node.id as number;
  const strong = node.kind === 'part' || node.heading;
  return (
    <li className={`body-node kind-${node.kind}${strong ? ' is-strong' : ''}`} data-node-id={id} data-kind={node.kind}>
      <div className="body-row" data-path={path}>
        <span className="body-label" aria-hidden="true">
          {label}
        </span>
        <NodeText node={node} name={name} editor={editor} tools={<NodeTools node={node} name={name} first={first} last={last} editor={editor} />} />
      </div>
      {node.children.length > 0 && <NodeList nodes={node.children} labels={labels} parentPath={path} parentName={name} editor={editor} />}
    </li>
  );
}

/** Kind, heading, move and delete of one node: in the toolbar under the node while it has the focus. */
function NodeTools({ node, name, first, last, editor }: { node: BodyNode; name: string; first: boolean; last: boolean; editor: BodyEditor }) {
  const { t } = useTranslation();
  const id = node.id as number;
  return (
    <span className="body-tools">
      <select
        aria-label={t('body.kindLabel', { name })}
        value={node.kind}
        onChange={(e) => editor.update(id, { kind: e.target.value as BodyKind })}
      >
        {BODY_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`body.kindOption.${k}`)}
          </option>
        ))}
      </select>
      <button
        type="button"
        aria-pressed={node.heading}
        aria-label={t('body.headingLabel', { name })}
        title={t('body.headingLabel', { name })}
        onClick={() => editor.update(id, { heading: !node.heading })}
      >
        {t('body.heading')}
      </button>
      <button type="button" aria-label={t('body.moveUp', { name })} title={t('body.moveUp', { name })} disabled={first} onClick={() => editor.shift(id, -1, 'end')}>
        ↑
      </button>
      <button type="button" aria-label={t('body.moveDown', { name })} title={t('body.moveDown', { name })} disabled={last} onClick={() => editor.shift(id, 1, 'end')}>
        ↓
      </button>
      <button type="button" className="danger" aria-label={t('body.deleteLabel', { name })} title={t('body.deleteLabel', { name })} onClick={() => editor.remove(id)}>
        {t('body.delete')}
      </button>
    </span>
  );
}
