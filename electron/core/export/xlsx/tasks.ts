import type { Agency, ColumnDef, ColumnRole, Mention, PlanPackage } from '../../model/types';
import { cellText } from '../../model/text';
import { toRoman } from '../../model/numbering';
import { rowLines } from '../../model/rows';

/** One appendix row seen as a task, with what the task sheets need already looked up. */
export interface PlanTask {
  /** Position among the printed lines, continuous across groups (1, 2 …). */
  number: number;
  /** v2: the STT label as printed (`12`, `1.2`; '' when the appendix is not numbered). */
  label: string;
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
  // One task per printed line (model v2 rows.ts): a line takes the cells a spanning parent gives it.
  const printed = rowLines(pkg.appendix, true);
  const out: PlanTask[] = [];
  groups.forEach((group, g) => {
    const label = groupLabel(g, group.title);
    for (const line of printed[g]) {
      const cells = new Map(line.cells.map((c) => [c.column.key, c.value]));
      const value = (col: ColumnDef | undefined) => (col ? cells.get(col.key) : undefined);
      out.push({
        number: out.length + 1,
        label: line.label,
        groupIndex: g,
        groupLabel: label,
        task: cellText(value(taskCol), names),
        lead: mentionsOf(value(leadCol)),
        cooperate: mentionsOf(value(cooperateCol)),
        leadText: cellText(value(leadCol), names),
        cooperateText: cellText(value(cooperateCol), names),
        deadline: cellText(value(deadlineCol), names),
      });
    }
  });
  return out;
}

/** The STT cell of a task sheet: the label as a number when it is one (`12`), else as text (`1.2.`, or '' when unnumbered). */
export function sttValue(t: Pick<PlanTask, 'label'>): string | number {
  return /^\d+$/.test(t.label) ? Number(t.label) : t.label ? `${t.label}.` : '';
}
