/**
 * The appendix task table of a DOCX: the table whose header row's captions name a task column and one
 * more known column (the caption matching of the workbook reader, captionRole), its Roman-numeral group
 * rows, header rows repeated on each page (or typed again) skipped, leftovers of rows split across pages
 * joined, vertically merged cells filled downwards. STT numbers are not kept (the program numbers rows).
 * Agency cells are split into mentions by the workbook reader's AgencyDirectory (the one agency splitter).
 */
import type { Appendix, AppendixGroup, ColumnDef, ColumnRole, Agency } from '../model/types';
import { defaultColumns } from '../model/defaults';
import { foldForSearch } from '../model/text';
import { captionRole, childColumn, headerChildNotes, textColumnNotes, headerSignature, type HeaderColumn } from '../xlsx/import/header';
import { AgencyDirectory, agencySplitNotes } from '../xlsx/import/agencies';
import { rowsFromTable } from '../xlsx/import/row-tree';
import type { ImportNote } from '../model/import-report';
import { columnsFromCaptions, defaultWidth, romanOf, romanTitle, rowsList, startsLowercase } from '../xlsx/import/row-rules';
import { cellText, type Tbl } from './wordml';

/** One grid position of a row: the text of the cell that starts there, or of the cell merged down into it. */
interface GridCell {
  text: string;
  /** First grid column of the cell. */
  start: number;
  span: number;
  /** A `vMerge` continuation: the value is the cell's above. */
  mergedDown: boolean;
}

export interface GridRow {
  /** 1-based row of the table, for messages. */
  index: number;
  header: boolean;
  /** Cells by their first grid column. */
  cells: GridCell[];
}

/** Rows as grid positions, vertical merges filled down with the value of the merge's first cell. */
export function tableGrid(tbl: Tbl): GridRow[] {
  const out: GridRow[] = [];
  let above = new Map<number, string>();
  tbl.rows.forEach((row, r) => {
    const cells: GridCell[] = [];
    const values = new Map<number, string>();
    let col = row.gridBefore;
    for (const c of row.cells) {
      const mergedDown = c.vMerge === 'continue';
      const text = mergedDown ? (above.get(col) ?? '') : cellText(c);
      cells.push({ text, start: col, span: c.span, mergedDown });
      values.set(col, text);
      col += c.span;
    }
    above = values;
    out.push({ index: r + 1, header: row.header, cells });
  });
  return out;
}

export interface FoundTableHeader {
  /** Index in the grid rows of the first row after the header (and the `(1) (2) (3)` row). */
  dataStart: number;
  columns: Array<HeaderColumn & { span: number }>;
}

function isHeader(columns: readonly { role: ColumnRole | null }[]): boolean {
  const roles = new Set(columns.map((c) => c.role));
  return roles.has('task') && (roles.has('number') || roles.has('lead') || roles.has('cooperate') || roles.has('deadline'));
}

/** How far down a table the header may sit (a title typed in the table's first rows). */
const HEADER_SEARCH_ROWS = 4;

/**
 * The captions of a header starting at `r`. A caption spanning columns (`Cơ quan thực hiện` over
 * `Chủ trì | Phối hợp`) takes its sub-captions from the row below.
 */
function captionsAt(rows: GridRow[], r: number): { columns: FoundTableHeader['columns']; rows: number } {
  const top = rows[r];
  const below = rows[r + 1];
  const columns: FoundTableHeader['columns'] = [];
  let twoRows = false;
  for (const cell of top.cells) {
    const subs = cell.span > 1 && below ? below.cells.filter((b) => b.start >= cell.start && b.start < cell.start + cell.span && b.text) : [];
    if (subs.length > 1) {
      twoRows = true;
      subs.forEach((s, i) => {
        const end = i + 1 < subs.length ? subs[i + 1].start : cell.start + cell.span;
        columns.push({ ...childColumn(cell.text, s.text, s.start), span: end - s.start });
      });
      continue;
    }
    if (!cell.text) continue;
    columns.push({ col: cell.start, span: cell.span, caption: cell.text.replace(/\s*\n\s*/g, ' '), role: captionRole(cell.text) });
  }
  if (twoRows) {
    // Columns whose caption spans both header rows were merged down: the row below repeats them.
    return { columns, rows: 2 };
  }
  return { columns, rows: 1 };
}

