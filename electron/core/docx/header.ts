import { Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import type { Issuer } from '../model';
import { lines } from './clean';
import { centred } from './fonts';
import { textWidth } from './metrics';
import { partialRule, ruleLine } from './rule';
import { mm, PORTRAIT_TEXT_WIDTH } from './units';

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Sizes of the header parts (points): the decree's ranges, as UBND offices print them. */
export const HEADER_SIZES = { parentBody: 13, issuer: 13, number: 13, nationalTitle: 13, motto: 14, placeDate: 14 } as const;

/**
 * Column widths: the right column must hold the national title on one line at 13 pt bold (≈ 96 mm),
 * the left one the issuing body (≈ 45 mm for `ỦY BAN NHÂN DÂN`).
 */
export const HEADER_LEFT = mm(62);
export const HEADER_RIGHT = PORTRAIT_TEXT_WIDTH - HEADER_LEFT;

export interface HeaderParts {
  issuer: Issuer;
  /** `Số: 2142/QĐ-UBND`; absent on a document issued with a Decision. */
  numberLine?: string;
  /** `Bình Phước, ngày 09 tháng 12 năm 2023`; absent on a document issued with a Decision. */
  placeDate?: string;
}

/**
 * The two-column header as a borderless table, the way the decree's samples lay it out: issuing body
 * (and parent body) left, national title and motto right, each with its line under it; `Số:` and the
 * place-date line share a second row so they stay level whatever the first row holds.
 */
export function headerTable(parts: HeaderParts): Table {
  const left: Paragraph[] = [];
  const parent = (parts.issuer.parentBody ?? '').trim();
  if (parent) for (const line of lines(parent)) left.push(centred(line, { size: HEADER_SIZES.parentBody }));
  const issuerLines = lines(parts.issuer.name).filter((l) => l.trim() !== '');
  for (const line of issuerLines) left.push(centred(line, { size: HEADER_SIZES.issuer, bold: true }));
  const issuerWidth = Math.max(0, ...issuerLines.map((l) => textWidth(l, HEADER_SIZES.issuer, 'bold')));
  left.push(partialRule(issuerWidth, HEADER_LEFT));

  // A no-break space before the last word: if a font ever runs wider, `VIỆT NAM` wraps as a whole.
  const title = NATIONAL_TITLE.replace(/ NAM$/, '\u00a0NAM');
  const right: Paragraph[] = [
    centred(title, { size: HEADER_SIZES.nationalTitle, bold: true }),
    centred(MOTTO, { size: HEADER_SIZES.motto, bold: true }),
    // The decree: the line under the motto is exactly as long as the motto.
    ruleLine(textWidth(MOTTO, HEADER_SIZES.motto, 'bold'), HEADER_RIGHT),
  ];

  const rows = [row(left, right)];
  if (parts.numberLine !== undefined || parts.placeDate !== undefined) {
    rows.push(
      row(
        [centred(parts.numberLine ?? '', { size: HEADER_SIZES.number }, { spacing: { before: 120, after: 0 } })],
        [centred(parts.placeDate ?? '', { size: HEADER_SIZES.placeDate, italic: true }, { spacing: { before: 120, after: 0 } })],
      ),
    );
  }
  return layoutTable(rows, [HEADER_LEFT, HEADER_RIGHT]);
}

function row(left: Paragraph[], right: Paragraph[]): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [cell(left, HEADER_LEFT), cell(right, HEADER_RIGHT)],
  });
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.TOP,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    children,
  });
}

/**
 * A borderless layout table (header, closing block). Widths in DXA with a fixed layout and zero cell
 * margins: LibreOffice ignores percentage widths, and margins would shift the centred text.
 */
export function layoutTable(rows: TableRow[], widths: number[]): Table {
  return new Table({
    rows,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
}

export { cell as layoutCell };
