import type { OpenedPlan } from '../../../electron/core/api/contract';
import type { PlanSession } from '../state/plan-session';

/** What every part of the plan editor receives. */
export interface SectionProps {
  opened: OpenedPlan;
  session: PlanSession;
  /** Moves to another place of the plan by its path (`appendix.groups[1].rows[4].lead`); see lib/goto.ts. */
  goTo: (path: string) => void;
}
