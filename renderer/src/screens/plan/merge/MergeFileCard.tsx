import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agency, AppendixGroup, ColumnDef } from '../../../../../electron/core/model/types';
import type { AgencyChoice } from '../../../../../electron/core/model/merge';
import { withProblemLines } from '../../../../../electron/core/model/messages';
import { cellText } from '../../../../../electron/core/model/text';
import { allRows } from '../../../../../electron/core/model/rows';
import { EditableText } from '../../../components/fields/EditableText';
import { blockers, cardCells, proposalDepth, takeCells, type DeskFile, type DeskProposal } from './merge-state';
import { FileDecisions } from './FileDecisions';
import { ProposalCard } from './ProposalCard';

/** One department's file: its department (editable), warnings, pending proposals and what is already in the plan. */
export function MergeFileCard({ file, columns, groups, directory, busy, onDepartment, onTake, onLeave, onRestore, onEditCell, onColumn, onAgency, onClose }: {
  file: DeskFile;
  columns: readonly ColumnDef[];
  groups: readonly AppendixGroup[];
  /** The plan's agency directory, as it is now (a take may add to it). */
  directory: readonly Agency[];
  onColumn: (caption: string, key: string | null | undefined) => void;
  onAgency: (spelling: string, choice: AgencyChoice | undefined) => void;
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
  // A changed row is shown against the plan's row as it is now (by column key).
  const ourTexts = (rowId: number | undefined): Record<string, string> | null => {
    const row = rowId === undefined ? undefined : allRows(groups).find((v) => v.row.id === rowId)?.row;
    return row ? Object.fromEntries(columns.map((c) => [c.key, cellText(row.cells[c.key], directory)])) : null;
  };

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
      <FileDecisions file={file} columns={columns} directory={directory} onColumn={onColumn} onAgency={onAgency} />
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
              cells={cardCells(file, item, columns, directory)}
              editable={takeCells(file, item)}
              ours={item.proposal.status === 'changed' ? ourTexts(item.proposal.match?.rowId) : null}
              unplaced={Object.entries(item.proposal.unplaced ?? {}).filter(([caption]) => !file.columnChoices[caption]).map(([caption, text]) => ({ caption, text, into: file.columnChoices[caption] }))}
              blockers={blockers(file, item, columns, directory)}
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
