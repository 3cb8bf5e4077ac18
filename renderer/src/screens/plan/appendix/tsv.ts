/**
 * A block copied from Excel (tab-separated, quoted cells for line breaks) turned into rows for insertRows.
 * Columns are matched in the grid's visible order; a first line that repeats the captions is skipped.
 */
import { foldForSearch } from '../../../../../electron/core/model/text';
import type { ColumnDef } from '../../../../../electron/core/model/types';
import type { RowInput } from '../../../../../electron/core/api/contract';

/** Splits tab-separated text into lines of cells; `"a""b"` quoting as Excel writes it when a cell has a line break. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const src = text.replace(/\r\n?/g, '\n');
  while (i < src.length) {
    const c = src[i];
    if (c === '"' && cell === '') {
      // A quoted cell: runs to the closing quote; "" is a quote inside.
      let j = i + 1;
      let value = '';
      for (;;) {
        const q = src.indexOf('"', j);
        if (q < 0) { value += src.slice(j); j = src.length; break; }
        value += src.slice(j, q);
        if (src[q + 1] === '"') { value += '"'; j = q + 2; } else { j = q + 1; break; }
      }
      if (j >= src.length || src[j] === '\t' || src[j] === '\n') { cell = value; i = j; continue; }
      cell = '"'; i++; continue; // not a real quoted cell: keep the text as it is
    }
    if (c === '\t') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else cell += c;
    i++;
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows.filter((r) => r.some((x) => x.trim() !== ''));
}

/** True when a pasted block is several cells or lines, i.e. meant as rows rather than text for one cell. */
export function looksLikeBlock(text: string): boolean {
  return text.includes('\t');
}

/** A line whose cells mostly repeat the column captions is the table's header, not a task. */
export function isCaptionLine(line: readonly string[], columns: readonly ColumnDef[]): boolean {
  const captions = new Set(columns.map((c) => foldForSearch(c.caption)));
  const filled = line.filter((x) => x.trim() !== '');
  if (filled.length === 0) return false;
  return filled.filter((x) => captions.has(foldForSearch(x))).length * 2 >= filled.length;
}

/**
 * Rows for insertRows. When the block is as wide as all visible columns, it includes the number column
 * (STT), whose values are dropped: numbers are the program's. Otherwise cells fill the visible text and
 * agency columns in order.
 */
export function rowsFromBlock(text: string, visible: readonly ColumnDef[]): RowInput[] {
  const lines = parseTsv(text);
  if (lines.length > 0 && isCaptionLine(lines[0], visible)) lines.shift();
  const width = Math.max(0, ...lines.map((l) => l.length));
  const targets = width >= visible.length ? visible : visible.filter((c) => c.kind !== 'number');
  return lines.map((line) => {
    const row: RowInput = {};
    targets.forEach((c, i) => {
      const v = (line[i] ?? '').trim();
      if (c.kind !== 'number' && v !== '') row[c.key] = v;
    });
    return row;
  });
}
