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
  VerticalMergeType,
  WidthType,
  type FileChild,
} from 'docx';
import { appendixLabel, groupLabel, rowLines, rowNumbering, type ColumnDef, type PlanPackage } from '../model';
import { lines } from './clean';
import { blank, cellStyle, centred, tableSize } from './fonts';
import {
  TABLE_CELL_MARGIN_X,
  appendixColumnWidths,
  columnAlignment,
  contentWidths as modelContentWidths,
  lineTexts,
} from '../model/table-widths';
import { textWidth } from './metrics';

export { WIDE_TABLE_COLUMNS } from '../model/table-widths';
import { partialRule } from './rule';
import { LANDSCAPE_TEXT_WIDTH } from './units';

export const APPENDIX_TITLE_SIZE = 14;
/** Cell padding: enough that text does not touch the borders, small enough to keep columns useful. */
const CELL_MARGIN = { top: 40, bottom: 40, left: TABLE_CELL_MARGIN_X, right: TABLE_CELL_MARGIN_X };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
/** A column narrower than this is set flush left, never justified: the model's (shared with the preview). */
export { JUSTIFY_MIN_WIDTH } from '../model/table-widths';

/** Content-measured widths (twips) of a wide table; the function itself is the model's (shared with the preview). */
export function contentWidths(columns: readonly ColumnDef[], texts: ReadonlyArray<readonly string[]>, sizePt: number, total = LANDSCAPE_TEXT_WIDTH): number[] {
  return modelContentWidths(columns, texts, sizePt, total);
}

/**
 * Cell text: one paragraph per line in the cell style (font, size, no spacing), so a cell writes only
 * its text and emphasis. Text is cleaned (NFC, no illegal characters) by lines().
 */
function cellParagraphs(text: string, opts: { bold?: boolean; align: (typeof AlignmentType)[keyof typeof AlignmentType]; style: string }): Paragraph[] {
  return lines(text).map(
    (line) =>
      new Paragraph({
        style: opts.style,
        alignment: opts.align,
        children: line ? [new TextRun({ text: line, bold: opts.bold ? true : undefined })] : [],
      }),
  );
}

function tableCell(
  children: Paragraph[],
  width: number,
  opts: { span?: number; middle?: boolean; merge?: 'restart' | 'continue' | null } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span && opts.span > 1 ? opts.span : undefined,
    // Top is the table default (cells top-aligned): only the header row says otherwise.
    verticalAlign: opts.middle ? VerticalAlignTable.CENTER : undefined,
    verticalMerge: opts.merge === 'restart' ? VerticalMergeType.RESTART : opts.merge === 'continue' ? VerticalMergeType.CONTINUE : undefined,
    children,
  });
}

/**
 * The task table. Header row repeated on every page; a bold group row per group (its label in the number
 * column, title across the rest, kept with its first line); rows numbered by the appendix's numbering
 * (1., 2. … continuously by default; 1.1. for sub-rows); a parent row that spans its children is printed
 * once, its cells merged down (`w:vMerge`) over its children's lines; no line split across pages where it
 * fits on one; cells top-aligned. Wide tables (≥ 8 columns) get widths from their content and a smaller size.
 */
export function appendixTable(pkg: PlanPackage): Table | null {
  const columns = (pkg.appendix.columns ?? []).filter((c) => !c.hidden);
  if (columns.length === 0) return null;
  const agencies = new Map((pkg.agencies ?? []).map((a) => [a.key, a.name]));
  const groups = pkg.appendix.groups ?? [];
  const printed = rowLines({ ...pkg.appendix, groups });
  const size = tableSize(columns.length);
  const style = cellStyle(size);
  const texts = printed.map((g) => lineTexts(g, agencies));
  // The model's widths, as the preview shows them: content-measured from 8 columns on, else the columns' mm.
  const widths = appendixColumnWidths(columns, texts.flat(), LANDSCAPE_TEXT_WIDTH);
  const total = widths.reduce((a, b) => a + b, 0);
  const numbering = rowNumbering(pkg.appendix);

  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: columns.map((c, i) => tableCell(cellParagraphs(c.caption, { bold: true, align: AlignmentType.CENTER, style }), widths[i], { middle: true })),
    }),
  ];

  // Alignment per column: numbers and deadlines centred; wide text columns justified, narrow ones flush left.
  const ALIGN = { center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED, left: AlignmentType.LEFT } as const;
  const aligns = columns.map((c, i) => ALIGN[columnAlignment(c, widths[i])]);
  const firstIsNumber = columns[0].kind === 'number';
  groups.forEach((group, g) => {
    const label = groupLabel(numbering, g).replace(/\.$/, '');
    const groupCells =
      firstIsNumber && columns.length > 1
        ? [
            tableCell(cellParagraphs(label, { bold: true, align: AlignmentType.CENTER, style }), widths[0]),
            tableCell(cellParagraphs(group.title, { bold: true, align: AlignmentType.LEFT, style }), total - widths[0], { span: columns.length - 1 }),
          ]
        : [tableCell(cellParagraphs(`${label}. ${group.title}`, { bold: true, align: AlignmentType.LEFT, style }), total, { span: columns.length })];
    rows.push(new TableRow({ cantSplit: true, keepNext: printed[g].length > 0, children: groupCells }));

    printed[g].forEach((line, l) => {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: line.cells.map((c, i) => {
            if (c.merge === 'continue') return tableCell([new Paragraph({ style })], widths[i], { merge: 'continue' });
            const text = texts[g][l][i];
            return tableCell(cellParagraphs(c.column.kind === 'number' && !line.label ? '' : text, { align: aligns[i], style }), widths[i], { merge: c.merge });
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
  const label = appendixLabel(pkg);
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
