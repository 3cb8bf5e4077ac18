import type { Workbook, Worksheet } from 'exceljs';
import { UserError } from '../../errors';
import type { Agency, Appendix, AppendixGroup, ColumnDef } from '../../model/types';
import { foldForSearch } from '../../model/text';
import { SHEET_APPENDIX, columnWidthToMm } from '../../export/xlsx/style';
import { ROUNDTRIP_SHEET, readRoundtripSheet, type RoundtripData } from '../../export/xlsx/roundtrip-data';
import { loadWorkbook } from './guard';
import { headerChildNotes, textColumnNotes } from './header';
import { HEADER_SEARCH_ROWS, readTitleBlock, sheetGrid } from './read-table';
import { findTableHeader, readTableRows, type FoundTableHeader, type GridRow } from './table-reader';
import { AgencyDirectory, agencySplitNotes } from './agencies';
import { rowsFromTable } from './row-tree';
import type { ImportReport } from '../../model/import-report';
import type { CodedMessage, MessageValues } from '../../model/messages';
import { columnsFromCaptions, defaultWidth, replacedCharactersWarning } from './row-rules';

export interface ImportedAppendix {
  appendix: Appendix;
  agencies: Agency[];
  /** The sheet the appendix was read from. */
  sheet: string;
  /** What was skipped, joined or guessed, coded (`importWarning.*`): the reader's language words it. */
  warnings: CodedMessage[];
  /** What was recognised, guessed (with its row) and left as text. */
  report: ImportReport;
}

/** Column definitions from the captions: known captions get the usual keys, others become text columns. */
function columnsFrom(ws: Worksheet, header: FoundTableHeader, roundtrip: RoundtripData | null): ColumnDef[] {
  // Our own workbook, header unchanged: the columns exactly as the plan had them.
  if (
    roundtrip &&
    roundtrip.columns.length === header.columns.length &&
    roundtrip.columns.every((c, i) => c.caption === header.columns[i].caption)
  ) {
    return roundtrip.columns.map((c) => ({ ...c }));
  }
  return columnsFromCaptions(
    header.columns,
    (i, role) => {
      const width = ws.getColumn(header.columns[i].col).width;
      return width ? columnWidthToMm(width) : defaultWidth(role);
    },
    (i) => Boolean(ws.getColumn(header.columns[i].col).hidden),
  );
}

interface Candidate {
  ws: Worksheet;
  grid: GridRow[];
  header: FoundTableHeader;
}

/** A sheet's grid and its table's header, or null when it has none. */
function tableOf(ws: Worksheet): Candidate | null {
  const grid = sheetGrid(ws);
  const header = findTableHeader(grid, HEADER_SEARCH_ROWS);
  return header ? { ws, grid, header } : null;
}

/** `Phụ lục` first, then the other visible sheets in order; hidden sheets only when no visible one has a table. */
function chooseSheet(wb: Workbook, fileName: string, warnings: CodedMessage[]): Candidate {
  const sheets = wb.worksheets.filter((ws) => ws.name !== ROUNDTRIP_SHEET);
  if (sheets.length === 0) throw UserError.coded('xlsxFile.noSheets', { file: fileName }, `Tệp “${fileName}” không có trang tính nào.`);
  const visible = sheets.filter((ws) => ws.state === 'visible');
  const hidden = sheets.filter((ws) => ws.state !== 'visible');
  const isAppendixName = (ws: Worksheet) => foldForSearch(ws.name) === foldForSearch(SHEET_APPENDIX);
  const ordered = [...visible.filter(isAppendixName), ...visible.filter((ws) => !isAppendixName(ws))];
  for (const ws of ordered) {
    const found = tableOf(ws);
    if (found) {
      if (hidden.length) {
        warnings.push({ key: 'importWarning.hiddenSheetsSkipped', values: { sheets: hidden.map((h) => `“${h.name}”`).join(', ') } });
      }
      return found;
    }
  }
  for (const ws of hidden) {
    const found = tableOf(ws);
    if (found) {
      warnings.push({ key: 'importWarning.hiddenSheetRead', values: { sheet: ws.name } });
      return found;
    }
  }
  const names = sheets.map((ws) => `“${ws.name}”${ws.state === 'visible' ? '' : ' (ẩn)'}`).join(', ');
  throw UserError.coded(
    'xlsxFile.noAppendix',
    { file: fileName, sheets: sheets.map((ws) => `“${ws.name}”`).join(', ') },
    `Tệp “${fileName}”: không tìm thấy bảng phụ lục ở trang nào (${names}). ` +
      'Cần một dòng tiêu đề có cột “Nội dung nhiệm vụ” và ít nhất một trong các cột “STT”, “Cơ quan chủ trì”, “Cơ quan phối hợp”, “Thời gian hoàn thành”.',
  );
}

