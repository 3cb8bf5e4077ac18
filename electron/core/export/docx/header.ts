import { Paragraph, Table, TableBorders, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType } from 'docx';
import { MOTTO, NATIONAL_TITLE, type Issuer } from '../../model';
import { lines } from './clean';
import { centred } from './fonts';
import { textWidth } from './metrics';
import { partialRule, ruleLine } from './rule';
import { mm, PORTRAIT_TEXT_WIDTH } from './units';

/** Sizes of the header parts (points): the decree's ranges, as UBND offices print them. */
export const HEADER_SIZES = { parentBody: 13, issuer: 13, number: 13, nationalTitle: 13, motto: 14, placeDate: 14 } as const;

/**
 * Bounds of the header table, from a survey of 434 issued documents: the table is 17.25–17.5 cm wide,
 * wider than the 16.5 cm text block (it reaches into the 3 cm left margin), its left column 7–7.5 cm, its
 * right column 9.75–10.3 cm. We stay inside them while the text fits, and go past them only to keep a line
 * whole (never past 17.5 cm in all, nor more than 1 cm into the left margin).
 */
export const HEADER_BOUNDS = {
  left: { min: mm(70), max: mm(75) },
  right: { min: mm(97.5), max: mm(103) },
  total: mm(175),
  /** Room kept free in a column so a font that runs a little wider than our metrics still fits. */
  slack: mm(2),
} as const;

/** The place-date line may go down to 13 pt (Nghị định 30 allows 13–14) to stay on one line. */
export const PLACE_DATE_SIZES = [14, 13] as const;

export interface HeaderLayout {
  left: number;
  right: number;
  /** How far the table reaches into the left margin (twips, ≥ 0): left + right − the text width. */
  outdent: number;
  placeDateSize: number;
  /** False when even the widest allowed columns cannot hold a line (the checker warns; the line wraps). */
  fits: boolean;
  /** The lines that do not fit, for the checker's message. */
  overflow: string[];
}

/**
 * Sizes the header's two columns from the measured text so that the national title, the place-date line
 * and `Số:` each fit on one line, within HEADER_BOUNDS; the place-date line drops to 13 pt before the
 * columns go past the survey's widths.
 */
export function headerLayout(parts: HeaderParts): HeaderLayout {
  const { slack } = HEADER_BOUNDS;
  const leftLines = [
    ...lines(parts.issuer.parentBody ?? '').filter((l) => l.trim()).map((l) => textWidth(l, HEADER_SIZES.parentBody, 'regular')),
    ...lines(parts.issuer.name).filter((l) => l.trim()).map((l) => textWidth(l, HEADER_SIZES.issuer, 'bold')),
    parts.numberLine ? textWidth(parts.numberLine, HEADER_SIZES.number, 'regular') : 0,
  ];
  const needLeft = Math.max(0, ...leftLines) + slack;
  const fixedRight = Math.max(textWidth(NATIONAL_TITLE, HEADER_SIZES.nationalTitle, 'bold'), textWidth(MOTTO, HEADER_SIZES.motto, 'bold')) + slack;
  const left = Math.min(Math.max(needLeft, HEADER_BOUNDS.left.min), Math.max(HEADER_BOUNDS.left.max, needLeft));
  const placeNeed = (size: number) => (parts.placeDate ? textWidth(parts.placeDate, size, 'italic') + slack : 0);
  let placeDateSize: number = PLACE_DATE_SIZES[0];
  for (const size of PLACE_DATE_SIZES) {
    placeDateSize = size;
    if (Math.max(fixedRight, placeNeed(size)) <= HEADER_BOUNDS.right.max) break;
  }
  const needRight = Math.max(fixedRight, placeNeed(placeDateSize));
  let right = Math.max(HEADER_BOUNDS.right.min, needRight);
  let leftWidth = left;
  // Past the survey: take the room from the left column (down to what it needs), then stop at the total.
  if (leftWidth + right > HEADER_BOUNDS.total) leftWidth = Math.max(needLeft, HEADER_BOUNDS.total - right);
  if (leftWidth + right > HEADER_BOUNDS.total) right = HEADER_BOUNDS.total - leftWidth;
  const overflow: string[] = [];
  if (needLeft > leftWidth) overflow.push(...[parts.issuer.name, parts.numberLine ?? ''].filter(Boolean));
  if (needRight > right) overflow.push(parts.placeDate ?? NATIONAL_TITLE);
  return {
    left: leftWidth,
    right,
    outdent: Math.max(0, leftWidth + right - PORTRAIT_TEXT_WIDTH),
    placeDateSize,
    fits: overflow.length === 0,
    overflow,
  };
}

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
  const layout = headerLayout(parts);
  const HEADER_LEFT = layout.left;
  const HEADER_RIGHT = layout.right;
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

  const row = (l: Paragraph[], r: Paragraph[]): TableRow =>
    new TableRow({ cantSplit: true, children: [cell(l, HEADER_LEFT), cell(r, HEADER_RIGHT)] });
  const rows = [row(left, right)];
  if (parts.numberLine !== undefined || parts.placeDate !== undefined) {
    rows.push(
      row(
        [centred(parts.numberLine ?? '', { size: HEADER_SIZES.number }, { spacing: { before: 120, after: 0 } })],
        [centred(parts.placeDate ?? '', { size: layout.placeDateSize, italic: true }, { spacing: { before: 120, after: 0 } })],
      ),
    );
  }
  return layoutTable(rows, [HEADER_LEFT, HEADER_RIGHT], layout.outdent);
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
export function layoutTable(rows: TableRow[], widths: number[], outdent = 0): Table {
  return new Table({
    rows,
    // A table wider than the text block reaches into the (wider) left margin.
    indent: outdent > 0 ? { size: -outdent, type: WidthType.DXA } : undefined,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  });
}

export { cell as layoutCell };
