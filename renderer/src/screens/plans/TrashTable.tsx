import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../electron/core/api/contract';
import { formatTimestamp } from '../../lib/format';

/** Plans in the trash: each can come back, or be erased for good (the caller asks first). */
export function TrashTable({ plans, busy, onRestore, onPurge }: {
  plans: readonly PlanSummary[];
  busy: boolean;
  onRestore: (plan: PlanSummary) => void;
  onPurge: (plan: PlanSummary) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="plans-table" data-testid="trash-table">
      <caption className="visually-hidden">{t('plans.trash.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('plans.col.title')}</th>
          <th scope="col" className="num">{t('plans.col.year')}</th>
          <th scope="col" className="when">{t('plans.col.deleted')}</th>
          <th scope="col" className="row-actions-col">{t('plans.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => {
          const title = p.title || t('plans.untitled');
          return (
            <tr key={p.id} data-testid="trash-row" data-plan-id={p.id}>
              <th scope="row" className="plan-title">
                {title}
              </th>
              <td className="num">{p.year}</td>
              <td className="when">{p.deletedAt && <time dateTime={p.deletedAt}>{formatTimestamp(p.deletedAt)}</time>}</td>
              <td className="row-actions">
                <button type="button" disabled={busy} aria-label={t('plans.trash.restoreOf', { title })} onClick={() => onRestore(p)} data-action="restore">
                  {t('plans.trash.restore')}
                </button>
                <button type="button" className="is-destructive" disabled={busy} aria-label={t('plans.trash.purgeOf', { title })} onClick={() => onPurge(p)} data-action="purge">
                  {t('plans.trash.purge')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
