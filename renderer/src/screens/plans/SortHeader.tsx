import { useTranslation } from 'react-i18next';
import type { PlanSort, PlanSortKey } from '../../lib/sort-plans';

/** A column header that sorts the list; aria-sort tells screen readers which column is sorted and how. */
export function SortHeader({ label, sortKey, sort, onSort, className }: {
  label: string;
  sortKey: PlanSortKey;
  sort: PlanSort;
  onSort: (key: PlanSortKey) => void;
  className?: string;
}) {
  const { t } = useTranslation();
  const active = sort.key === sortKey;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" className={className} aria-sort={ariaSort} data-sort-key={sortKey}>
      <button type="button" className="sort-button" title={t('plans.sort.hint')} onClick={() => onSort(sortKey)}>
        {label}
        <span className={`sort-mark${active ? ' is-active' : ''}`} aria-hidden="true">
          {active ? (sort.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
