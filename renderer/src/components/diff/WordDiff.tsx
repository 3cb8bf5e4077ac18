/**
 * A word-level diff, readable without colour: removed words are struck through inside <del>, added words
 * underlined inside <ins>, and each carries a hidden "đã xoá:" / "đã thêm:" for screen readers (which do not
 * announce <ins>/<del> by default).
 */
import { useTranslation } from 'react-i18next';
import type { Comparison } from '../../../../electron/core/api/contract';
import './diff.css';

/** The compare module's WordOp, taken from the contract (the renderer may not import compare/). */
export type WordOp = Comparison['fields'][number]['diff'][number];

export function WordDiff({ ops, className }: { ops: readonly WordOp[]; className?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`word-diff ${className ?? ''}`}>
      {ops.map((o, i) =>
        o.op === 'same' ? (
          <span key={i}>{o.text}</span>
        ) : o.op === 'added' ? (
          <ins key={i}>
            <span className="visually-hidden">{t('diff.addedPrefix')}</span>
            {o.text}
            <span className="visually-hidden">{t('diff.end')}</span>
          </ins>
        ) : (
          <del key={i}>
            <span className="visually-hidden">{t('diff.removedPrefix')}</span>
            {o.text}
            <span className="visually-hidden">{t('diff.end')}</span>
          </del>
        ),
      )}
    </span>
  );
}

/** The key shown once above diffs, so the marks mean something to a sighted reader too. */
export function DiffLegend() {
  const { t } = useTranslation();
  return (
    <p className="diff-legend" aria-hidden="true">
      <del>{t('diff.removed')}</del> <ins>{t('diff.added')}</ins>
    </p>
  );
}
