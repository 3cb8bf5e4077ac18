import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppendixGroup, ColumnDef } from '../../../../../electron/core/model/types';
import { toRoman } from '../../../../../electron/core/model/numbering';
import { diffWords } from '../../../../../electron/core/model/word-diff';
import { lowerCollectivePrefix } from '../../../../../electron/core/model/text';
import type { AgencyReading } from '../../../../../electron/core/model/merge-take';
import { WordDiff } from '../../../components/diff/WordDiff';
import { EditableText } from '../../../components/fields/EditableText';
import { defaultGroupId, type CardCell, type DeskProposal } from './merge-state';

/** An agency cell as it will be stored; an agency not settled yet is marked (its spelling, until chosen). */
function AgencyText({ readings }: { readings: AgencyReading[] }) {
  const { t } = useTranslation();
  return (
    <>
      {readings.map((r, i) => {
        const name = r.taken ? ('agency' in r.taken ? r.taken.agency.name : r.taken.add) : r.spelling;
        const shown = i > 0 ? lowerCollectivePrefix(name) : name;
        return (
          <span key={i}>
            {r.taken ? <span className={'add' in r.taken ? 'merge-agency-new' : undefined} title={'add' in r.taken ? t('merge.decisions.willAdd') : undefined}>{shown}</span> : <mark className="merge-agency-open" title={t('merge.decisions.unsettled')}>{shown}</mark>}
            {r.after}
          </span>
        );
      })}
    </>
  );
}

/**
 * One pending proposal: what the department sent (for a changed row, the word diff against our row), and
 * take / edit / leave. A new row goes to a chosen group, or under its parent row when the plan has that parent;
 * a changed row replaces the row it matches.
 */
export function ProposalCard({ item, parent, depth = 0, columns, groups, cells, editable, ours, unplaced, blockers, busy, onTake, onLeave, onEditCell }: {
  item: DeskProposal;
  /** The cells' text as the department wrote it (and as the drafter edits it before the take). */
  editable: Record<string, string>;
  /** The cells the take writes, as the plan will hold them (the card shows exactly these). */
  cells: CardCell[];
  /** A changed row: the plan's current text of that row, by column key (each shown cell is a diff against it). */
  ours: Record<string, string> | null;
  /** The file's columns the plan has not, with this row's text and where they go ('' undecided, null left out). */
  unplaced: Array<{ caption: string; text: string; into: string | null | undefined }>;
  /** What keeps the row from being taken (settled in the file's decisions above). */
  blockers: { agencies: string[]; columns: string[] };
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
      <dl className="cell-diffs" data-testid="merge-cells">
        {cells.map((cell) => {
          const mine = ours ? ours[cell.key] ?? '' : null;
          // A changed row: only the columns it changes (the others stay as the plan has them).
          if (mine !== null && mine === cell.stored) return null;
          if (mine === null && cell.stored === '') return null;
          return (
            <div key={cell.key} data-testid={mine !== null ? 'merge-diff' : 'merge-cell'} data-key={cell.key} data-stored={cell.stored}>
              <dt>{cell.caption}</dt>
              <dd>{mine !== null ? <WordDiff ops={diffWords(mine, cell.stored)} /> : cell.readings ? <AgencyText readings={cell.readings} /> : cell.stored}</dd>
            </div>
          );
        })}
      </dl>
      {unplaced.length > 0 && (
        <dl className="cell-diffs merge-unplaced">
          {unplaced.map((u) => (
            <div key={u.caption} data-testid="merge-unplaced" data-state={u.into === undefined ? 'open' : u.into === null ? 'left' : 'placed'}>
              <dt>
                {u.caption}{' '}
                <span className="merge-kind">
                  ({u.into === undefined ? t('merge.unplacedOpen') : u.into === null ? t('merge.unplacedLeft') : t('merge.unplacedInto', { caption: caption(u.into) })})
                </span>
              </dt>
              <dd>{u.text}</dd>
            </div>
          ))}
        </dl>
      )}
      {editing && (
        <fieldset className="proposal-edit" ref={editBox}>
          <legend>{t('merge.editLegend')}</legend>
          {cells.map(({ key }) => (
            <div key={key} className="proposal-edit-row">
              <label htmlFor={`${id}-${key}`}>{caption(key)}</label>
              <EditableText id={`${id}-${key}`} value={editable[key] ?? ''} onCommit={(text) => onEditCell(key, text)} multiline={columns.find((c) => c.key === key)?.role === 'task'} />
            </div>
          ))}
        </fieldset>
      )}
      {(blockers.agencies.length > 0 || blockers.columns.length > 0) && (
        <p className="merge-blockers" data-testid="merge-blockers">
          {blockers.agencies.length > 0 && t('merge.needAgencies', { names: blockers.agencies.join('; ') })}
          {blockers.agencies.length > 0 && blockers.columns.length > 0 && ' '}
          {blockers.columns.length > 0 && t('merge.needColumns', { captions: blockers.columns.map((c) => `“${c}”`).join(', ') })}
        </p>
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
          disabled={busy || blockers.agencies.length > 0 || blockers.columns.length > 0 || (p.status === 'new' && !parent?.inPlan && groupId === undefined)}
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
