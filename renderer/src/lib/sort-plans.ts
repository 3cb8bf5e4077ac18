import type { PlanSummary } from '../../../electron/core/api/contract';

export type PlanSortKey = 'year' | 'updated';
export type SortDir = 'asc' | 'desc';
export interface PlanSort {
  key: PlanSortKey;
  dir: SortDir;
}

/** What the list shows first: the plan changed last (as the store lists them). */
export const DEFAULT_SORT: PlanSort = { key: 'updated', dir: 'desc' };

/** Clicking the sorted column turns its direction; another column starts newest first. */
export function nextSort(current: PlanSort, key: PlanSortKey): PlanSort {
  if (current.key === key) return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
  return { key, dir: 'desc' };
}

/** A stable order: ties (same year) fall back to the last change, then to the id, newest first. */
export function sortPlans(plans: readonly PlanSummary[], sort: PlanSort): PlanSummary[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  const byUpdated = (a: PlanSummary, b: PlanSummary) => a.updatedAt.localeCompare(b.updatedAt) || a.id - b.id;
  return [...plans].sort((a, b) => {
    if (sort.key === 'year') return sign * (a.year - b.year) || -byUpdated(a, b);
    return sign * byUpdated(a, b);
  });
}
