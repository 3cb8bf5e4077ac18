import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../electron/core/api/contract';
import { formatTimestamp } from '../lib/format';

/** The plans as a table; the title opens the plan. */
export function PlansTable({ plans, highlightId, onOpen }: {
  plans: readonly PlanSummary[];
  highlightId: number | null;
  onOpen: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <table className="plans-table" data-testid="plans-table">
      <caption className="visually-hidden">{t('plans.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('plans.col.title')}</th>
          <th scope="col" className="num">{t('plans.col.year')}</th>
          <th scope="col" className="num">{t('plans.col.rows')}</th>
          <th scope="col">{t('plans.col.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr key={p.id} data-testid="plan-row" data-plan-id={p.id} className={p.id === highlightId ? 'is-new' : undefined}>
            <th scope="row" className="plan-title">
              <button type="button" className="link-button" onClick={() => onOpen(p.id)}>
                {p.title || t('plans.untitled')}
              </button>
              {!p.hasDecision && <span className="tag">{t('plans.standalone')}</span>}
            </th>
            <td className="num">{p.year}</td>
            <td className="num">{p.rowCount}</td>
            <td>
              <time dateTime={p.updatedAt}>{formatTimestamp(p.updatedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
