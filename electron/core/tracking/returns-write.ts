/**
 * The return workbook a unit fills for one period (#23), print-ready like the app's other workbooks: the plan it
 * reports on (cited by its issue), the unit, the period with its cut-off and due date on top; then the tasks it leads
 * with the columns it fills — Tình trạng (a drop-down of the five statuses), Kết quả/sản phẩm, Văn bản minh chứng
 * (số, ngày), Khó khăn, đề xuất, Ghi chú — and below, greyed, the tasks it cooperates on (for its information; the
 * lead reports them). Each task row carries its row id in a hidden last column, and a very hidden sheet the manifest
 * (manifest.ts), so the return comes back to its plan, period, unit and rows for certain.
 * Store-free: the service builds the model (returns.ts), this writes it (in the jobs worker on the desktop).
 */
import ExcelJS from 'exceljs';
import type { Style } from 'exceljs';
import { shortDate } from '../model/dates';
import { STATUS_WORDS, TASK_STATUSES, type ReportPeriod } from '../model/tracking';
import { rowHeightPt } from '../export/xlsx/text-fit';
import { PAGE_NUMBER_FOOTER, landscapeA4, styled } from '../export/xlsx/style';
import { writeManifest, type Manifest } from './manifest';

export type ReturnBookRow =
  | { kind: 'group'; label: string; title: string }
  | { kind: 'task'; rowId: number; stt: string; task: string; deadline: string; leadText: string; heading: boolean };

export interface ReturnBook {
  fileName: string;
  /** The issuing body, one line (`ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC`). */
  issuer: string;
  /** How the plan is cited (issue.ts planCitation). */
  citation: string;
  period: ReportPeriod;
  unit: { key: string; name: string };
  lead: ReturnBookRow[];
  cooperate: ReturnBookRow[];
  manifest: Manifest;
}

export const RETURN_SHEET = 'Báo cáo';
/** The captions of the return's table; the reader finds its columns by them (and by looser words in retyped sheets). */
export const RETURN_CAPTIONS = {
  stt: 'STT',
  task: 'Nội dung nhiệm vụ',
  deadline: 'Thời gian hoàn thành',
  status: 'Tình trạng',
  result: 'Kết quả/sản phẩm',
  evidence: 'Văn bản minh chứng (số, ngày)',
  difficulties: 'Khó khăn, đề xuất',
  note: 'Ghi chú',
  id: 'Mã (không sửa)',
} as const;
export type ReturnColumn = keyof typeof RETURN_CAPTIONS;
const ORDER: ReturnColumn[] = ['stt', 'task', 'deadline', 'status', 'result', 'evidence', 'difficulties', 'note', 'id'];
const WIDTHS: Record<ReturnColumn, number> = { stt: 6, task: 52, deadline: 14, status: 18, result: 30, evidence: 22, difficulties: 22, note: 16, id: 8 };
/** The headings of the two blocks, as the reader recognises them. */
export const LEAD_BLOCK = 'A. NHIỆM VỤ CHỦ TRÌ THỰC HIỆN (ghi tình trạng, kết quả của từng nhiệm vụ)';
export const COOPERATE_BLOCK = 'B. NHIỆM VỤ PHỐI HỢP THỰC HIỆN (để theo dõi; cơ quan chủ trì báo cáo tình trạng)';
export const HEADER_ROW = 7;

const GREY = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFEDEDED' } };
const greyCache = new Map<string, Partial<Style>>();
/** A shared style with a grey fill (the read-only block). */
function grey(style: Partial<Style>): Partial<Style> {
  const key = JSON.stringify(style);
  let out = greyCache.get(key);
  if (!out) greyCache.set(key, (out = Object.freeze({ ...style, fill: GREY }) as Partial<Style>));
  return out;
}

const date = (iso: string) => shortDate(iso);

