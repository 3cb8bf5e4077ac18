/**
 * Rows of the appendix task table. The columns are data, so the rules go by the columns' roles
 * (`task`, `lead`, `deadline`); a framework without a deadline column is not asked for deadlines.
 *
 * - A task with no lead agency or no deadline cannot be tracked: the departments' task matrix is built
 *   from these cells, and the secretariat sends such a plan back (error). A row without task text is a
 *   forgotten empty row (error).
 * - Deadlines are read with the deadline reader. A deadline whose period does not touch the plan year
 *   (`Quý I/2023` in the 2024 plan) is a copy-forward slip (warning); the fix puts the plan year in when
 *   the text names exactly one year. A span that overlaps the year (`giai đoạn 2022-2025`) or a deadline
 *   early the next year (`Trước ngày 15/01/2025`, a report on the year) is legitimate.
 * - A deadline the reader cannot read at all is reported as info: it cannot be placed on the schedule.
 */
import { readDeadline } from '../deadlines';
import type { Ctx } from './context';
import { PLAN } from './types';

export function checkAppendixRows(ctx: Ctx): void {
  const { pkg } = ctx;
  const cols = pkg.appendix.columns;
  const task = cols.find((c) => c.role === 'task');
  const lead = cols.find((c) => c.role === 'lead');
  const deadline = cols.find((c) => c.role === 'deadline');
  const yearStart = `${pkg.year}-01-01`;
  const yearEnd = `${pkg.year}-12-31`;
  const readings = new Map<string, ReturnType<typeof readDeadline>>();
  const empty = (v: unknown) => v === undefined || (typeof v === 'string' ? v.trim() === '' : Array.isArray(v) && v.length === 0);
  let n = 0;

  pkg.appendix.groups.forEach((g, gi) => {
    if (g.rows.length === 0) ctx.add('rows.empty-group', 'info', `appendix.groups[${gi}].title`, { title: g.title });
    g.rows.forEach((row, ri) => {
      n++;
      const base = `appendix.groups[${gi}].rows[${ri}]`;
      if (task && empty(row.cells[task.key])) ctx.add('rows.no-task', 'error', `${base}.${task.key}`, { n });
      if (lead && empty(row.cells[lead.key])) ctx.add('rows.no-lead', 'error', `${base}.${lead.key}`, { n });
      if (!deadline) return;
      const raw = row.cells[deadline.key];
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (!text) {
        // A parent row (task 1 over 1.1, 1.2) has its sub-tasks' deadlines, not one of its own.
        if (!row.children?.length) ctx.add('rows.no-deadline', 'error', `${base}.${deadline.key}`, { n });
        return;
      }
      let r = readings.get(text);
      if (!r) readings.set(text, (r = readDeadline(text, pkg.year)));
      if (r.kind === 'unknown') {
        ctx.add('rows.deadline-unread', 'info', `${base}.${deadline.key}`, { n, deadline: text, year: pkg.year });
        return;
      }
      const outside = (r.end !== undefined && r.end < yearStart) || (r.start !== undefined && r.start > yearEnd);
      if (!outside) return;
      const years = [...text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map((m) => m[1]);
      const unique = [...new Set(years)];
      const rowId = row.id;
      const fixed = unique.length === 1 ? text.replace(new RegExp(`(?<!\\d)${unique[0]}(?!\\d)`, 'g'), String(pkg.year)) : null;
      ctx.add('rows.deadline-year', 'warning', `${base}.${deadline.key}`, { n, deadline: text, year: pkg.year }, {
        excerpt: text,
        fix:
          fixed && rowId !== undefined
            ? { key: 'year', params: { from: unique[0], to: pkg.year }, ops: [{ method: 'setCell', args: [PLAN, rowId, deadline.key, fixed] }] }
            : null,
      });
    });
  });
}
