import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../electron/core/api/contract';
import { formatTimestamp } from '../lib/format';
import type { PlanSort, PlanSortKey } from '../lib/sort-plans';
import { SortHeader } from '../screens/plans/SortHeader';

export interface PlanRowActions {
  onOpen: (id: number) => void;
  onRename: (plan: PlanSummary) => void;
  onDuplicate: (plan: PlanSummary) => void;
  onTrash: (plan: PlanSummary) => void;
}

/** The plans in use as a table: the title opens the plan; year and last change sort; each row has its actions. */
export function PlansTable({ plans, highlightId, sort, onSort, busy, actions }: {
  plans: readonly PlanSummary[];
  highlightId: number | null;
  sort: PlanSort;
  onSort: (key: PlanSortKey) => void;
  busy: boolean;
  actions: PlanRowActions;
}) {
  const { t } = useTranslation();
  return (
    <table className="plans-table" data-testid="plans-table">
      <caption className="visually-hidden">{t('plans.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('plans.col.title')}</th>
          <SortHeader className="num" label={t('plans.col.year')} sortKey="year" sort={sort} onSort={onSort} />
          <th scope="col" className="num">{t('plans.col.rows')}</th>
          <SortHeader className="when" label={t('plans.col.updated')} sortKey="updated" sort={sort} onSort={onSort} />
          <th scope="col" className="row-actions-col">{t('plans.col.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => {
          const title = p.title || t('plans.untitled');
          return (
            <tr key={p.id} data-testid="plan-row" data-plan-id={p.id} className={p.id === highlightId ? 'is-new' : undefined}>
              <th scope="row" className="plan-title">
                <button type="button" className="link-button" onClick={() => actions.onOpen(p.id)}>
                  {title}
                </button>
                {!p.hasDecision && <span className="tag">{t('plans.standalone')}</span>}
              </th>
              <td className="num">{p.year}</td>
              <td className="num">{p.rowCount}</td>
              <td className="when">
                <time dateTime={p.updatedAt}>{formatTimestamp(p.updatedAt)}</time>
              </td>
              <td className="row-actions">
                {/* The visible word starts each accessible name, so speech control ("click Rename") still works. */}
                <button type="button" disabled={busy} aria-label={t('plans.action.renameOf', { title })} onClick={() => actions.onRename(p)} data-action="rename">
                  {t('plans.action.rename')}
                </button>
                <button type="button" disabled={busy} aria-label={t('plans.action.duplicateOf', { title })} onClick={() => actions.onDuplicate(p)} data-action="duplicate">
                  {t('plans.action.duplicate')}
                </button>
                <button type="button" className="is-destructive" disabled={busy} aria-label={t('plans.action.trashOf', { title })} onClick={() => actions.onTrash(p)} data-action="trash">
                  {t('plans.action.trash')}
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
