import type { OpenedPlan } from '../../../../electron/core/api/contract';
import type { TextRange } from '../../../../electron/core/model/findings';
import type { PlanSession } from '../../state/plan-session';

/** What every part of the plan editor receives. */
export interface SectionProps {
  opened: OpenedPlan;
  session: PlanSession;
  /**
   * Moves to another place of the plan by its path (`appendix.groups[1].rows[4].lead`); see lib/goto.ts.
   * With a range (offsets in the place's plain text: a checker finding's words), selects those words there.
   */
  goTo: (path: string, range?: TextRange) => void;
}
