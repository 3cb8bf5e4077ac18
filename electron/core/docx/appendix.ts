import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type FileChild,
} from 'docx';
import { cellText, rowNumbers, toRoman, type ColumnDef, type PlanPackage } from '../model';
import { lines } from './clean';
import { blank, centred, CELL_STYLE } from './fonts';
import { textWidth } from './metrics';
import { partialRule } from './rule';
import { LANDSCAPE_TEXT_WIDTH } from './units';

export const APPENDIX_TITLE_SIZE = 14;
/** Cell padding: enough that text does not touch the borders, small enough to keep columns useful. */
const CELL_MARGIN = { top: 40, bottom: 40, left: 85, right: 85 };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

/**
 * The visible columns' widths in twips: their millimetre widths scaled so the table fills the
 * landscape text width exactly (the last column takes the rounding).
 */
export function columnWidths(columns: readonly ColumnDef[], total = LANDSCAPE_TEXT_WIDTH): number[] {
  if (columns.length === 0) return [];
  const mmWidths = columns.map((c) => (Number.isFinite(c.width) && c.width > 0 ? c.width : 10));
  const sum = mmWidths.reduce((a, b) => a + b, 0);
  const out = mmWidths.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  out[out.length - 1] += total - out.reduce((a, b) => a + b, 0);
  return out;
}

/**
 * Cell text: one paragraph per line in the cell style (font, 13 pt, no spacing), so a cell writes only
 * its text and emphasis. Text is cleaned (NFC, no illegal characters) by lines().
 */
function cellParagraphs(text: string, opts: { bold?: boolean; align: (typeof AlignmentType)[keyof typeof AlignmentType] }): Paragraph[] {
  return lines(text).map(
    (line) =>
      new Paragraph({
        style: CELL_STYLE,
        alignment: opts.align,
        children: line ? [new TextRun({ text: line, bold: opts.bold ? true : undefined })] : [],
      }),
  );
}

function tableCell(children: Paragraph[], width: number, opts: { span?: number; middle?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span && opts.span > 1 ? opts.span : undefined,
    // Top is the table default (cells top-aligned): only the header row says otherwise.
    verticalAlign: opts.middle ? VerticalAlignTable.CENTER : undefined,
    children,
  });
}

/**
 * The task table. Header row repeated on every page; a bold group row per group (Roman numeral in the
 * number column, title across the rest, kept with its first task); tasks numbered 1., 2., …
 * continuously across groups; no task row split across pages where it fits on one; cells top-aligned.
 */
export function appendixTable(pkg: PlanPackage): Table | null {
  const columns = (pkg.appendix.columns ?? []).filter((c) => !c.hidden);
  if (columns.length === 0) return null;
  const widths = columnWidths(columns);
  const total = widths.reduce((a, b) => a + b, 0);
  const agencies = new Map((pkg.agencies ?? []).map((a) => [a.key, a.name]));

  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: columns.map((c, i) => tableCell(cellParagraphs(c.caption, { bold: true, align: AlignmentType.CENTER }), widths[i], { middle: true })),
    }),
  ];

  const groups = pkg.appendix.groups ?? [];
  const numbers = rowNumbers(groups);
  const firstIsNumber = columns[0].kind === 'number';
  groups.forEach((group, g) => {
    const roman = toRoman(g + 1);
    const groupCells =
      firstIsNumber && columns.length > 1
        ? [
            tableCell(cellParagraphs(roman, { bold: true, align: AlignmentType.CENTER }), widths[0]),
            tableCell(cellParagraphs(group.title, { bold: true, align: AlignmentType.LEFT }), total - widths[0], { span: columns.length - 1 }),
          ]
        : [tableCell(cellParagraphs(`${roman}. ${group.title}`, { bold: true, align: AlignmentType.LEFT }), total, { span: columns.length })];
    rows.push(new TableRow({ cantSplit: true, keepNext: group.rows.length > 0, children: groupCells }));

    group.rows.forEach((row, r) => {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: columns.map((c, i) => {
            if (c.kind === 'number') return tableCell(cellParagraphs(`${numbers[g][r]}.`, { align: AlignmentType.CENTER }), widths[i]);
            const value = row.cells?.[c.key];
            const text = cellText(value, agencies);
            const align = c.role === 'deadline' ? AlignmentType.CENTER : c.role === 'task' ? AlignmentType.JUSTIFIED : AlignmentType.LEFT;
            return tableCell(cellParagraphs(text, { align }), widths[i]);
          }),
        }),
      );
    });
  });

  return new Table({
    rows,
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    // Table-wide cell margins instead of per-cell ones: fewer elements for large tables.
    margins: CELL_MARGIN,
  });
}

/** `PHỤ LỤC`, its title, the "(Ban hành kèm theo …)" line, a short line, then the table. */
export function appendixChildren(pkg: PlanPackage, citation: string | null): FileChild[] {
  const label = pkg.appendix.label?.trim() || 'PHỤ LỤC';
  const out: FileChild[] = [
    centred(label, { size: APPENDIX_TITLE_SIZE, bold: true }),
    centred(pkg.appendix.title, { size: APPENDIX_TITLE_SIZE, bold: true }),
  ];
  if (citation) out.push(centred(citation, { size: APPENDIX_TITLE_SIZE, italic: true }));
  const widest = Math.max(0, ...lines(pkg.appendix.title).map((l) => textWidth(l, APPENDIX_TITLE_SIZE, 'bold')));
  out.push(partialRule(widest, LANDSCAPE_TEXT_WIDTH, 240));
  const table = appendixTable(pkg);
  if (table) out.push(table);
  // Word needs a paragraph after a table that ends a section.
  out.push(blank(2));
  return out;
}
