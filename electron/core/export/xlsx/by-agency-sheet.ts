import { sttValue } from './tasks';
import type { Workbook, Worksheet } from 'exceljs';
import type { PlanPackage } from '../../model/types';
import { planPeriod } from '../../model/rows';
import { readDeadline } from '../../deadlines';
import { assignmentMatrix, type AssignmentMatrix } from './assignment';
import { isoToExcelDate } from './schedule-sheet';
import { rowHeightPt } from './text-fit';
import { DATE_FORMAT, PAGE_NUMBER_FOOTER, ROLE_COOPERATE, ROLE_LEAD, SHEET_BY_AGENCY, landscapeA4, styled } from './style';

export const BY_AGENCY_HEADER_ROW = 3;
export const BY_AGENCY_CAPTIONS = [
  'Cơ quan', 'Vai trò', 'STT', 'Nhóm', 'Nội dung nhiệm vụ', 'Thời gian hoàn thành', 'Từ ngày', 'Đến ngày',
];

/** For each agency, the tasks it leads, then the tasks it supports, as one filterable table. */
export function writeByAgencySheet(wb: Workbook, pkg: PlanPackage, matrix: AssignmentMatrix = assignmentMatrix(pkg)): Worksheet {
  const HEADER_ROW = BY_AGENCY_HEADER_ROW;
  const ws = wb.addWorksheet(SHEET_BY_AGENCY, {
    pageSetup: landscapeA4(`${HEADER_ROW}:${HEADER_ROW}`),
    headerFooter: { oddFooter: PAGE_NUMBER_FOOTER },
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW }],
  });
  const widths = [30, 11, 6, 18, 60, 22, 12, 12];
  ws.columns = widths.map((width) => ({ width }));
  const title = ws.getCell(1, 1);
  title.value = `NHIỆM VỤ THEO CƠ QUAN: ${pkg.appendix.title}`;
  title.style = styled({ bold: true, size: 14, wrap: false });

  const header = ws.getRow(HEADER_ROW);
  const headerStyle = styled({ bold: true, align: 'center', valign: 'middle', border: true });
  BY_AGENCY_CAPTIONS.forEach((caption, i) => {
    const cell = header.getCell(i + 1);
    cell.value = caption;
    cell.style = headerStyle;
  });
  header.height = rowHeightPt(BY_AGENCY_CAPTIONS.map((text, c) => ({ text, width: widths[c], size: 12, bold: true })));

  const { tasks, agencies, roles } = matrix;
  // A period plan (2021–2030) reads "Trong giai đoạn" as its whole period.
  const period = planPeriod(pkg);
  const readings = tasks.map((t) => readDeadline(t.deadline, period));
  const left = styled({ border: true });
  const centre = styled({ border: true, align: 'center' });
  const date = styled({ border: true, align: 'center', numFmt: DATE_FORMAT });
  const styles = [left, left, centre, left, left, centre, date, date];
  let r = HEADER_ROW + 1;
  for (const agency of agencies) {
    for (const [role, word] of [['lead', ROLE_LEAD], ['cooperate', ROLE_COOPERATE]] as const) {
      tasks.forEach((t, i) => {
        if (roles[i].get(agency.key) !== role) return;
        const reading = readings[i];
        const row = ws.getRow(r++);
        const values = [
          agency.name, word, sttValue(t), t.groupLabel, t.task, t.deadline,
          isoToExcelDate(reading.start), isoToExcelDate(reading.end),
        ];
        values.forEach((v, c) => {
          const cell = row.getCell(c + 1);
          if (v !== undefined && v !== '') cell.value = v;
          cell.style = styles[c];
        });
        row.height = rowHeightPt(values.map((v, c) => ({ text: typeof v === 'string' ? v : '', width: widths[c], size: 12 })));
        row.commit(); // streaming export: written out now
      });
    }
  }
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(HEADER_ROW, r - 1), column: BY_AGENCY_CAPTIONS.length } };
  return ws;
}
