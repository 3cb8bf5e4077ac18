/**
 * The appendix table's column widths, one function for the DOCX writer and the preview: what the drafter
 * checks on screen is laid out as it prints. Widths are in twips (1/1440 inch) of a total the caller gives
 * (the DOCX: the landscape text width; the preview turns them into percentages).
 */
import { cellText } from './text';
import { textWidth } from './text-metrics';
import type { ColumnDef } from './types';
import type { RowLine } from './rows';

/** From this many visible columns on, widths come from the content (contentWidths) and the font is smaller. */
export const WIDE_TABLE_COLUMNS = 8;
/** The table cells' left and right padding, twips (the DOCX's cell margins). */
export const TABLE_CELL_MARGIN_X = 85;
const TWIPS_PER_MM = 1440 / 25.4;
/**
 * The text width of a landscape A4 page with Nghị định 30's margins (left 30 mm, right 15 mm), twips: the total
 * the DOCX lays its appendix table over (docx/units.ts LANDSCAPE_TEXT_WIDTH, the same figure; a test holds them
 * equal), and the preview's, so that content-measured widths give the same shares on screen.
 */
export const LANDSCAPE_TABLE_WIDTH = 16838 - Math.round(30 * TWIPS_PER_MM) - Math.round(15 * TWIPS_PER_MM);

/**
 * The table text size for a number of visible columns. Nghị định 30 sets no size for text inside a table (its
 * 13–14 pt is for the body's paragraphs); the offices' wide frameworks (8–12 columns) are set 11–12 pt. Our
 * rule: up to 7 visible columns 13 pt, 8–10 columns 12 pt, 11 or more 11 pt.
 */
export function tableSizeFor(columnCount: number): 13 | 12 | 11 {
  return columnCount >= 11 ? 11 : columnCount >= 8 ? 12 : 13;
}

/** Scales weights to integers summing to `total` (the last takes the rounding). */
function fill(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const out = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/**
 * The visible columns' widths: their millimetre widths scaled so the table fills `total` exactly (the last
 * column takes the rounding). A width that is not a positive number counts as 10 mm.
 */
export function columnWidths(columns: readonly ColumnDef[], total: number): number[] {
  if (columns.length === 0) return [];
  const mmWidths = columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 10));
  return fill(mmWidths, total);
}

/**
 * Widths from the content, for wide tables (≥ 8 columns). Every column first gets room for its longest
 * unbreakable piece — a word, a date `25/12/2023`, a deadline `Quý IV/2024`, a caption word — so nothing is
 * ever broken inside; a number column gets just its widest label. The rest of the width goes to the columns
 * in proportion to how much text they hold (the task and activity columns get the most). `texts`: each printed
 * line's visible cells as printed (lineTexts). Twips.
 */
export function contentWidths(columns: readonly ColumnDef[], texts: ReadonlyArray<readonly string[]>, sizePt: number, total: number): number[] {
  const pad = 2 * TABLE_CELL_MARGIN_X + Math.round(TWIPS_PER_MM);
  const mins: number[] = [];
  const weights: number[] = [];
  columns.forEach((c, i) => {
    let longest = 0;
    for (const word of c.caption.split(/\s+/)) longest = Math.max(longest, textWidth(word, sizePt, 'bold'));
    let volume = 0;
    let cells = 0;
    for (const row of texts) {
      const text = row[i] ?? '';
      if (!text) continue;
      cells++;
      for (const word of text.split(/\s+/)) longest = Math.max(longest, textWidth(word, sizePt, 'regular'));
      volume += textWidth(text, sizePt, 'regular');
    }
    mins.push(longest + pad);
    // A number column holds labels only: no share of the rest. Others by their mean text length.
    weights.push(c.kind === 'number' ? 0 : Math.max(cells ? volume / cells : 0, longest));
  });
  const minSum = mins.reduce((a, b) => a + b, 0);
  if (minSum >= total) return fill(mins, total);
  const rest = total - minSum;
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  return fill(mins.map((m, i) => m + (rest * weights[i]) / weightSum), total);
}

/** The printed text of every line's visible cells (number cells: the label with its dot), for widths. */
export function lineTexts(lines: readonly RowLine[], agencies: ReadonlyMap<string, string>): string[][] {
  return lines.map((line) => line.cells.map((c) => (c.column.kind === 'number' ? `${line.label}.` : cellText(c.value, agencies))));
}

/**
 * The appendix's printed column widths: from the content for 8 or more visible columns (at the table size of
 * that many columns), else from the columns' millimetre widths. `texts`: every printed line (lineTexts), all
 * groups together. What the DOCX writes and the preview shows.
 */
export function appendixColumnWidths(columns: readonly ColumnDef[], texts: ReadonlyArray<readonly string[]>, total: number): number[] {
  return columns.length >= WIDE_TABLE_COLUMNS ? contentWidths(columns, texts, tableSizeFor(columns.length), total) : columnWidths(columns, total);
}

/** A column narrower than this (twips, 60 mm) is set flush left, never justified (justified narrow columns gape). */
export const JUSTIFY_MIN_WIDTH = Math.round(60 * TWIPS_PER_MM);

/**
 * How a column's cells are aligned, the same in the DOCX and the preview: numbers and deadlines centred; task
 * and text columns at least 60 mm wide justified; narrower ones, notes and agencies flush left.
 */
export function columnAlignment(column: Pick<ColumnDef, 'kind' | 'role'>, widthTwips: number): 'center' | 'justify' | 'left' {
  if (column.kind === 'number' || column.role === 'deadline') return 'center';
  return (column.role === 'task' || column.kind === 'text') && widthTwips >= JUSTIFY_MIN_WIDTH && column.role !== 'note' ? 'justify' : 'left';
}
