import type { Worksheet } from 'exceljs';
import type { ColumnRole } from '../../model/types';
import { foldForSearch } from '../../model/text';
import { readCellValue, readTableCell } from './cells';
import type { ImportNote } from '../../model/import-report';

/** How far down a person's sheet the header may sit (title block, issuer header, notes above it). */
const HEADER_SEARCH_ROWS = 40;

export interface HeaderColumn {
  /** 1-based sheet column. */
  col: number;
  caption: string;
  role: ColumnRole | null;
  /** Under a caption spanning columns in a two-row header: the parent's caption, and what the child means. */
  parent?: { caption: string; meaning: ColumnRole | 'start' | null };
}

/**
 * A child caption of a two-row header read with its parent: "Thời gian thực hiện" over "Bắt đầu" / "Hoàn thành"
 * gives a start column and the deadline. A child that names a role itself (`Chủ trì`) keeps its caption;
 * one that means something only under its parent is captioned `Parent: Child`, so the parent is not lost.
 */
export function childColumn(parent: string, child: string, col: number): HeaderColumn {
  const own = captionRole(child);
  const cleanParent = parent.replace(/\s*\n\s*/g, ' ');
  const cleanChild = child.replace(/\s*\n\s*/g, ' ');
  if (own) return { col, caption: cleanChild, role: own, parent: { caption: cleanParent, meaning: own } };
  const p = foldForSearch(parent);
  const c = foldForSearch(child).replace(/[.:,;()*]/g, ' ').trim();
  const timeParent = captionRole(parent) === 'deadline' || /^(thoi gian|thoi han|tien do)\b/.test(p);
  let meaning: ColumnRole | 'start' | null = null;
  if (timeParent && /^(hoan thanh|ket thuc|den|han hoan thanh|thoi han)\b/.test(c)) meaning = 'deadline';
  else if (timeParent && /^(bat dau|tu|khoi cong|trien khai)\b/.test(c)) meaning = 'start';
  return { col, caption: `${cleanParent}: ${cleanChild}`, role: meaning === 'start' ? null : meaning, parent: { caption: cleanParent, meaning } };
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
    const caption = readCellValue(cell.master.value, cell.master.numFmt || undefined, cell.master.font?.name || undefined).text;
    const own = cell.isMerged && Number(cell.master.col) !== c ? '' : caption;
    if (spansColumns) {
      const sub = readTableCell(below.getCell(c)).text;
      if (sub) {
        columns.push(childColumn(caption, sub, c));
        twoRows = true;
        continue;
      }
    }
    if (own) columns.push({ col: c, caption: own.replace(/\s*\n\s*/g, ' '), role: captionRole(own) });
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

/** Report notes for the child captions of a two-row header. */
export function headerChildNotes(columns: readonly HeaderColumn[]): ImportNote[] {
  return columns
    .filter((c) => c.parent)
    .map((c) => ({
      kind: 'recognised' as const,
      code: 'headerChild' as const,
      params: { parent: c.parent!.caption, caption: c.caption.startsWith(`${c.parent!.caption}: `) ? c.caption.slice(c.parent!.caption.length + 2) : c.caption, role: c.parent!.meaning ?? '-' },
    }));
}

/** Report notes for the columns read as plain text (no role the program knows). */
export function textColumnNotes(columns: ReadonlyArray<{ caption: string; kind: string; role: ColumnRole | null }>): ImportNote[] {
  return columns.filter((c) => c.role === null && c.kind === 'text').map((c) => ({ kind: 'text' as const, code: 'textColumn' as const, params: { caption: c.caption } }));
}