function isColumnNumberRow(row: GridRow | undefined, columns: FoundTableHeader['columns']): boolean {
  if (!row) return false;
  const texts = columns.map((c) => textIn(row, c)).filter(Boolean);
  if (texts.length < 3 || texts.length < columns.length - 1) return false;
  return texts.every((t, i) => t.replace(/[()]/g, '') === String(i + 1));
}

/** The table's header: the first of its top rows whose captions name a task column and one more known column. */
export function findTableHeader(rows: GridRow[]): FoundTableHeader | null {
  for (let r = 0; r < Math.min(rows.length, HEADER_SEARCH_ROWS); r++) {
    const { columns, rows: used } = captionsAt(rows, r);
    if (!isHeader(columns)) continue;
    let dataStart = r + used;
    if (isColumnNumberRow(rows[dataStart], columns)) dataStart++;
    return { dataStart, columns };
  }
  return null;
}

/** The text a row holds under a header column: the cells starting inside the column's span, joined. */
function textIn(row: GridRow, column: { col: number; span: number }): string {
  const parts: string[] = [];
  for (const c of row.cells) if (c.start >= column.col && c.start < column.col + column.span && c.text) parts.push(c.text);
  return parts.join(' ');
}

function mergedIn(row: GridRow, column: { col: number; span: number }): boolean {
  const c = row.cells.find((x) => x.start >= column.col && x.start < column.col + column.span);
  return !!c && c.mergedDown;
}

interface RawTask {
  /** 1-based row where the task starts, counted on through the continuing tables. */
  row: number;
  texts: string[];
}
interface RawGroup {
  title: string;
  tasks: RawTask[];
}

/**
 * An agency cell typed one agency per line: lines are joined back into one text the splitter reads.
 * A leading bullet (`- `, `+ `, `•`) is dropped; a line ending with `;` or `,` keeps its mark; a line
 * that starts in lower case carries on the name above (a forced wrap: `Các sở, ban, ngành` / `tỉnh`),
 * any other line is a new agency (joined with "; ", where the splitter cuts).
 */
export function joinAgencyLines(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text
    .split('\n')
    .map((l) => l.replace(/^\s*[-–—+•*]\s*/u, '').trim())
    .filter(Boolean);
  let out = '';
  lines.forEach((line, i) => {
    if (i === 0) {
      out = line;
      return;
    }
    if (/[;,]$/.test(out)) out += ` ${line}`;
    else if (startsLowercase(line)) out += ` ${line}`;
    else out += `; ${line}`;
  });
  return out;
}

/** The six usual columns' total: widths are scaled to it (the exporters scale to the page anyway). */
const NORMAL_TOTAL_MM = defaultColumns().reduce((s, c) => s + c.width, 0);

function columnsFrom(header: FoundTableHeader, grid: number[]): ColumnDef[] {
  const twips = header.columns.map((h) => {
    let w = 0;
    for (let i = h.col; i < h.col + h.span; i++) w += grid[i] ?? 0;
    return w;
  });
  const totalTwips = twips.reduce((a, b) => a + b, 0);
  return columnsFromCaptions(header.columns, (i, role) =>
    totalTwips > 0 && twips[i] > 0 ? Math.max(1, Math.round((twips[i] / totalTwips) * NORMAL_TOTAL_MM)) : defaultWidth(role),
  );
}

export interface ReadAppendix {
  appendix: Omit<Appendix, 'label' | 'title'>;
  agencies: Agency[];
  warnings: string[];
  notes: ImportNote[];
}

/**
 * Reads the task table (and the tables that continue it: the same header again, or a table of the same
 * width that follows with no header) into columns, groups and rows.
 */
