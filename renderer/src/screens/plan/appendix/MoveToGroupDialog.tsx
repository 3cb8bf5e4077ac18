/**
 * "Chuyển sang nhóm…": sends the selected row to the end of another group, chosen from a list, for rows
 * too far from their target for Alt+↑/↓ or a drag.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toRoman } from '../../../../../electron/core/model/numbering';
import type { AppendixGroup } from '../../../../../electron/core/model/types';
import { Dialog } from '../../../components/Dialog';

export function MoveToGroupDialog({ number, from, groups, onMove, onClose }: {
  /** The row's STT label, for the title. */
  number: number | string;
  /** The group the row is in now (index). */
  from: number;
  groups: readonly AppendixGroup[];
  /** Called with the target group's index. */
  onMove: (g: number) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [target, setTarget] = useState(from === 0 && groups.length > 1 ? 1 : 0);
  return (
    <Dialog
      title={t('appendix.moveToGroup.title', { number })}
      onClose={onClose}
      testId="move-to-group"
      actions={
        <>
          <button type="button" className="primary" disabled={target === from} onClick={() => onMove(target)}>
            {t('appendix.moveToGroup.move')}
          </button>
          <button type="button" onClick={onClose}>{t('action.cancel')}</button>
        </>
      }
    >
      <label htmlFor={id} className="form-label">{t('appendix.moveToGroup.label')}</label>
      <select id={id} data-autofocus value={target} onChange={(e) => setTarget(Number(e.target.value))}>
        {groups.map((g, i) => (
          <option key={g.id ?? i} value={i}>{`${toRoman(i + 1)}. ${g.title}`}{i === from ? ` ${t('appendix.moveToGroup.current')}` : ''}</option>
        ))}
      </select>
    </Dialog>
  );
}
