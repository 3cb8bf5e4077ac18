/**
 * The return workbooks of a period (#23): one per reporting unit that has tasks, each with the tasks it leads (block
 * A) and those it cooperates on (block B), grouped as the appendix is, parents printed as headings over their
 * sub-rows. Builds the models from the store; returns-write.ts writes them.
 */
import type { Db } from '../store/open';
import { UserError } from '../errors';
import { loadPlan } from '../store/plans';
import { groupLabel, rowNumbering } from '../model/rows';
import { slug } from '../model/text';
import type { ReportingUnit } from '../model/tracking';
import type { PlanPackage } from '../model/types';
import { issueState, planUid, requireIssued } from './issue';
import { periodByKey } from './periods';
import { planTasks, type PlanTask } from './tasks';
import { reportingUnits } from './units';
import type { ReturnBook, ReturnBookRow } from './returns-write';

/** `bao-cao-2025-q1-so-tu-phap.xlsx`: the period and the unit, in ASCII any mail system accepts. */
export function returnFileName(periodKey: string, unit: Pick<ReportingUnit, 'key' | 'name'>): string {
  return `bao-cao-${periodKey}-${slug(unit.key)}.xlsx`;
}

/** The rows of one block: the unit's tasks with their ancestors as headings, under their group headings. */
function blockRows(pkg: PlanPackage, tasks: readonly PlanTask[], wanted: (t: PlanTask) => boolean): ReturnBookRow[] {
  const numbering = rowNumbering(pkg.appendix);
  const keep = new Set<number>();
  // A parent is printed when one of its sub-rows is: walk back up from each wanted leaf.
  const stack: PlanTask[] = [];
  for (const t of tasks) {
    while (stack.length && stack[stack.length - 1].depth >= t.depth) stack.pop();
    if (t.leaf && wanted(t)) {
      keep.add(t.rowId);
      for (const p of stack) if (p.group === t.group) keep.add(p.rowId);
    }
    stack.push(t);
  }
  const out: ReturnBookRow[] = [];
  let lastGroup = -1;
  for (const t of tasks) {
    if (!keep.has(t.rowId)) continue;
    if (t.group !== lastGroup) {
      out.push({ kind: 'group', label: groupLabel(numbering, t.group).replace(/\.$/, ''), title: t.groupTitle });
      lastGroup = t.group;
    }
    out.push({ kind: 'task', rowId: t.rowId, stt: t.stt, task: t.task, deadline: t.deadline, leadText: t.leadText, heading: !t.leaf });
  }
  return out;
}

/**
 * The workbooks of `unitKeys` (every unit with tasks when empty) for a period of an issued plan. Refused for a plan
 * never issued (`tracking.notIssued`) and a unit key the plan does not have (`unit.notFound`).
 */
export function returnBooks(db: Db, planId: number, periodKey: string, unitKeys: readonly string[] = []): ReturnBook[] {
  requireIssued(db, planId);
  const { pkg } = loadPlan(db, planId);
  const { period } = periodByKey(db, planId, periodKey);
  const tasks = planTasks(pkg);
  const units = reportingUnits(db, planId, pkg.agencies, tasks);
  for (const key of unitKeys) if (!units.some((u) => u.key === key)) throw UserError.coded('unit.notFound', { key }, `"${key}" is not a reporting unit of this plan.`);
  const chosen = unitKeys.length ? units.filter((u) => unitKeys.includes(u.key)) : units.filter((u) => u.leads + u.cooperates > 0);
  const state = issueState(db, planId, pkg);
  const uid = planUid(db, planId)!;
  return chosen.map((unit): ReturnBook => {
    const mine = new Set(unit.agencies);
    const leads = (t: PlanTask) => t.lead.some((k) => mine.has(k));
    const lead = blockRows(pkg, tasks, leads);
    const cooperate = blockRows(pkg, tasks, (t) => !leads(t) && t.cooperate.some((k) => mine.has(k)));
    const rows = [
      ...lead.flatMap((r) => (r.kind === 'task' && !r.heading ? [{ rowId: r.rowId, role: 'lead' as const, stt: r.stt }] : [])),
      ...cooperate.flatMap((r) => (r.kind === 'task' && !r.heading ? [{ rowId: r.rowId, role: 'cooperate' as const, stt: r.stt }] : [])),
    ];
    return {
      fileName: returnFileName(period.key, unit),
      issuer: pkg.issuer.name.replace(/\s*\n\s*/g, ' ').trim(),
      citation: state.citation ?? pkg.title,
      period,
      unit: { key: unit.key, name: unit.name },
      lead,
      cooperate,
      manifest: { plan: { uid, id: planId, title: pkg.title }, period: { key: period.key, label: period.label }, unit: { key: unit.key, name: unit.name }, rows },
    };
  });
}
