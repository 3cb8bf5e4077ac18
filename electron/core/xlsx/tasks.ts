import type { Agency, ColumnDef, ColumnRole, Mention, PlanPackage } from '../model/types';
import { cellText } from '../model/text';
import { rowNumbers, toRoman } from '../model/numbering';

/** One appendix row seen as a task, with what the task sheets need already looked up. */
export interface PlanTask {
  /** STT, continuous across groups. */
  number: number;
  groupIndex: number;
  /** `I. Cải cách thể chế`. */
  groupLabel: string;
  task: string;
  lead: Mention[];
  cooperate: Mention[];
  leadText: string;
  cooperateText: string;
  deadline: string;
}

/** The first column with this role: the one the matrices and the deadline reader use. */
export function columnWithRole(columns: readonly ColumnDef[], role: ColumnRole): ColumnDef | undefined {
  return columns.find((c) => c.role === role);
}

export function groupLabel(index: number, title: string): string {
  return title ? `${toRoman(index + 1)}. ${title}` : toRoman(index + 1);
}

function mentionsOf(value: unknown): Mention[] {
  return Array.isArray(value) ? (value as Mention[]) : [];
}

export function planTasks(pkg: PlanPackage): PlanTask[] {
  const { columns, groups } = pkg.appendix;
  const agencies: readonly Agency[] = pkg.agencies;
  const names = new Map(agencies.map((a) => [a.key, a.name]));
  const taskCol = columnWithRole(columns, 'task');
  const leadCol = columnWithRole(columns, 'lead');
  const cooperateCol = columnWithRole(columns, 'cooperate');
  const deadlineCol = columnWithRole(columns, 'deadline');
  const numbers = rowNumbers(groups);
  const out: PlanTask[] = [];
  groups.forEach((group, g) => {
    const label = groupLabel(g, group.title);
    group.rows.forEach((row, r) => {
      const lead = leadCol ? mentionsOf(row.cells[leadCol.key]) : [];
      const cooperate = cooperateCol ? mentionsOf(row.cells[cooperateCol.key]) : [];
      out.push({
        number: numbers[g][r],
        groupIndex: g,
        groupLabel: label,
        task: taskCol ? cellText(row.cells[taskCol.key], names) : '',
        lead,
        cooperate,
        leadText: leadCol ? cellText(row.cells[leadCol.key], names) : '',
        cooperateText: cooperateCol ? cellText(row.cells[cooperateCol.key], names) : '',
        deadline: deadlineCol ? cellText(row.cells[deadlineCol.key], names) : '',
      });
    });
  });
  return out;
}
