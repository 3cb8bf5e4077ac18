/**
 * A return workbook read back (#23), before it is held against the plan: its manifest (if it still has one), the
 * lines above its table, and every row of its table as text by meaning — ours, or a sheet a department retyped in its
 * own layout (columns found by their captions' words: "Tình trạng", "Tiến độ", "Kết quả thực hiện", "Minh chứng" …;
 * a column none of them names is kept and read into the note, never dropped). Store-free: runs in the jobs worker.
 * The file goes through the importers' guarded unzip (import/xlsx/guard.ts) first.
 */
import type { Worksheet } from 'exceljs';
import { UserError } from '../errors';
import { foldForSearch } from '../model/text';
import type { CodedMessage } from '../model/messages';
import { loadWorkbook } from '../import/xlsx/guard';
import { sheetGrid } from '../import/xlsx/read-table';
import type { GridRow } from '../import/xlsx/table-reader';
import { readManifest, MANIFEST_SHEET, type Manifest } from './manifest';
import type { ReturnColumn } from './returns-write';

export interface ParsedReturnRow {
  /** The row in the sheet (1-based), for the report. */
  sheetRow: number;
  /** The block the row is in: A (tasks led) or B (tasks cooperated on, for information); null in a retyped sheet. */
  block: 'lead' | 'cooperate' | null;
  /** `group`: a group heading (`I. Cải cách thể chế`); `task`: anything else with text. */
  kind: 'group' | 'task';
  stt: string;
  task: string;
  deadline: string;
  status: string;
  result: string;
  evidence: string;
  difficulties: string;
  note: string;
  /** The row id in the hidden column, when it holds a whole number. */
  id: number | null;
  /** Cells of columns none of the known captions names: `Caption: text`, kept with the row. */
  extra: string[];
}

export interface ParsedReturn {
  file: string;
  manifest: { state: 'absent' } | { state: 'damaged' } | { state: 'ok'; manifest: Manifest };
  sheet: string;
  /** The lines above the table (title, unit, period): how a retyped return says who sent it and for when. */
  titleLines: string[];
  /** Which known columns the table has. */
  columns: ReturnColumn[];
  rows: ParsedReturnRow[];
  warnings: CodedMessage[];
}

const HEADER_SEARCH_ROWS = 40;

/** What a caption means in a return, whatever its case and marks; null for a column the reader does not know. */
export function returnCaption(caption: string): ReturnColumn | 'lead' | 'cooperate' | null {
  const f = foldForSearch(caption).replace(/[.:,;()*/]/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^ma\b/.test(f)) return 'id';
  if (/^(stt|tt|so tt|so thu tu)$/.test(f)) return 'stt';
  if (/^(thoi gian|thoi han|han hoan thanh|han)\b/.test(f)) return 'deadline';
  if (/\b(tinh trang|trang thai|tien do|muc do hoan thanh|tinh hinh thuc hien|danh gia)\b/.test(f)) return 'status';
  if (/\b(minh chung|van ban chung minh)\b/.test(f)) return 'evidence';
  if (/\b(kho khan|vuong mac|de xuat|kien nghi)\b/.test(f)) return 'difficulties';
  if (/\b(ket qua|san pham)\b/.test(f)) return 'result';
  if (/^ghi chu\b/.test(f)) return 'note';
  if (/\bchu tri\b/.test(f)) return 'lead';
  if (/\bphoi hop\b/.test(f)) return 'cooperate';
  if (/\b(noi dung|nhiem vu|cong viec)\b/.test(f)) return 'task';
  return null;
}

interface Header {
  index: number;
  columns: Array<{ col: number; caption: string; meaning: ReturnColumn | 'lead' | 'cooperate' | null }>;
}

/** The first row (from the top) with a task column and one more column a return has: a status, a result … */
function findHeader(grid: readonly GridRow[]): Header | null {
  for (const row of grid) {
    if (row.index > HEADER_SEARCH_ROWS) break;
    const columns = row.cells.filter((c) => c.text && !c.mergedDown).map((c) => ({ col: c.start, caption: c.text.replace(/\s*\n\s*/g, ' '), meaning: returnCaption(c.text) }));
    const meanings = new Set(columns.map((c) => c.meaning));
    if (meanings.has('task') && (meanings.has('status') || meanings.has('result'))) return { index: row.index, columns };
  }
  return null;
}

const ROMAN = /^(?:[IVXLC]+)\.?$/;
/** `A. NHIỆM VỤ CHỦ TRÌ …` / `B. NHIỆM VỤ PHỐI HỢP …`: the blocks of our workbook. */
function blockOf(text: string): 'lead' | 'cooperate' | null {
  const f = foldForSearch(text);
  if (!/^[ab]\s*[.)]\s*nhiem vu/.test(f)) return null;
  return /phoi hop/.test(f) ? 'cooperate' : /chu tri/.test(f) ? 'lead' : null;
}

