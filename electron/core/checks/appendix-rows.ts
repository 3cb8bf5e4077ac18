/**
 * Rows of the appendix task table. The columns are data, so the rules go by the columns' roles
 * (`task`, `lead`, `deadline`); a framework without a deadline column is not asked for deadlines.
 *
 * - A task with no lead agency or no deadline cannot be tracked: the departments' task matrix is built
 *   from these cells, and the secretariat sends such a plan back (error). A row with content but no task
 *   text is an error too; a row left wholly empty is one warning (`rows.empty-row`), not one per column.
 * - A framework table (columns without a role: Mục tiêu, Hoạt động, Sản phẩm) writes a task once over
 *   several rows (a merged cell); read into a flat v1 row, the rows below have an empty task but their own
 *   activity or product. Such a continuation row is not "a row without a task". (Exchange v2's row trees,
 *   `AppendixRow.children`, will carry them as children; this test then goes.)
 * - Deadlines are read with the deadline reader and compared with the plan's period: its year, or the
 *   `giai đoạn 2021-2030` its summary names (a ten-year plan's `Năm 2025` is right). A deadline whose
 *   period does not touch it (`Quý I/2023` in the 2024 plan) is a copy-forward slip (warning); the fix puts
 *   the plan year in when the text names exactly one year. A span that overlaps the year (`giai đoạn
 *   2022-2025`) or a deadline early the next year (`Trước ngày 15/01/2025`, a report on the year) is
 *   legitimate. One inside the period but before the document's own date is `dates.before-issue`.
 * - A deadline the reader cannot read at all is reported as info: it cannot be placed on the schedule.
 */
import { readDeadline } from '../deadlines';
import type { Ctx } from './context';
import { PLAN } from './types';
import { issueDate, planPeriod } from './years';
import { shortDate } from '../model/dates';

export function checkAppendixRows(ctx: Ctx): void {
  const { pkg } = ctx;
  const cols = pkg.appendix.columns;
  const task = cols.find((c) => c.role === 'task');
  const lead = cols.find((c) => c.role === 'lead');
  const deadline = cols.find((c) => c.role === 'deadline');
  // Columns without a role (Mục tiêu, Hoạt động, Sản phẩm, Kinh phí) make a framework table.
  const plain = cols.filter((c) => c.kind === 'text' && c.role === null);
  const period = planPeriod(pkg);
  const vi = ctx.lang === 'vi';
  const periodText =
    period.start === period.end ? `${vi ? 'năm' : 'year'} ${period.start}` : `${vi ? 'giai đoạn' : 'period'} ${period.start}-${period.end}`;
  const yearStart = `${period.start}-01-01`;
  const yearEnd = `${period.end}-12-31`;
  const issuedOn = issueDate(pkg);
  const readings = new Map<string, ReturnType<typeof readDeadline>>();
  const empty = (v: unknown) => v === undefined || (typeof v === 'string' ? v.trim() === '' : Array.isArray(v) && v.length === 0);
  let n = 0;

  pkg.appendix.groups.forEach((g, gi) => {
    if (g.rows.length === 0) ctx.add('rows.empty-group', 'info', `appendix.groups[${gi}].title`, { title: g.title });
    g.rows.forEach((row, ri) => {
      n++;
      const base = `appendix.groups[${gi}].rows[${ri}]`;
      if (task && empty(row.cells[task.key])) {
        // One finding for a row left wholly empty, not one per column.
        if (cols.every((c) => c.kind === 'number' || empty(row.cells[c.key]))) {
          ctx.add('rows.empty-row', 'warning', `${base}.${task.key}`, { n });
          return;
        }
        // A framework's continuation row: the task cell spans it from a row above (a merged cell read
        // into a flat v1 row), and the row carries its own activity or product. Not a missing task.
        // (Exchange v2 gives such rows as children of the task's row; then this test goes.)
        const continues = ri > 0 && plain.some((c) => !empty(row.cells[c.key])) && g.rows.slice(0, ri).some((r) => !empty(r.cells[task.key]));
        if (!continues) ctx.add('rows.no-task', 'error', `${base}.${task.key}`, { n });
      }
      if (lead && empty(row.cells[lead.key])) ctx.add('rows.no-lead', 'error', `${base}.${lead.key}`, { n });
      if (!deadline) return;
      const raw = row.cells[deadline.key];
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (!text) {
        ctx.add('rows.no-deadline', 'error', `${base}.${deadline.key}`, { n });
        return;
      }
      let r = readings.get(text);
      if (!r) readings.set(text, (r = readDeadline(text, pkg.year)));
      if (r.kind === 'unknown') {
        ctx.add('rows.deadline-unread', 'info', `${base}.${deadline.key}`, { n, deadline: text, year: pkg.year });
        return;
      }
      const outside = (r.end !== undefined && r.end < yearStart) || (r.start !== undefined && r.start > yearEnd);
      if (!outside) {
        // In the period, but over before the document is signed (`Trước ngày 10/01/2024` in a Decision of 15/01/2024).
        if (issuedOn && r.end !== undefined && r.end < issuedOn) {
          ctx.add('dates.before-issue', 'warning', `${base}.${deadline.key}`, { found: text, date: shortDate(issuedOn) }, { excerpt: text });
        }
        return;
      }
      const years = [...text.matchAll(/(?<!\d)(\d{4})(?!\d)/g)].map((m) => m[1]);
      const unique = [...new Set(years)];
      const rowId = row.id;
      const fixed = unique.length === 1 ? text.replace(new RegExp(`(?<!\\d)${unique[0]}(?!\\d)`, 'g'), String(pkg.year)) : null;
      ctx.add('rows.deadline-year', 'warning', `${base}.${deadline.key}`, { n, deadline: text, year: pkg.year, period: periodText }, {
        excerpt: text,
        fix:
          fixed && rowId !== undefined
            ? {
                key: 'year',
                params: { from: unique[0], to: pkg.year },
                ops: [{ method: 'setCell', args: [PLAN, rowId, deadline.key, fixed] }],
                preview: { before: text, after: fixed },
              }
            : null,
      });
    });
  });
}