export function readAppendixTables(parts: Array<{ rows: GridRow[]; grid: number[] }>, header: FoundTableHeader, where: string): ReadAppendix {
  const cols = header.columns;
  const numberAt = cols.findIndex((c) => c.role === 'number');
  const taskAt = cols.findIndex((c) => c.role === 'task');
  const signature = headerSignature(cols);
  const folded = (t: string) => foldForSearch(t);
  const groups: RawGroup[] = [];
  const warnings: string[] = [];
  const joinedRows: number[] = [];
  const unnumberedRows: number[] = [];
  let repeatedHeaders = 0;
  let current: RawGroup | null = null;
  let previous: RawTask | null = null;

  // Rows are counted on through the tables that continue the first, so a report's row is one place.
  let rowOffset = 0;
  parts.forEach((part, partIndex) => {
    const start = partIndex === 0 ? header.dataStart : 0;
    if (partIndex > 0) rowOffset += parts[partIndex - 1].rows.length;
    for (let r = start; r < part.rows.length; r++) {
      const row = part.rows[r];
      const texts = cols.map((c) => textIn(row, c));
      const merged = cols.map((c) => mergedIn(row, c));
      // Empty, or only values merged down from the row above: nothing new on this row.
      if (texts.every((t, i) => t === '' || merged[i])) continue;
      // The header again: repeated on each page (w:tblHeader) or typed again mid-table; and its number row.
      if (row.header || headerSignature(cols.map((c, i) => ({ ...c, caption: texts[i] }))) === signature) {
        repeatedHeaders++;
        continue;
      }
      if (texts.every((t, i) => folded(t).replace(/[()]/g, '') === String(i + 1))) continue;

      const stt = numberAt >= 0 ? texts[numberAt] : '';
      const others = texts.filter((_, i) => i !== numberAt && i !== taskAt && texts[i] !== '');

      // A group row: the Roman numeral in the STT column and the title beside it …
      const roman = stt ? romanOf(stt) : null;
      if (roman !== null) {
        const titleText = texts.find((t, i) => i !== numberAt && t !== '') ?? '';
        current = { title: titleText.replace(/\s*\n\s*/g, ' '), tasks: [] };
        groups.push(current);
        previous = null;
        continue;
      }
      // … or `II. Title` alone on the row (one cell spanned across, or in the first column).
      const filled = texts.filter((t) => t !== '');
      if (filled.length === 1 && others.length <= 1) {
        const single = romanTitle(filled[0]);
        if (single) {
          current = { title: single.title.replace(/\s*\n\s*/g, ' '), tasks: [] };
          groups.push(current);
          previous = null;
          continue;
        }
      }

      const taskText = taskAt >= 0 ? texts[taskAt] : '';
      const continues = stt === '' && previous !== null && (taskText === '' || startsLowercase(taskText));
      if (continues && previous) {
        const prev: RawTask = previous;
        texts.forEach((t, i) => {
          // A value merged down from the previous row is the same value, not more text.
          if (!t || merged[i] || i === numberAt) return;
          prev.texts[i] = prev.texts[i] ? `${prev.texts[i]} ${t}` : t;
        });
        joinedRows.push(row.index);
        continue;
      }

      if (stt === '' && numberAt >= 0) unnumberedRows.push(row.index);
      if (!current) {
        current = { title: '', tasks: [] };
        groups.push(current);
      }
      previous = { row: rowOffset + row.index, texts: [...texts] };
      current.tasks.push(previous);
    }
  });

  if (joinedRows.length) {
    warnings.push(`${where}: dòng ${rowsList(joinedRows)} không có STT và viết tiếp nhiệm vụ ở dòng trên (bị ngắt trang): đã nối vào nhiệm vụ đó.`);
  }
  if (unnumberedRows.length) {
    warnings.push(`${where}: dòng ${rowsList(unnumberedRows)} không có STT: đã đọc là nhiệm vụ mới và đánh số lại.`);
  }
  if (repeatedHeaders > 0) {
    // Not a problem: noted so a drafter who counts rows knows where they went.
    warnings.push(`${where}: bỏ qua ${repeatedHeaders} dòng tiêu đề bảng lặp lại.`);
  }

  const columns = columnsFrom(header, parts[0]?.grid ?? []);
  const directory = new AgencyDirectory(null);
  const nested = rowsFromTable(groups, columns, directory, numberAt);
  const appendixGroups: AppendixGroup[] = nested.groups;
  const notes = [
    ...headerChildNotes(header.columns),
    ...textColumnNotes(columns),
    ...nested.notes,
    ...agencySplitNotes(directory.guessed, new Map(columns.map((c) => [c.key, c.caption]))),
  ];
  const appendix: ReadAppendix['appendix'] = { columns, groups: appendixGroups };
  if (nested.numbering) appendix.numbering = nested.numbering;
  return { appendix, agencies: directory.agencies(), warnings, notes };
}
