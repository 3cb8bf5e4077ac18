/**
 * The status table of a period as XLSX (#23): every task with its status, result, evidence and whether it is overdue,
 * grouped as the plan, filterable; and a second sheet with the completion rates per group (field of reform) and per
 * lead agency. Print-ready like the app's other workbooks (landscape A4, fitted to width, header repeated, page numbers).
 * Store-free: the service builds the model (report-files.ts).
 */
import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { AgencyRate, GroupRate, StatusCounts } from '../model/tracking';
import { rowHeightPt } from '../export/xlsx/text-fit';
import { PAGE_NUMBER_FOOTER, landscapeA4, styled } from '../export/xlsx/style';

export type StatusTableRow =
  | { kind: 'group'; label: string; title: string }
  | {
      kind: 'task'; heading: boolean; stt: string; task: string; lead: string; deadline: string; status: string; progress: number | null;
      result: string; evidence: string; overdue: boolean; difficulties: string; note: string; source: string;
    };

export interface StatusTableModel {
  title: string;
  /** The lines under the title: the plan cited, the period and its cut-off. */
  subtitle: string[];
  rows: StatusTableRow[];
  totals: StatusCounts;
  groups: GroupRate[];
  agencies: AgencyRate[];
}

export const STATUS_SHEET = 'Tình hình thực hiện';
export const RATES_SHEET = 'Tỷ lệ hoàn thành';
const CAPTIONS = [
  'STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tình trạng', 'Tiến độ (%)', 'Kết quả/sản phẩm',
  'Văn bản minh chứng', 'Quá hạn', 'Khó khăn, đề xuất', 'Ghi chú', 'Nguồn',
];
const WIDTHS = [6, 48, 24, 14, 16, 9, 30, 22, 9, 22, 16, 20];
const RATE_CAPTIONS = ['Tổng số', 'Đã hoàn thành', 'Hoàn thành quá hạn', 'Đang thực hiện', 'Chưa thực hiện', 'Không thực hiện', 'Chưa báo cáo', 'Quá hạn', 'Tỷ lệ hoàn thành'];

function titleRows(ws: Worksheet, lines: readonly string[], width: number, lastCol: number): number {
  lines.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.style = styled({ bold: i === 0, italic: i > 0, size: i === 0 ? 14 : 12, align: 'center', valign: 'middle' });
    ws.mergeCells(i + 1, 1, i + 1, lastCol);
    ws.getRow(i + 1).height = rowHeightPt([{ text, width, size: i === 0 ? 14 : 12, bold: i === 0 }]);
  });
  return lines.length + 2;
}

function statusSheet(wb: ExcelJS.Workbook, model: StatusTableModel): void {
  const top = model.subtitle.length + 3;
  const ws = wb.addWorksheet(STATUS_SHEET, {
    pageSetup: landscapeA4(`${top}:${top}`),
    headerFooter: { oddFooter: PAGE_NUMBER_FOOTER },
    views: [{ state: 'frozen', xSplit: 0, ySplit: top, showGridLines: false }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const total = WIDTHS.reduce((a, b) => a + b, 0);
  const headerRow = titleRows(ws, [model.title, ...model.subtitle], total, CAPTIONS.length);
  const header = ws.getRow(headerRow);
  CAPTIONS.forEach((c, i) => {
    header.getCell(i + 1).value = c;
    header.getCell(i + 1).style = styled({ bold: true, align: 'center', valign: 'middle', border: true });
  });
  header.height = rowHeightPt(CAPTIONS.map((text, i) => ({ text, width: WIDTHS[i], size: 12, bold: true })));
  const left = styled({ border: true });
  const centre = styled({ border: true, align: 'center' });
  const bold = styled({ border: true, bold: true });
  const red = styled({ border: true, align: 'center', bold: true, color: 'FFC00000' });
  let r = headerRow + 1;
  for (const item of model.rows) {
    const row = ws.getRow(r++);
    if (item.kind === 'group') {
      row.getCell(1).value = item.label;
      row.getCell(1).style = styled({ border: true, bold: true, align: 'center' });
      row.getCell(2).value = item.title;
      row.getCell(2).style = bold;
      ws.mergeCells(r - 1, 2, r - 1, CAPTIONS.length);
      continue;
    }
    const values: Array<string | number | null> = [
      item.stt, item.task, item.lead, item.deadline, item.status, item.progress, item.result, item.evidence, item.overdue ? 'Quá hạn' : '',
      item.difficulties, item.note, item.source,
    ];
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      if (v !== null && v !== '') cell.value = v;
      cell.style = i === 8 && item.overdue ? red : [0, 3, 4, 5, 8].includes(i) ? centre : item.heading && i === 1 ? bold : left;
    });
    row.height = rowHeightPt(values.map((v, i) => ({ text: v === null ? '' : String(v), width: WIDTHS[i], size: 12 })));
  }
  ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: Math.max(headerRow, r - 1), column: CAPTIONS.length } };
}

function ratesTable(ws: Worksheet, start: number, caption: string, rows: Array<{ name: string; counts: StatusCounts }>): number {
  const header = ws.getRow(start);
  [caption, ...RATE_CAPTIONS].forEach((c, i) => {
    header.getCell(i + 1).value = c;
    header.getCell(i + 1).style = styled({ bold: true, align: 'center', valign: 'middle', border: true });
  });
  header.height = rowHeightPt([{ text: RATE_CAPTIONS[1], width: 12, size: 12, bold: true }], 2);
  let r = start + 1;
  for (const { name, counts } of rows) {
    const row = ws.getRow(r++);
    const values = [name, counts.total, counts.done + counts.doneLate, counts.doneLate, counts.inProgress, counts.notStarted, counts.dropped, counts.unreported, counts.overdue, counts.rate];
    values.forEach((v, i) => {
      row.getCell(i + 1).value = v;
      row.getCell(i + 1).style = i === 0 ? styled({ border: true }) : i === values.length - 1 ? styled({ border: true, align: 'center', numFmt: '0.0%' }) : styled({ border: true, align: 'center' });
    });
    row.height = rowHeightPt([{ text: name, width: 40, size: 12 }]);
  }
  return r + 1;
}

function ratesSheet(wb: ExcelJS.Workbook, model: StatusTableModel): void {
  const ws = wb.addWorksheet(RATES_SHEET, { pageSetup: landscapeA4(), headerFooter: { oddFooter: PAGE_NUMBER_FOOTER }, views: [{ showGridLines: false }] });
  ws.columns = [{ width: 40 }, ...RATE_CAPTIONS.map(() => ({ width: 12 }))];
  let r = titleRows(ws, [`TỶ LỆ HOÀN THÀNH NHIỆM VỤ`, ...model.subtitle], 40 + 12 * RATE_CAPTIONS.length, RATE_CAPTIONS.length + 1);
  r = ratesTable(ws, r, 'Lĩnh vực', [...model.groups.map((g) => ({ name: `${g.label}. ${g.title}`, counts: g.counts })), { name: 'Tổng cộng', counts: model.totals }]);
  ratesTable(ws, r, 'Cơ quan chủ trì', model.agencies.map((a) => ({ name: a.name, counts: a.counts })));
}

/** The workbook's bytes. */
export async function writeStatusTable(model: StatusTableModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Soạn Kế hoạch';
  wb.title = model.title;
  statusSheet(wb, model);
  ratesSheet(wb, model);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
