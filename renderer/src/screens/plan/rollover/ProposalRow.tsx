import { useTranslation } from 'react-i18next';
import type { RolloverProposal } from '../../../../../electron/core/api/contract';
import { YearChange } from './YearChange';

/** One proposal as a table row: accept box (changes only), place, before, after, reason. */
export function ProposalRow({ proposal, place, accepted, onToggle }: {
  proposal: RolloverProposal;
  place: string;
  accepted: boolean;
  onToggle: (on: boolean) => void;
}) {
  const { t } = useTranslation();
  const p = proposal;
  const boxId = `ro-${p.id}`;
  return (
    <tr className={`rollover-row mode-${p.mode}`} data-testid="rollover-proposal" data-id={p.id} data-path={`rollover:${p.path}`} data-mode={p.mode}>
      <td className="ro-accept">
        {p.mode === 'change' ? (
          <input id={boxId} type="checkbox" checked={accepted} onChange={(e) => onToggle(e.target.checked)} aria-label={t('rollover.acceptNamed', { place, after: p.after })} />
        ) : (
          <span className="ro-mode">{t(`rollover.mode.${p.mode}`)}</span>
        )}
      </td>
      <th scope="row" className="ro-place">
        {p.mode === 'change' ? <label htmlFor={boxId}>{place}</label> : place}
      </th>
      <td className="ro-text">
        <YearChange before={p.before} after={p.after} side="before" />
      </td>
      <td className="ro-text">
        {p.mode === 'info' ? <span className="muted">{t('rollover.unchanged')}</span> : <YearChange before={p.before} after={p.after} side="after" />}
      </td>
      <td className="ro-reason">{t(`rollover.reason.${p.reason}`)}</td>
    </tr>
  );
}