/**
 * Reads an appendix-shaped sheet (ours, or one typed by a person) into an appendix and the agencies it
 * names. Throws UserError with one message naming the file, the sheet and the row where it matters;
 * it either returns the whole appendix or nothing.
 */
export async function importAppendixXlsx(
  data: Buffer,
  fileName: string,
  /** Agency names known to be one agency each: the plan's directory when a department's rows are merged into it. */
  knownAgencies: readonly string[] = [],
): Promise<ImportedAppendix> {
  const { wb, replaced } = await loadWorkbook(data, fileName);
  const warnings: CodedMessage[] = [];
  const { ws, grid, header } = chooseSheet(wb, fileName, warnings);
  const where = (row?: number): MessageValues =>
    row ? { whereKey: 'importWarning.where.sheetRow', file: fileName, sheet: ws.name, row } : { whereKey: 'importWarning.where.sheet', file: fileName, sheet: ws.name };

  const images = ws.getImages().length;
  if (images) warnings.push({ key: 'importWarning.images', values: { ...where(), count: images } });

  const roundtrip = readRoundtripSheet(wb);
  const columns = columnsFrom(ws, header, roundtrip);
  const { groups: rawGroups, warnings: tableWarnings, notes: tableNotes, numberedGroups } = readTableRows([{ rows: grid }], header, where);
  warnings.push(...tableWarnings);

  const directory = new AgencyDirectory(roundtrip, knownAgencies);
  const numberAt = header.columns.findIndex((c) => c.role === 'number');
  const nested = rowsFromTable(rawGroups, columns, directory, numberAt);
  const groups: AppendixGroup[] = nested.groups;
  const numbering = numberedGroups ? ({ style: 'hierarchical' } as const) : nested.numbering;
  const taskCount = groups.reduce((n, g) => n + g.rows.length, 0);
  if (taskCount === 0) {
    throw UserError.coded(
      'xlsxFile.noTasks',
      { file: fileName, sheet: ws.name, row: header.row },
      `Tệp “${fileName}”, trang “${ws.name}”, dòng ${header.row}: có dòng tiêu đề nhưng không có nhiệm vụ nào bên dưới.`,
    );
  }

  // Text that could not be decoded is said so, never altered silently, as the Word import does.
  if (replaced) warnings.push(replacedCharactersWarning(replaced));
  const { label, title } = readTitleBlock(ws, header.row);
  if (!title) warnings.push({ key: 'importWarning.sheetNoAppendixTitle', values: where() });
  return {
    appendix: { label: label || 'PHỤ LỤC', title, columns, groups, ...(numbering ? { numbering } : {}) },
    agencies: directory.agencies(),
    sheet: ws.name,
    warnings,
    report: { notes: [...headerChildNotes(header.columns), ...textColumnNotes(columns), ...tableNotes, ...nested.notes, ...agencySplitNotes(directory.guessed, new Map(columns.map((c) => [c.key, c.caption])))] },
  };
}
