import type { Cell, CellValue } from 'exceljs';
import { nfc } from '../../model/text';
import { convertLegacyText, legacyEncodingOfFont, type LegacyEncoding } from '../../model/legacy-encoding';

/** How a date or number was shown by its display format, when that decided the text. */
export type ShownAs = 'month' | 'day' | 'year' | 'percent' | 'number';

export interface CellRead {
  text: string;
  /** The text came from a formula's cached result. */
  formula: boolean;
  /** A formula the file holds no result for: its value is unknown. */
  noResult: boolean;
  /** The text was in a TCVN3/VNI font and was converted to Unicode. */
  legacy?: { encoding: LegacyEncoding; font: string };
  /** A date or number written as its display format shows it. */
  shown?: ShownAs;
}

interface ReadState {
  formula: boolean;
  noResult: boolean;
  legacy?: { encoding: LegacyEncoding; font: string };
  shown?: ShownAs;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A format code without its quoted literals, escapes and colour/condition brackets: what decides its kind. */
function formatCore(numFmt: string): string {
  return numFmt.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
}

/**
 * A date as its display format shows it: `mm/yyyy`, `mmm-yy`, `mmmm yyyy` (no day) → `Tháng 6/2025`, never the
 * 1st of the month; `yyyy` alone → `Năm 2025`; anything with a day → `30/06/2025`.
 */
function dateText(value: Date, numFmt: string | undefined, out: ReadState): string {
  const day = pad2(value.getUTCDate());
  const month = value.getUTCMonth() + 1;
  const year = value.getUTCFullYear();
  const core = numFmt ? formatCore(numFmt) : '';
  const hasDay = /d/.test(core);
  const hasMonth = /m/.test(core.replace(/h+\s*:?\s*m+|m+\s*:\s*s/g, ''));
  const hasYear = /y/.test(core);
  if (core && !hasDay && hasMonth && hasYear) {
    out.shown = 'month';
    return `Tháng ${month}/${year}`;
  }
  if (core && !hasDay && !hasMonth && hasYear) {
    out.shown = 'year';
    return `Năm ${year}`;
  }
  if (core) out.shown = 'day';
  return `${day}/${pad2(month)}/${year}`;
}

/** Digits grouped by "." and decimals after ",", as Vietnamese Excel shows them. */
function viNumber(n: number, decimals: number, grouped: boolean): string {
  const [int, frac] = Math.abs(n).toFixed(decimals).split('.');
  const intText = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : int;
  return `${n < 0 ? '-' : ''}${intText}${frac ? `,${frac}` : ''}`;
}

/** A number as its display format shows it: percentages, fixed decimals, thousands; General as stored. */
function numberText(value: number, numFmt: string | undefined, out: ReadState): string {
  const core = numFmt ? formatCore(numFmt) : '';
  if (!core || core === 'general' || core === '@') return String(value);
  const decimals = (/[0#]\.([0#]+)/.exec(core)?.[1].length) ?? 0;
  if (core.includes('%')) {
    out.shown = 'percent';
    return `${viNumber(value * 100, decimals, false)}%`;
  }
  if (/[0#]/.test(core)) {
    out.shown = 'number';
    return viNumber(value, decimals, core.includes(','));
  }
  return String(value);
}

function legacy(text: string, font: string | undefined, out: ReadState): string {
  const encoding = legacyEncodingOfFont(font);
  if (!encoding || !font) return text;
  out.legacy = { encoding, font };
  return convertLegacyText(text, font);
}

function plain(value: CellValue | undefined, out: ReadState, numFmt?: string, font?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return legacy(value, font, out);
  if (typeof value === 'number') return numberText(value, numFmt, out);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // A date typed into a deadline cell: written back the Vietnamese way, as its format shows it.
    return dateText(value, numFmt, out);
  }
  // A rich-text run in a legacy font is converted on its own (a cell may mix fonts).
  if ('richText' in value) return value.richText.map((r) => legacy(r.text, r.font?.name ?? font, out)).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    out.formula = true;
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) {
      out.noResult = true;
      return '';
    }
    if (typeof result === 'object' && result !== null && 'error' in result) return String((result as { error: string }).error);
    return plain(result as CellValue, out, numFmt, font);
  }
  if ('error' in value) return String(value.error);
  if ('hyperlink' in value) {
    const t = (value as { text?: unknown }).text;
    return typeof t === 'string' ? legacy(t, font, out) : plain(t as CellValue, out, numFmt, font);
  }
  return '';
}

/**
 * A cell's text as a person sees it: rich text joined, a formula's cached result, a date or number as its
 * display format `numFmt` shows it, text in a TCVN3/VNI `font` converted to Unicode, line breaks (also
 * Excel's `_x000D_`) as `\n`, NFC.
 */
export function readCellValue(value: CellValue | undefined, numFmt?: string, font?: string): CellRead {
  const flags: ReadState = { formula: false, noResult: false };
  const text = nfc(plain(value, flags, numFmt, font)).replace(/_x000D_/g, '').replace(/\r\n?/g, '\n').trim();
  return { text, ...flags };
}

/** The display format and font of a cell, as exceljs gives them. */
function styleOf(cell: Cell): { numFmt?: string; font?: string } {
  return { numFmt: cell.numFmt || undefined, font: cell.font?.name || undefined };
}

/**
 * The cell's text within the table. A merged cell's text belongs to its master: a merge across columns
 * (a group title over the row) leaves the other columns empty; a merge down rows (one lead agency for
 * three tasks) gives every row the same value, which is what the person meant.
 */
export function readTableCell(cell: Cell): CellRead {
  if (cell.isMerged && cell.master !== cell) {
    const master = cell.master;
    if (Number(master.col) !== Number(cell.col)) return { text: '', formula: false, noResult: false };
    const style = styleOf(master);
    return readCellValue(master.value, style.numFmt, style.font);
  }
  const style = styleOf(cell);
  return readCellValue(cell.value, style.numFmt, style.font);
}
