import type { Agency, PlanPackage } from '../../model/types';
import { planTasks, type PlanTask } from './tasks';

export type AssignmentRole = 'lead' | 'cooperate';

export interface AssignmentMatrix {
  tasks: PlanTask[];
  /** Every agency named in a lead or cooperate cell, in order of first appearance. Collective names
   * (`Các sở, ban, ngành tỉnh`, `UBND cấp huyện`) are agencies of their own: the text never says who they are. */
  agencies: Agency[];
  /** Per task, the role of each agency it names. An agency named both as lead and as cooperating
   * ("Sở Nội vụ chủ trì; Sở Nội vụ và các sở phối hợp") counts as lead: it answers for the task. */
  roles: Array<Map<string, AssignmentRole>>;
}

export function assignmentMatrix(pkg: PlanPackage): AssignmentMatrix {
  const tasks = planTasks(pkg);
  const names = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  const order = new Map<string, Agency>();
  const see = (key: string) => {
    if (!order.has(key)) order.set(key, { key, name: names.get(key) ?? key });
  };
  const roles = tasks.map((t) => {
    const m = new Map<string, AssignmentRole>();
    for (const x of t.lead) {
      see(x.agency);
      m.set(x.agency, 'lead');
    }
    for (const x of t.cooperate) {
      see(x.agency);
      if (!m.has(x.agency)) m.set(x.agency, 'cooperate');
    }
    return m;
  });
  return { tasks, agencies: [...order.values()], roles };
}
