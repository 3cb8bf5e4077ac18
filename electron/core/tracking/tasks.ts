/**
 * The tasks a plan is followed by (#23): every row of the appendix in order, with its STT as printed, its task
 * text, lead and cooperating agencies and deadline. A row without sub-rows is a task (it gets a status); a parent
 * row (an objective over its tasks, task 1 over 1.1 and 1.2) is shown as a heading. A sub-row whose lead, cooperating
 * or deadline cell is empty takes its nearest ancestor's (a framework's objective spans its activities).
 * Pure: over the package, no store.
 */
import type { Agency, AppendixRow, ColumnDef, Mention, PlanPackage } from '../model/types';
import { allRows, planPeriod, rowLabels } from '../model/rows';
import { cellText } from '../model/text';
import { readDeadline, type DeadlineReading } from '../deadlines';

export interface PlanTask {
  rowId: number;
  stt: string;
  /** Index of the group (0-based) and its id and title. */
  group: number;
  groupId: number;
  groupTitle: string;
  /** Depth in the group's tree (0 at the top). */
  depth: number;
  /** False for a parent row: printed as a heading, not tracked. */
  leaf: boolean;
  task: string;
  lead: string[];
  cooperate: string[];
  leadText: string;
  cooperateText: string;
  deadline: string;
  reading: DeadlineReading;
}

const keysOf = (value: unknown): string[] => (Array.isArray(value) ? (value as Mention[]).map((m) => m.agency) : []);

/** The column of each role the tracking reads (the first one, as the merge desk and the exporters do). */
function roleColumns(columns: readonly ColumnDef[]) {
  const of = (role: ColumnDef['role']) => columns.find((c) => c.role === role);
  return { task: of('task'), lead: of('lead'), cooperate: of('cooperate'), deadline: of('deadline') };
}

/** The task text of a row: its task cell, else its first text cell (an objective, an activity). */
function taskText(row: AppendixRow, columns: readonly ColumnDef[], agencies: readonly Agency[], taskKey: string | undefined): string {
  const own = taskKey ? cellText(row.cells[taskKey], agencies).trim() : '';
  if (own) return own;
  for (const c of columns) {
    if (c.kind !== 'text' || c.role === 'deadline' || c.role === 'note') continue;
    const t = cellText(row.cells[c.key], agencies).trim();
    if (t) return t;
  }
  return '';
}

/** Every row of a stored package (ids present), in the appendix's order, parents before their sub-rows. */
export function planTasks(pkg: PlanPackage): PlanTask[] {
  const columns = pkg.appendix.columns;
  const col = roleColumns(columns);
  const labels = rowLabels(pkg.appendix);
  const period = planPeriod(pkg);
  const inherited = new Map<AppendixRow, { lead: Mention[]; cooperate: Mention[]; deadline: string }>();
  // Deadlines repeat ("Trong năm 2024", "Thường xuyên"): each distinct text is read once (the reader is pure).
  const readings = new Map<string, DeadlineReading>();
  const reading = (text: string) => {
    let r = readings.get(text);
    if (!r) readings.set(text, (r = readDeadline(text, period)));
    return r;
  };
  const out: PlanTask[] = [];
  for (const visit of allRows(pkg.appendix.groups)) {
    const { row, parent } = visit;
    const up = parent ? inherited.get(parent) : undefined;
    const ownLead = col.lead ? ((row.cells[col.lead.key] as Mention[] | undefined) ?? []) : [];
    const ownCoop = col.cooperate ? ((row.cells[col.cooperate.key] as Mention[] | undefined) ?? []) : [];
    const ownDeadline = col.deadline ? cellText(row.cells[col.deadline.key], pkg.agencies).trim() : '';
    const mine = {
      lead: ownLead.length ? ownLead : (up?.lead ?? []),
      cooperate: ownCoop.length ? ownCoop : (up?.cooperate ?? []),
      deadline: ownDeadline || (up?.deadline ?? ''),
    };
    inherited.set(row, mine);
    const group = pkg.appendix.groups[visit.group];
    out.push({
      rowId: row.id!,
      stt: labels.get(row) ?? '',
      group: visit.group,
      groupId: group.id!,
      groupTitle: group.title,
      depth: visit.depth,
      leaf: !row.children?.length,
      task: taskText(row, columns, pkg.agencies, col.task?.key),
      lead: [...new Set(keysOf(mine.lead))],
      cooperate: [...new Set(keysOf(mine.cooperate))],
      leadText: cellText(mine.lead, pkg.agencies),
      cooperateText: cellText(mine.cooperate, pkg.agencies),
      deadline: mine.deadline,
      reading: reading(mine.deadline),
    });
  }
  return out;
}
