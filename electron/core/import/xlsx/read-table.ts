import type { Worksheet } from 'exceljs';
import { foldForSearch } from '../../model/text';
import { readTableCell } from './cells';
import type { GridCell, GridRow } from './table-reader';

/** How far down a person's sheet the header may sit (title block, issuer header, notes above it). */
export const HEADER_SEARCH_ROWS = 40;

/**
 * The sheet as the neutral grid the one table reader reads (table-reader.ts): every row from the top, each
 * cell with its text as a person sees it (readTableCell) and what reading it found (a formula's result, an old
 * encoding, a month format). A merged range is one cell at its first column spanning its columns; the rows
 * below its first are cells merged down (carrying the range's text), as Word's `vMerge` continue cells.
 */
export function sheetGrid(ws: Worksheet): GridRow[] {
  const width = Math.max(ws.columnCount, ws.actualColumnCount, 1);
  const out: GridRow[] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) {
      out.push({ index: r, header: false, cells: [] });
      continue;
    }
    const cells: GridCell[] = [];
    // Columns a merged range covers from the column after its master, in the master's row.
    const across = (c: number, master: unknown) => {
      let span = 1;
      while (c + span <= width) {
        const next = ws.getCell(r, c + span);
        if (!next.isMerged || next.master !== master) break;
        span++;
      }
      return span;
    };
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (!cell.isMerged) {
        const read = readTableCell(cell);
        cells.push({ text: read.text, start: c, span: 1, mergedDown: false, read });
        continue;
      }
      const master = cell.master;
      if (master === cell) {
        const read = readTableCell(cell);
        const span = across(c, master);
        cells.push({ text: read.text, start: c, span, mergedDown: false, read });
        c += span - 1;
      } else if (Number(master.row) !== r && Number(master.col) === c) {
        // Below a range's first row: the range's text, merged down (its columns counted in the master's row).
        let span = 1;
        while (c + span <= width && row.getCell(c + span).isMerged && row.getCell(c + span).master === master) span++;
        cells.push({ text: readTableCell(cell).text, start: c, span, mergedDown: true });
        c += span - 1;
      }
    }
    out.push({ index: r, header: false, hidden: row.hidden || undefined, cells });
  }
  return out;
}

/** The label (`PHỤ LỤC`) and title above the table; the `(Ban hành kèm theo …)` line is the program's own. */
export function readTitleBlock(ws: Worksheet, headerRow: number): { label: string; title: string } {
  const lines: string[] = [];
  for (let r = 1; r < headerRow; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    let text = '';
    row.eachCell((cell) => {
      if (!text) text = readTableCell(cell).text;
    });
    if (text) lines.push(text);
  }
  const labelAt = lines.findIndex((l) => foldForSearch(l).startsWith('phu luc'));
  const label = labelAt >= 0 ? lines[labelAt] : '';
  const after = (labelAt >= 0 ? lines.slice(labelAt + 1) : lines).filter((l) => !l.startsWith('('));
  // Without a label, the issuer's header may sit above the title: the title is the last line.
  const title = labelAt >= 0 ? after.join(' ') : after[after.length - 1] ?? '';
  return { label, title };
}