/** The workbook's bytes. */
export async function writeReturnBook(book: ReturnBook): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Soạn Kế hoạch';
  wb.title = `${book.period.label} - ${book.unit.name}`;
  const ws = wb.addWorksheet(RETURN_SHEET, {
    pageSetup: landscapeA4(`${HEADER_ROW}:${HEADER_ROW}`),
    headerFooter: { oddFooter: PAGE_NUMBER_FOOTER },
    views: [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROW, showGridLines: false }],
  });
  ws.columns = ORDER.map((c) => ({ key: c, width: WIDTHS[c], hidden: c === 'id' }));
  const last = ORDER.length - 1; // the id column is not merged over nor printed
  const printedWidth = ORDER.slice(0, last).reduce((w, c) => w + WIDTHS[c], 0);

  const line = (row: number, text: string, look: { bold?: boolean; italic?: boolean; size?: number; align?: 'left' | 'center' }) => {
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.style = styled({ ...look, size: look.size ?? 12, align: look.align ?? 'center', valign: 'middle' });
    ws.mergeCells(row, 1, row, last);
    ws.getRow(row).height = rowHeightPt([{ text, width: printedWidth, size: look.size ?? 12, bold: look.bold }]);
  };
  line(1, `BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ - ${book.period.label.toUpperCase()}`, { bold: true, size: 14 });
  line(2, `Thực hiện ${book.citation}`, { italic: true });
  line(3, `Cơ quan báo cáo: ${book.unit.name}`, { bold: true });
  line(
    4,
    `Kỳ báo cáo: ${book.period.label} (số liệu từ ngày ${date(book.period.from)} đến ngày ${date(book.period.cutoff)}). ` +
      `Hạn gửi báo cáo: ngày ${date(book.period.returnsDue)}.`,
    {},
  );
  line(
    5,
    'Cột “Tình trạng”: chọn một trong danh sách. Ghi rõ kết quả, sản phẩm; văn bản minh chứng (số, ngày); khó khăn, đề xuất. ' +
      'Nhiệm vụ phát sinh: thêm dòng ở cuối phần A. Giữ nguyên cột STT và nội dung nhiệm vụ.',
    { italic: true, size: 11, align: 'left' },
  );

  const header = ws.getRow(HEADER_ROW);
  const headerStyle = styled({ bold: true, align: 'center', valign: 'middle', border: true });
  ORDER.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = RETURN_CAPTIONS[c];
    cell.style = headerStyle;
  });
  header.height = rowHeightPt(ORDER.slice(0, last).map((c) => ({ text: RETURN_CAPTIONS[c], width: WIDTHS[c], size: 12, bold: true })));

  const left = styled({ border: true });
  const centre = styled({ border: true, align: 'center' });
  const bold = styled({ border: true, bold: true });
  const boldCentre = styled({ border: true, bold: true, align: 'center' });
  const list = `"${TASK_STATUSES.map((s) => STATUS_WORDS[s]).join(',')}"`;
  let r = HEADER_ROW + 1;

  const block = (title: string, rows: readonly ReturnBookRow[], cooperate: boolean) => {
    const head = ws.getCell(r, 1);
    head.value = title;
    head.style = styled({ bold: true, border: true, valign: 'middle' });
    ws.mergeCells(r, 1, r, last);
    ws.getRow(r).height = rowHeightPt([{ text: title, width: printedWidth, size: 12, bold: true }]);
    r++;
    for (const item of rows) {
      const row = ws.getRow(r);
      if (item.kind === 'group') {
        row.getCell(1).value = item.label;
        row.getCell(1).style = boldCentre;
        row.getCell(2).value = item.title;
        row.getCell(2).style = bold;
        ws.mergeCells(r, 2, r, last);
        row.height = rowHeightPt([{ text: item.title, width: printedWidth - WIDTHS.stt, size: 12, bold: true }]);
        r++;
        continue;
      }
      const values: Record<ReturnColumn, string | number> = {
        stt: item.stt, task: item.task, deadline: item.deadline, status: '', result: '', evidence: '', difficulties: '',
        note: cooperate ? `Chủ trì: ${item.leadText}` : '', id: item.heading ? '' : item.rowId,
      };
      ORDER.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        const v = values[c];
        if (v !== '') cell.value = v;
        const base = c === 'stt' || c === 'deadline' || c === 'status' ? centre : item.heading && c === 'task' ? bold : left;
        cell.style = cooperate ? grey(base) : base;
      });
      if (!cooperate && !item.heading) {
        row.getCell(ORDER.indexOf('status') + 1).dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [list],
          showErrorMessage: true,
          errorStyle: 'warning',
          errorTitle: 'Tình trạng',
          error: 'Nên chọn một tình trạng trong danh sách.',
        };
      }
      row.height = rowHeightPt(ORDER.slice(0, last).map((c) => ({ text: String(values[c]), width: WIDTHS[c], size: 12, bold: item.heading && c === 'task' })));
      r++;
    }
  };
  block(LEAD_BLOCK, book.lead, false);
  if (book.cooperate.length) block(COOPERATE_BLOCK, book.cooperate, true);

  writeManifest(wb, book.manifest);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
