/**
 * The appendix task table of a DOCX, turned into the neutral grid of the one table reader
 * (import/xlsx/table-reader.ts: header, groups, parent rows spanning their children, rows split across
 * pages, repeated headers — the same rules and warnings as a workbook). What is Word's own here: the grid
 * (`gridSpan`, `vMerge`, `tblHeader`) and the column widths from `w:tblGrid`. STT numbers are not kept (the
 * program numbers rows). Agency cells are split into mentions by the one agency splitter (AgencyDirectory).
 */
import type { Appendix, AppendixGroup, ColumnDef, Agency } from '../../model/types';
import { defaultColumns } from '../../model/defaults';
import { headerChildNotes, textColumnNotes } from '../xlsx/header';
import { readTableRows, type FoundTableHeader, type GridCell, type GridRow } from '../xlsx/table-reader';
import { AgencyDirectory, agencySplitNotes } from '../xlsx/agencies';
import { rowsFromTable } from '../xlsx/row-tree';
import type { ImportNote } from '../../model/import-report';
import type { CodedMessage, MessageValues } from '../../model/messages';
import { columnsFromCaptions, defaultWidth, startsLowercase } from '../xlsx/row-rules';
import { cellText, type Tbl } from './wordml';

/** The table as the reader's grid: cells at their grid columns, `vMerge` continue cells carrying the merge's text. */
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

/** How far down a table the header may sit (a title typed in the table's first rows). */
export const TABLE_HEADER_SEARCH_ROWS = 4;

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
  warnings: CodedMessage[];
  notes: ImportNote[];
}

/**
 * Reads the task table (and the tables that continue it: the same header again, or a table of the same
 * width that follows with no header) into columns, groups and rows.
 */
export function readAppendixTables(parts: Array<{ rows: GridRow[]; grid: number[] }>, header: FoundTableHeader): ReadAppendix {
  const numberAt = header.columns.findIndex((c) => c.role === 'number');
  const { groups, warnings, notes: tableNotes, numberedGroups } = readTableRows(parts, header, (row): MessageValues =>
    row ? { whereKey: 'importWarning.where.tableRow', row } : { whereKey: 'importWarning.where.table' },
  );
  const columns = columnsFrom(header, parts[0]?.grid ?? []);
  const directory = new AgencyDirectory(null);
  const nested = rowsFromTable(groups, columns, directory, numberAt);
  const appendixGroups: AppendixGroup[] = nested.groups;
  const notes = [
    ...headerChildNotes(header.columns),
    ...textColumnNotes(columns),
    ...tableNotes,
    ...nested.notes,
    ...agencySplitNotes(directory.guessed, new Map(columns.map((c) => [c.key, c.caption]))),
  ];
  const appendix: ReadAppendix['appendix'] = { columns, groups: appendixGroups };
  const numbering = numberedGroups ? ({ style: 'hierarchical' } as const) : nested.numbering;
  if (numbering) appendix.numbering = numbering;
  return { appendix, agencies: directory.agencies(), warnings, notes };
}
