import type { Workbook, Worksheet } from 'exceljs';
import type { PlanPackage } from '../../model/types';
import { planPeriod } from '../../model/rows';
import { readDeadline, type DeadlineKind, type DeadlineReading } from '../../deadlines';
import { planTasks, type PlanTask, sttValue } from './tasks';
import { rowHeightPt } from './text-fit';
import { DATE_FORMAT, PAGE_NUMBER_FOOTER, SHEET_SCHEDULE, landscapeA4, styled } from './style';

export const SCHEDULE_HEADER_ROW = 3;
export const SCHEDULE_CAPTIONS = [
  'STT', 'Nhóm', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành (như văn bản)', 'Chương trình hiểu là',
  'Loại', 'Từ ngày', 'Đến ngày', 'Đọc được thời gian?',
];
export const KIND_WORDS: Record<DeadlineKind, string> = {
  period: 'Thời hạn',
  recurring: 'Định kỳ',
  ongoing: 'Thường xuyên',
  unknown: 'Không rõ',
};
export const READ = 'Có';
export const UNREAD = 'Không đọc được';

/** A calendar date for the sheet (Excel stores days; exceljs counts them from the UTC instant). */
export function isoToExcelDate(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** Tasks with a date first, by the date they are due, then the undated ones, the unreadable last; STT breaks ties. */
export function scheduleOrder(tasks: readonly PlanTask[], readings: readonly DeadlineReading[]): number[] {
  const rank = (r: DeadlineReading) => (r.end ? 0 : r.kind === 'unknown' ? 2 : 1);
  return tasks
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = readings[a];
      const rb = readings[b];
      return (
        rank(ra) - rank(rb) ||
        (ra.end ?? '').localeCompare(rb.end ?? '') ||
        (ra.start ?? '').localeCompare(rb.start ?? '') ||
        tasks[a].number - tasks[b].number
      );
    });
}

/** Tasks by deadline: the deadline as written, what the program reads from it, and whether it could. */
export function writeScheduleSheet(wb: Workbook, pkg: PlanPackage, tasks: PlanTask[] = planTasks(pkg)): Worksheet {
  const HEADER_ROW = SCHEDULE_HEADER_ROW;
  const ws = wb.addWorksheet(SHEET_SCHEDULE, {
    pageSetup: landscapeA4(`${HEADER_ROW}:${HEADER_ROW}`),
    headerFooter: { oddFooter: PAGE_NUMBER_FOOTER },
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
  });
  const widths = [6, 18, 50, 25, 24, 28, 13, 12, 12, 12];
  ws.columns = widths.map((width) => ({ width }));
  const title = ws.getCell(1, 1);
  title.value = `TIẾN ĐỘ THỰC HIỆN: ${pkg.appendix.title}`;
  title.style = styled({ bold: true, size: 14, wrap: false });

  const header = ws.getRow(HEADER_ROW);
  const headerStyle = styled({ bold: true, align: 'center', valign: 'middle', border: true });
  SCHEDULE_CAPTIONS.forEach((caption, i) => {
    const cell = header.getCell(i + 1);
    cell.value = caption;
    cell.style = headerStyle;
  });
  header.height = rowHeightPt(SCHEDULE_CAPTIONS.map((text, c) => ({ text, width: widths[c], size: 12, bold: true })));

  // A period plan (2021–2030) reads "Trong giai đoạn" as its whole period.
  const period = planPeriod(pkg);
  const readings = tasks.map((t) => readDeadline(t.deadline, period));
  const left = styled({ border: true });
  const centre = styled({ border: true, align: 'center' });
  const date = styled({ border: true, align: 'center', numFmt: DATE_FORMAT });
  const unreadStyle = styled({ border: true, align: 'center', bold: true, color: 'FFC00000' });
  const styles = [centre, left, left, left, left, left, centre, date, date, centre];
  scheduleOrder(tasks, readings).forEach((i, k) => {
    const t = tasks[i];
    const reading = readings[i];
    const unread = reading.kind === 'unknown';
    const understood = reading.label + (reading.condition ? ` (${reading.condition})` : '');
    const row = ws.getRow(HEADER_ROW + 1 + k);
    const values = [
      sttValue(t), t.groupLabel, t.task, t.leadText, t.deadline, understood, KIND_WORDS[reading.kind],
      isoToExcelDate(reading.start), isoToExcelDate(reading.end), unread ? UNREAD : READ,
    ];
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (v !== undefined && v !== '') cell.value = v;
      cell.style = c === 9 && unread ? unreadStyle : styles[c];
    });
    row.height = rowHeightPt(values.map((v, c) => ({ text: typeof v === 'string' ? v : '', width: widths[c], size: 12, bold: c === 9 && unread })));
    row.commit(); // streaming export: written out now
  });
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + tasks.length, column: SCHEDULE_CAPTIONS.length } };
  return ws;
}
