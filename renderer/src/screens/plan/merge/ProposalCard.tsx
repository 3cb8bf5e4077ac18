import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppendixGroup, ColumnDef } from '../../../../../electron/core/model/types';
import { toRoman } from '../../../../../electron/core/model/numbering';
import { WordDiff } from '../../../components/diff/WordDiff';
import { EditableText } from '../../../components/fields/EditableText';
import { defaultGroupId, type DeskProposal } from './merge-state';

/**
 * One pending proposal: what the department sent (for a changed row, the word diff against our row), and
 * take / edit / leave. A new row goes to a chosen group, or under its parent row when the plan has that parent;
 * a changed row replaces the row it matches.
 */
export function ProposalCard({ item, parent, depth = 0, columns, groups, busy, onTake, onLeave, onEditCell }: {
  item: DeskProposal;
  /** The row's depth in the file's tree (0: top level): a sub-row is indented under its parent, as in the grid. */
  depth?: number;
  /** A sub-row's parent (model v2): its STT, and whether the plan has it (matched or taken): then the row goes under it. */
  parent?: { label: string; inPlan: boolean } | null;
  columns: readonly ColumnDef[];
  groups: readonly AppendixGroup[];
  busy: boolean;
  onTake: (groupId: number | null) => void;
  onLeave: () => void;
  onEditCell: (key: string, text: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const p = item.proposal;
  const [groupId, setGroupId] = useState<number | undefined>(() => defaultGroupId(groups, p.group));
  const [editing, setEditing] = useState(false);
  const editBox = useRef<HTMLFieldSetElement>(null);
  // Opening the editor puts the caret in its first field, so the keyboard user lands where the work is.
  useEffect(() => {
    if (editing) editBox.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  }, [editing]);
  const caption = (key: string) => columns.find((c) => c.key === key)?.caption ?? key;
  // STT labels (`1.2.1` for a sub-row) where the file or the plan numbers its rows; the place in the list otherwise.
  const matchNumber = p.match?.label || p.match?.number;
  const title =
    p.status === 'new'
      ? t('merge.newRow', { number: p.label || p.number, group: p.group })
      : t('merge.changedRow', { number: matchNumber, group: p.match?.group, percent: Math.round((p.match?.score ?? 0) * 100) });

  return (
    <li className={`proposal proposal-${p.status}${depth > 0 ? ' is-sub' : ''}`} data-testid="merge-proposal" data-status={p.status} data-depth={depth}
      style={{ marginLeft: `${depth * 1.5}rem` }} aria-labelledby={`${id}-t`}>
      <p className="proposal-head" id={`${id}-t`}>
        {/* The row's STT, as the grid shows it: "1.1.3" for an activity under task 1.1. */}
        <span className="proposal-stt" data-testid="merge-stt" aria-hidden="true">
          {p.status === 'new' ? p.label || p.number : matchNumber}
        </span>{' '}
        <span className="status-tag">
          <span aria-hidden="true">{p.status === 'new' ? '+ ' : '✎ '}</span>
          {t(`merge.status.${p.status}`)}
        </span>{' '}
        {title}
      </p>
      {p.status === 'changed' && p.match ? (
        <dl className="cell-diffs">
          {Object.entries(p.match.diffs).map(([cap, ops]) => (
            <div key={cap} data-testid="merge-diff">
              <dt>{cap}</dt>
              <dd>
                <WordDiff ops={ops} />
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <dl className="cell-diffs">
          {Object.entries(p.texts)
            .filter(([, text]) => text)
            .map(([cap, text]) => (
              <div key={cap}>
                <dt>{cap}</dt>
                <dd>{text}</dd>
              </div>
            ))}
        </dl>
      )}
      {editing && (
        <fieldset className="proposal-edit" ref={editBox}>
          <legend>{t('merge.editLegend')}</legend>
          {Object.keys(item.cells).map((key) => (
            <div key={key} className="proposal-edit-row">
              <label htmlFor={`${id}-${key}`}>{caption(key)}</label>
              <EditableText id={`${id}-${key}`} value={item.cells[key]} onCommit={(text) => onEditCell(key, text)} multiline={columns.find((c) => c.key === key)?.role === 'task'} />
            </div>
          ))}
        </fieldset>
      )}
      <div className="proposal-actions">
        {p.status === 'new' && parent?.inPlan && <span data-testid="merge-under">{t('merge.underParent', { number: parent.label })}</span>}
        {p.status === 'new' && !parent?.inPlan && (
          <>
            {parent && <span data-testid="merge-under">{t('merge.parentFirst', { number: parent.label })}</span>}
            <label htmlFor={`${id}-g`}>{t('merge.intoGroup')}</label>
            <select id={`${id}-g`} value={groupId ?? ''} onChange={(e) => setGroupId(Number(e.target.value))}>
              {groups.map((g, i) => (
                <option key={g.id} value={g.id}>
                  {toRoman(i + 1)}. {g.title}
                </option>
              ))}
            </select>
          </>
        )}
        <button
          type="button"
          className="primary"
          disabled={busy || (p.status === 'new' && !parent?.inPlan && groupId === undefined)}
          onClick={() => onTake(p.status === 'new' ? groupId ?? null : null)}
          data-testid="merge-take"
        >
          {p.status === 'new' ? t('merge.takeNew') : t('merge.takeReplace', { number: matchNumber })}
        </button>
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {editing ? t('merge.editDone') : t('merge.edit')}
        </button>
        <button type="button" onClick={onLeave} disabled={busy}>
          {t('merge.leave')}
        </button>
      </div>
    </li>
  );
}
