import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppendixGroup, ColumnDef } from '../../../../../electron/core/model/types';
import { withProblemLines } from '../../../../../electron/core/model/messages';
import { EditableText } from '../../../components/fields/EditableText';
import { proposalDepth, type DeskFile, type DeskProposal } from './merge-state';
import { ProposalCard } from './ProposalCard';

/** One department's file: its department (editable), warnings, pending proposals and what is already in the plan. */
export function MergeFileCard({ file, columns, groups, busy, onDepartment, onTake, onLeave, onRestore, onEditCell, onClose }: {
  file: DeskFile;
  columns: readonly ColumnDef[];
  groups: readonly AppendixGroup[];
  busy: boolean;
  onDepartment: (name: string) => void;
  onTake: (item: DeskProposal, groupId: number | null) => void;
  onLeave: (item: DeskProposal) => void;
  onRestore: () => void;
  onEditCell: (item: DeskProposal, key: string, text: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const pending = file.proposals.filter((p) => p.state === 'pending' && p.proposal.status !== 'same');
  const same = file.proposals.filter((p) => p.proposal.status === 'same');
  const taken = file.proposals.filter((p) => p.state === 'taken').length;
  const left = file.proposals.filter((p) => p.state === 'left').length;
  // A sub-row's parent: the plan's STT of the row it matches, or the file's while the parent is new.
  const parentOf = (item: DeskProposal) => {
    const link = item.proposal.parent;
    const parent = link ? file.proposals[link.proposal] : undefined;
    if (!link || !parent) return null;
    const inPlan = link.rowId !== undefined || parent.rowId !== undefined;
    return { label: (link.rowId !== undefined && parent.proposal.match?.label) || parent.proposal.label || String(parent.proposal.number), inPlan };
  };
  const count = (s: 'new' | 'changed') => pending.filter((p) => p.proposal.status === s).length;

  return (
    <section className="merge-file" aria-labelledby={`${id}-h`} data-testid="merge-file">
      <div className="merge-file-head">
        <h4 id={`${id}-h`}>{file.fileName}</h4>
        <button type="button" className="link-button" onClick={onClose}>
          {t('merge.closeFile')}
        </button>
      </div>
      {file.otherYear !== null && (
        <div className="merge-other-year" role="alert" data-testid="merge-other-year">
          {t('merge.otherYear', { fileYear: file.otherYear })}{' '}
          <a href={location.hash.replace(/\/[a-z-]+$/, '/rollover')}>{t('merge.toRollover')}</a>
        </div>
      )}
      <div className="merge-dept">
        <label htmlFor={`${id}-d`}>{t('merge.department')}</label>
        <EditableText id={`${id}-d`} value={file.department} onCommit={onDepartment} data-testid="merge-department" />
      </div>
      {file.warnings.length > 0 && (
        <div className="merge-warnings" role="note">
          <p className="notes-title">{t('merge.warnings')}</p>
          <ul>
            {file.warnings.map((w, i) => (
              <li key={i}>{t(w.key, withProblemLines(w.values, (k, v) => t(k, v)))}</li>
            ))}
          </ul>
        </div>
      )}
      <p className="merge-summary" data-testid="merge-summary" aria-live="polite">
        {t('merge.summary', { new: count('new'), changed: count('changed'), same: same.length, taken, left })}
        {left > 0 && (
          <>
            {' '}
            <button type="button" className="link-button" onClick={onRestore}>
              {t('merge.showLeft')}
            </button>
          </>
        )}
      </p>
      {pending.length === 0 ? (
        <p className="muted">{t('merge.nothingPending')}</p>
      ) : (
        <ul className="proposal-list">
          {pending.map((item) => (
            <ProposalCard
              key={item.key}
              item={item}
              parent={parentOf(item)}
              depth={proposalDepth(file, item)}
              columns={columns}
              groups={groups}
              busy={busy}
              onTake={(g) => onTake(item, g)}
              onLeave={() => onLeave(item)}
              onEditCell={(key, text) => onEditCell(item, key, text)}
            />
          ))}
        </ul>
      )}
      {same.length > 0 && (
        <details className="merge-same">
          <summary>{t('merge.sameList', { count: same.length })}</summary>
          <ul>
            {same.map((item) => {
              // Sub-rows indented under their parent, as in the list of proposals above.
              const depth = proposalDepth(file, item);
              return (
                <li key={item.key} style={{ marginLeft: `${depth * 1.5}rem` }} data-depth={depth}>
                  {t('merge.sameRow', { number: item.proposal.match?.label || item.proposal.match?.number, text: Object.values(item.proposal.texts)[0] ?? '' })}
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}
