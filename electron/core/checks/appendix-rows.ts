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
 * - Model v2 row trees are checked line by line as they print (rowLines): a line whose task, lead or
 *   deadline comes from a parent spanning it (an objective over its activities) has them; a parent printed
 *   on its own line above its sub-rows (task 1 over 1.1, 1.2) needs no lead or deadline of its own, its
 *   sub-rows carry them. A period plan (2021–2030) takes deadlines anywhere in its period.
 */
import { readDeadline } from '../deadlines';
import { rowLines, type AppendixRow, type CellValue } from '../model';
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
  // The plan's period as the message says it (`năm 2024`, `giai đoạn 2021-2025`), worded by the catalogue.
  const periodValues = {
    periodKey: period.start === period.end ? 'checks.period.year' : 'checks.period.years',
    periodStart: period.start,
    periodEnd: period.end,
  };
  const yearStart = `${period.start}-01-01`;
  const yearEnd = `${period.end}-12-31`;
  const issuedOn = issueDate(pkg);
  const readings = new Map<string, ReturnType<typeof readDeadline>>();
  const empty = (v: unknown) => v === undefined || (typeof v === 'string' ? v.trim() === '' : Array.isArray(v) && v.length === 0);
  let n = 0;

  const paths = rowPaths(pkg.appendix.groups);
  const printed = rowLines(pkg.appendix);
  pkg.appendix.groups.forEach((g, gi) => {
    if (g.rows.length === 0) ctx.add('rows.empty-group', 'info', `appendix.groups[${gi}].title`, { title: g.title });
    printed[gi].forEach((line) => {
      const row = line.row;
      n++;
      const base = paths.get(row)!;
      // A cell a spanning parent gives this line counts as the line's; hidden columns are the row's own.
      const shown = new Map(line.cells.map((c) => [c.column.key, c]));
      const value = (key: string): CellValue | undefined => (shown.has(key) ? shown.get(key)!.value : row.cells[key]);
      const own = (key: string): boolean => !shown.has(key) || shown.get(key)!.from === row;
      const parent = (row.children?.length ?? 0) > 0;
      if (task && empty(value(task.key))) {
        // One finding for a row left wholly empty, not one per column.
        if (cols.every((c) => c.kind === 'number' || empty(value(c.key)))) {
          ctx.add('rows.empty-row', 'warning', `${base}.${task.key}`, { n });
          return;
        }
        // A flat (v1) framework's continuation row: the task cell spanned it from a row above (a merged cell read
        // into flat rows), and the row carries its own activity or product. Not a missing task. (Row trees give
        // such rows their parent's task through rowLines above.)
        const ri = g.rows.indexOf(row);
        const continues = ri > 0 && plain.some((c) => !empty(value(c.key))) && g.rows.slice(0, ri).some((r) => !empty(r.cells[task.key]));
        if (!continues) ctx.add('rows.no-task', 'error', `${base}.${task.key}`, { n });
      }
      if (lead && !parent && empty(value(lead.key))) ctx.add('rows.no-lead', 'error', `${base}.${lead.key}`, { n });
      if (!deadline || (parent && empty(value(deadline.key)))) return;
      // A spanning parent's deadline is read once, on its first line.
      if (!own(deadline.key) && shown.get(deadline.key)!.merge === 'continue') return;
      const raw = value(deadline.key);
      const text = typeof raw === 'string' ? raw.trim() : '';
      if (!text) {
        // A parent row (task 1 over 1.1, 1.2) has its sub-tasks' deadlines, not one of its own.
        if (!row.children?.length) ctx.add('rows.no-deadline', 'error', `${base}.${deadline.key}`, { n });
        return;
      }
      let r = readings.get(text);
      if (!r) readings.set(text, (r = readDeadline(text, { from: period.start, to: period.end })));
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
      const rowId = own(deadline.key) ? row.id : shown.get(deadline.key)!.from.id;
      const fixed = unique.length === 1 ? text.replace(new RegExp(`(?<!\\d)${unique[0]}(?!\\d)`, 'g'), String(pkg.year)) : null;
      ctx.add('rows.deadline-year', 'warning', `${base}.${deadline.key}`, { n, deadline: text, year: pkg.year, ...periodValues }, {
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

/** The exchange path of every row: `appendix.groups[1].rows[4]`, a sub-row `appendix.groups[1].rows[4]._rows[0]`. */
function rowPaths(groups: ReadonlyArray<{ rows: readonly AppendixRow[] }>): Map<AppendixRow, string> {
  const out = new Map<AppendixRow, string>();
  const walk = (rows: readonly AppendixRow[], base: string, key: string): void =>
    rows.forEach((r, i) => {
      const path = `${base}.${key}[${i}]`;
      out.set(r, path);
      if (r.children?.length) walk(r.children, path, '_rows');
    });
  groups.forEach((g, gi) => walk(g.rows, `appendix.groups[${gi}]`, 'rows'));
  return out;
}
