import { foldForSearch } from '../../../electron/core/model/text';
import type { PlanSummary } from '../../../electron/core/api/contract';

/** Plans whose title or year contain the query, Vietnamese-aware: `cai cach` finds `cải cách`. */
export function filterPlans(plans: readonly PlanSummary[], query: string): PlanSummary[] {
  const q = foldForSearch(query.normalize('NFC'));
  if (!q) return [...plans];
  return plans.filter((p) => foldForSearch(`${p.title} ${p.year}`).includes(q));
}