function tableOf(ws: Worksheet): { grid: GridRow[]; header: Header } | null {
  const grid = sheetGrid(ws);
  const header = findHeader(grid);
  return header ? { grid, header } : null;
}

/**
 * Reads a return workbook's rows. Throws a coded UserError naming the file when it is not a workbook the reader can
 * open (the guard's refusals) or has no table a return could be (`returns.noTable`).
 */
export async function parseReturnBook(data: Buffer, fileName: string): Promise<ParsedReturn> {
  const { wb } = await loadWorkbook(data, fileName);
  const manifest = readManifest(wb);
  const sheets = wb.worksheets.filter((ws) => ws.name !== MANIFEST_SHEET);
  const ordered = [...sheets.filter((ws) => ws.state === 'visible'), ...sheets.filter((ws) => ws.state !== 'visible')];
  let found: { ws: Worksheet; grid: GridRow[]; header: Header } | null = null;
  for (const ws of ordered) {
    const t = tableOf(ws);
    if (t) {
      found = { ws, ...t };
      break;
    }
  }
  if (!found) throw UserError.coded('returns.noTable', { file: fileName }, `${fileName}: no table with a task column and a status or result column.`);
  const { ws, grid, header } = found;
  const warnings: CodedMessage[] = [];
  const titleLines = grid
    .filter((r) => r.index < header.index)
    .map((r) => r.cells.map((c) => c.text).filter(Boolean).join(' ').trim())
    .filter(Boolean);
  const known = header.columns.filter((c) => c.meaning !== null && c.meaning !== 'lead' && c.meaning !== 'cooperate');
  const columnOf = new Map<ReturnColumn, number>();
  for (const c of known) if (!columnOf.has(c.meaning as ReturnColumn)) columnOf.set(c.meaning as ReturnColumn, c.col);
  // Columns kept as they are, read into the note: a lead/cooperate column, a second column of the same meaning, any other.
  const others = header.columns.filter((c) => !(c.meaning && c.meaning !== 'lead' && c.meaning !== 'cooperate' && columnOf.get(c.meaning as ReturnColumn) === c.col));
  if (!columnOf.has('status')) warnings.push({ key: 'tracking.note.noStatusColumn', values: { file: fileName, sheet: ws.name } });

  const rows: ParsedReturnRow[] = [];
  let block: 'lead' | 'cooperate' | null = null;
  for (const row of grid) {
    if (row.index <= header.index) continue;
    const textAt = (col: number | undefined) => (col === undefined ? '' : row.cells.filter((c) => c.start === col && !c.mergedDown).map((c) => c.text).join(' ').trim());
    const all = row.cells.filter((c) => c.text && !c.mergedDown);
    if (!all.length) continue;
    // A heading across the table: a block (A./B.) or a group (`I. Cải cách thể chế`, or `I` then the title).
    const first = all[0];
    if (all.length === 1 && first.span > 1) {
      const b = blockOf(first.text);
      if (b) {
        block = b;
        continue;
      }
    }
    const get = (key: ReturnColumn) => textAt(columnOf.get(key));
    const stt = get('stt');
    const task = get('task');
    const filled = (['status', 'result', 'evidence', 'difficulties'] as const).some((k) => get(k));
    const romanTitle = /^([IVXLC]+)\.\s+\S/.exec(first.text);
    if (!filled && ((ROMAN.test(stt) && task) || (all.length === 1 && romanTitle))) {
      rows.push({ sheetRow: row.index, block, kind: 'group', stt: stt || romanTitle?.[1] || '', task: task || first.text, deadline: '', status: '', result: '', evidence: '', difficulties: '', note: '', id: null, extra: [] });
      continue;
    }
    const idText = get('id');
    const extra = others.map((c) => [c.caption, textAt(c.col)] as const).filter(([, t]) => t).map(([caption, t]) => `${caption}: ${t}`);
    rows.push({
      sheetRow: row.index,
      block,
      kind: 'task',
      stt: stt.replace(/\.$/, ''),
      task,
      deadline: get('deadline'),
      status: get('status'),
      result: get('result'),
      evidence: get('evidence'),
      difficulties: get('difficulties'),
      note: get('note'),
      id: /^\d+$/.test(idText) ? Number(idText) : null,
      extra,
    });
  }
  return { file: fileName, manifest, sheet: ws.name, titleLines, columns: [...columnOf.keys()], rows, warnings };
}
