import type { Worksheet } from 'exceljs';
import type { ColumnRole } from '../../model/types';
import { foldForSearch } from '../../model/text';
import { readCellValue, readTableCell } from './cells';

/** How far down a person's sheet the header may sit (title block, issuer header, notes above it). */
const HEADER_SEARCH_ROWS = 40;

export interface HeaderColumn {
  /** 1-based sheet column. */
  col: number;
  caption: string;
  role: ColumnRole | null;
}

export interface FoundHeader {
  /** First header row (1-based). */
  row: number;
  /** First row after the header (and after a `(1) (2) (3)` column-number row). */
  dataStart: number;
  columns: HeaderColumn[];
}

/** What a caption means, whatever its case, diacritics or punctuation: `NỘI DUNG, NHIỆM VỤ`, `Co quan chu tri`. */
export function captionRole(caption: string): ColumnRole | null {
  const f = foldForSearch(caption).replace(/[.:,;()*]/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^(stt|tt|so tt|so thu tu)$/.test(f)) return 'number';
  if (/^(noi dung|nhiem vu|ten nhiem vu)\b/.test(f)) return 'task';
  if (/\bchu tri\b/.test(f)) return 'lead';
  if (/\bphoi hop\b/.test(f)) return 'cooperate';
  if (/^(thoi gian|thoi han|tien do)\b/.test(f)) return 'deadline';
  if (/^ghi chu\b/.test(f)) return 'note';
  return null;
}

function isHeader(columns: readonly HeaderColumn[]): boolean {
  const roles = new Set(columns.map((c) => c.role));
  return roles.has('task') && (roles.has('number') || roles.has('lead') || roles.has('cooperate') || roles.has('deadline'));
}

function lastColumn(ws: Worksheet): number {
  return Math.max(ws.columnCount, ws.actualColumnCount, 1);
}

/**
 * The captions a header starting at `row` gives. A caption merged across columns
 * (`Cơ quan thực hiện` over `Chủ trì | Phối hợp`) takes its sub-captions from the row below.
 */
function captionsAt(ws: Worksheet, row: number): { columns: HeaderColumn[]; rows: number } {
  const width = lastColumn(ws);
  const top = ws.getRow(row);
  const below = ws.getRow(row + 1);
  const columns: HeaderColumn[] = [];
  let twoRows = false;
  for (let c = 1; c <= width; c++) {
    const cell = top.getCell(c);
    const spansColumns =
      cell.isMerged &&
      (Number(cell.master.col) !== c || (c < width && top.getCell(c + 1).isMerged && top.getCell(c + 1).master === cell.master));
    let caption = cell.isMerged && Number(cell.master.col) !== c ? '' : readCellValue(cell.master.value).text;
    if (spansColumns) {
      const sub = readTableCell(below.getCell(c)).text;
      if (sub) {
        caption = sub;
        twoRows = true;
      }
    }
    if (caption) columns.push({ col: c, caption: caption.replace(/\s*\n\s*/g, ' '), role: captionRole(caption) });
  }
  return { columns, rows: twoRows ? 2 : 1 };
}

/** A row of column numbers under the header: `(1) (2) (3)` or `1 2 3`. */
function isColumnNumberRow(ws: Worksheet, row: number, columns: readonly HeaderColumn[]): boolean {
  const r = ws.getRow(row);
  const texts = columns.map((c) => readTableCell(r.getCell(c.col)).text).filter(Boolean);
  if (texts.length < 3 || texts.length < columns.length - 1) return false;
  return texts.every((t, i) => t.replace(/[()]/g, '') === String(i + 1));
}

/** The table's header: the first row, from the top, whose captions name a task column and one more known column. */
export function findHeader(ws: Worksheet): FoundHeader | null {
  const last = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
  for (let row = 1; row <= last; row++) {
    const { columns, rows } = captionsAt(ws, row);
    if (!isHeader(columns)) continue;
    let dataStart = row + rows;
    if (isColumnNumberRow(ws, dataStart, columns)) dataStart++;
    return { row, dataStart, columns };
  }
  return null;
}

/** The folded captions of a header, to recognise the header repeated inside the table (pasted page by page). */
export function headerSignature(columns: readonly HeaderColumn[]): string {
  return columns.map((c) => foldForSearch(c.caption)).join('|');
}
