import { sttValue } from './tasks';
import type { Workbook, Worksheet } from 'exceljs';
import type { PlanPackage } from '../../model/types';
import { assignmentMatrix, type AssignmentMatrix } from './assignment';
import { columnTextWidthPt, rowHeightPt, wrappedLines } from './text-fit';
import { PAGE_NUMBER_FOOTER, ROLE_COOPERATE, ROLE_LEAD, SHEET_ASSIGNMENT, landscapeA4, styled } from './style';

export const ASSIGNMENT_HEADER_ROW = 3;
/** STT, Nhóm, Nội dung nhiệm vụ, Thời gian hoàn thành, then one column per agency. */
export const ASSIGNMENT_FIXED_COLUMNS = 4;
const AGENCY_WIDTH = 9;
const AGENCY_CAPTION_SIZE = 10;
const MATRIX_SIZE = 11;

export function columnLetter(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The header height that lets every rotated agency name fit in the lines its column has room for. */
function rotatedHeaderHeight(names: readonly string[]): number {
  // LibreOffice wraps rotated text loosely: allow two lines although the column has room for three.
  const lines = Math.min(2, Math.max(1, Math.floor(columnTextWidthPt(AGENCY_WIDTH) / (AGENCY_CAPTION_SIZE * 1.3))));
  let height = 60;
  for (const name of names) {
    while (height < 300 && wrappedLines(name, height - 8, AGENCY_CAPTION_SIZE, true) > lines) height += 10;
  }
  return height;
}

/**
 * The assignment matrix: one row per task, one column per agency named in the plan, `Chủ trì` or
 * `Phối hợp` in the cell, counts per agency under the table, filters on the header.
 */
export function writeAssignmentSheet(wb: Workbook, pkg: PlanPackage, matrix: AssignmentMatrix = assignmentMatrix(pkg)): Worksheet {
  const HEADER_ROW = ASSIGNMENT_HEADER_ROW;
  const FIXED = ASSIGNMENT_FIXED_COLUMNS;
  // A matrix of many agencies fitted to an A4 width prints too small to read: give it A3 then.
  const pageSetup = { ...landscapeA4(`${HEADER_ROW}:${HEADER_ROW}`), ...(matrix.agencies.length > 12 ? { paperSize: 8 } : {}) };
  const ws = wb.addWorksheet(SHEET_ASSIGNMENT, {
    pageSetup,
    headerFooter: { oddFooter: PAGE_NUMBER_FOOTER },
    views: [{ state: 'frozen', xSplit: 3, ySplit: HEADER_ROW }],
  });
  const { tasks, agencies, roles } = matrix;
  const lastCol = FIXED + agencies.length;
  const widths = [6, 18, 60, 16, ...agencies.map(() => AGENCY_WIDTH)];
  ws.columns = widths.map((width) => ({ width }));

  const title = ws.getCell(1, 1);
  title.value = `PHÂN CÔNG THỰC HIỆN NHIỆM VỤ: ${pkg.appendix.title}`;
  title.style = styled({ bold: true, size: 14, wrap: false });

  const header = ws.getRow(HEADER_ROW);
  const fixedHeader = styled({ bold: true, align: 'center', valign: 'middle', border: true });
  const agencyHeader = styled({ bold: true, size: AGENCY_CAPTION_SIZE, align: 'center', valign: 'bottom', border: true, rotate: 90 });
  ['STT', 'Nhóm', 'Nội dung nhiệm vụ', 'Thời gian hoàn thành', ...agencies.map((a) => a.name)].forEach((caption, i) => {
    const cell = header.getCell(i + 1);
    cell.value = caption;
    cell.style = i < FIXED ? fixedHeader : agencyHeader;
  });
  header.height = agencies.length ? rotatedHeaderHeight(agencies.map((a) => a.name)) : 30;

  const left = styled({ border: true });
  const centre = styled({ border: true, align: 'center' });
  const matrixCell = styled({ border: true, align: 'center', size: MATRIX_SIZE });
  const first = HEADER_ROW + 1;
  tasks.forEach((t, i) => {
    const row = ws.getRow(first + i);
    const fixed: Array<string | number> = [sttValue(t), t.groupLabel, t.task, t.deadline];
    fixed.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      if (v !== '') cell.value = v;
      cell.style = c === 1 || c === 2 ? left : centre;
    });
    const m = roles[i];
    agencies.forEach((a, j) => {
      const cell = row.getCell(FIXED + 1 + j);
      const role = m.get(a.key);
      if (role) cell.value = role === 'lead' ? ROLE_LEAD : ROLE_COOPERATE;
      cell.style = matrixCell;
    });
    row.height = rowHeightPt(fixed.map((v, c) => ({ text: String(v), width: widths[c], size: 12 })));
    row.commit(); // streaming export: written out now
  });
  const last = first + tasks.length - 1;

  // Counts as formulas so that they follow the departments' edits; the cached results are the
  // model's own counts, so a reader that does not calculate sees the right numbers too.
  const countRows: Array<[string, string, 'lead' | 'cooperate']> = [
    ['Số nhiệm vụ chủ trì', ROLE_LEAD, 'lead'],
    ['Số nhiệm vụ phối hợp', ROLE_COOPERATE, 'cooperate'],
  ];
  const countLabel = styled({ bold: true, align: 'right', wrap: false });
  const countCell = styled({ bold: true, align: 'center', border: true });
  countRows.forEach(([caption, word, role], k) => {
    const row = ws.getRow(last + 2 + k);
    const label = row.getCell(3);
    label.value = caption;
    label.style = countLabel;
    agencies.forEach((a, j) => {
      const col = columnLetter(FIXED + 1 + j);
      const result = roles.filter((m) => m.get(a.key) === role).length;
      const cell = row.getCell(FIXED + 1 + j);
      cell.value = tasks.length ? { formula: `COUNTIF(${col}${first}:${col}${last},"${word}")`, result } : 0;
      cell.style = countCell;
    });
  });

  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: Math.max(HEADER_ROW, last), column: lastCol } };
  return ws;
}
