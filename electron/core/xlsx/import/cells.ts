import type { Cell, CellValue } from 'exceljs';
import { nfc } from '../../model/text';

export interface CellRead {
  text: string;
  /** The text came from a formula's cached result. */
  formula: boolean;
  /** A formula the file holds no result for: its value is unknown. */
  noResult: boolean;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function plain(value: CellValue | undefined, out: { formula: boolean; noResult: boolean }): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    // A date typed into a deadline cell: written back the Vietnamese way.
    return `${pad2(value.getUTCDate())}/${pad2(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    out.formula = true;
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) {
      out.noResult = true;
      return '';
    }
    if (typeof result === 'object' && result !== null && 'error' in result) return String((result as { error: string }).error);
    return plain(result as CellValue, out);
  }
  if ('error' in value) return String(value.error);
  if ('hyperlink' in value) {
    const t = (value as { text?: unknown }).text;
    return typeof t === 'string' ? t : plain(t as CellValue, out);
  }
  return '';
}

/** A cell's text as a person sees it: rich text joined, a formula's cached result, line breaks as `\n`, NFC. */
export function readCellValue(value: CellValue | undefined): CellRead {
  const flags = { formula: false, noResult: false };
  const text = nfc(plain(value, flags)).replace(/\r\n?/g, '\n').trim();
  return { text, ...flags };
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
    return readCellValue(master.value);
  }
  return readCellValue(cell.value);
}
