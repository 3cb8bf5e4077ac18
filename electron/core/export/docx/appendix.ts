import { randomUUID } from 'node:crypto';
import { Paragraph, TextRun, type FileChild } from 'docx';
import { appendixLabel, groupLabel, rowLines, rowNumbering, type ColumnDef, type PlanPackage } from '../../model';
import {
  TABLE_CELL_MARGIN_X,
  appendixColumnWidths,
  columnAlignment,
  contentWidths as modelContentWidths,
  lineTexts,
} from '../../model/table-widths';
import { lines } from './clean';
import { blank, cellStyle, centred, tableSize } from './fonts';
import { textWidth } from './metrics';
import { partialRule } from './rule';
import { LANDSCAPE_TEXT_WIDTH } from './units';


export const APPENDIX_TITLE_SIZE = 14;
/** Cell padding: enough that text does not touch the borders, small enough to keep columns useful. */
const CELL_MARGIN = { top: 40, bottom: 40, left: TABLE_CELL_MARGIN_X, right: TABLE_CELL_MARGIN_X };

/** Content-measured widths (twips) of a wide table; the function itself is the model's (shared with the preview). */
export function contentWidths(columns: readonly ColumnDef[], texts: ReadonlyArray<readonly string[]>, sizePt: number, total = LANDSCAPE_TEXT_WIDTH): number[] {
  return modelContentWidths(columns, texts, sizePt, total);
}

/** Alignment of a cell paragraph: the `w:jc` values the docx library writes for AlignmentType. */
type Align = 'center' | 'both' | 'left';

/** XML text and attribute escaping exactly as the docx library's stringifier does it (and C0 controls dropped). */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
function escapeXml(text: string): string {
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (ch) => ESCAPES[ch] ?? '');
}

/**
 * The table's XML pieces, written directly rather than through the docx library's object per element:
 * a 10,000-row table has 60,000+ cells, and the library's tree (several objects per cell, then a second
 * tree from prepForXml, then the string) cost about half the export's CPU and most of its memory.
 * The markup is what the library wrote for the same table, element for element (a test compares them):
 * `<w:tc><w:tcPr><w:tcW/>[gridSpan][vMerge][vAlign]</w:tcPr>` then one `<w:p>` per line in the cell
 * paragraph style (`pStyle`, `keepNext` on a group row, `jc`), a run only for a non-empty line.
 */
class TableWriter {
  /** One string per table row: small pieces, joined only when zipped. */
  readonly chunks: string[] = [];
  /** The `<w:pPr>` of each (alignment, keepNext) in use: built once, not per cell. */
  private readonly props = new Map<string, string>();

  constructor(private readonly style: string) {}

  private paragraphProps(align: Align | null, keepNext: boolean | undefined): string {
    const key = `${align}|${keepNext}`;
    let props = this.props.get(key);
    if (props === undefined) {
      const keep = keepNext === undefined ? '' : keepNext ? '<w:keepNext/>' : '<w:keepNext w:val="false"/>';
      props = `<w:pPr><w:pStyle w:val="${escapeXml(this.style)}"/>${keep}${align ? `<w:jc w:val="${align}"/>` : ''}</w:pPr>`;
      this.props.set(key, props);
    }
    return props;
  }

  /**
   * One cell: `text` is split into lines (cleaned: NFC, illegal characters dropped) unless `text` is null
   * (a merged-over cell: one empty paragraph in the plain style).
   */
  cell(
    text: string | null,
    width: number,
    opts: { bold?: boolean; align?: Align; span?: number; middle?: boolean; merge?: 'restart' | 'continue' | null; keepNext?: boolean } = {},
  ): string {
    let xml = `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>`;
    if (opts.span && opts.span > 1) xml += `<w:gridSpan w:val="${opts.span}"/>`;
    if (opts.merge) xml += `<w:vMerge w:val="${opts.merge}"/>`;
    // Top is the table default (cells top-aligned): only the header row says otherwise.
    if (opts.middle) xml += '<w:vAlign w:val="center"/>';
    xml += '</w:tcPr>';
    if (text === null) return `${xml}<w:p>${this.paragraphProps(null, opts.keepNext)}</w:p></w:tc>`;
    const props = this.paragraphProps(opts.align ?? null, opts.keepNext);
    const run = opts.bold ? '<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">' : '<w:r><w:t xml:space="preserve">';
    for (const line of lines(text)) xml += line ? `<w:p>${props}${run}${escapeXml(line)}</w:t></w:r></w:p>` : `<w:p>${props}</w:p>`;
    return `${xml}</w:tc>`;
  }

  row(cells: string[], opts: { header?: boolean } = {}): void {
    this.chunks.push(`<w:tr><w:trPr><w:cantSplit/>${opts.header ? '<w:tblHeader/>' : ''}</w:trPr>${cells.join('')}</w:tr>`);
  }
}


const BORDER = '<w:{side} w:val="single" w:color="000000" w:sz="4"/>';
const TABLE_PROPS_END =
  `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => BORDER.replace('{side}', side)).join('')}</w:tblBorders>` +
  '<w:tblLayout w:type="fixed"/>' +
  // Table-wide cell margins instead of per-cell ones: fewer elements for large tables.
  `<w:tblCellMar><w:top w:type="dxa" w:w="${CELL_MARGIN.top}"/><w:left w:type="dxa" w:w="${CELL_MARGIN.left}"/>` +
  `<w:bottom w:type="dxa" w:w="${CELL_MARGIN.bottom}"/><w:right w:type="dxa" w:w="${CELL_MARGIN.right}"/></w:tblCellMar></w:tblPr>`;

/**
 * The task table as WordprocessingML pieces (`<w:tbl>…</w:tbl>` once joined), or null when no column is
 * visible. Header row repeated on every page; a bold group row per group (its label in the number column,
 * title across the rest, kept with its first line); rows numbered by the appendix's numbering (1., 2. …
 * continuously by default; 1.1. for sub-rows); a parent row that spans its children is printed once, its
 * cells merged down (`w:vMerge`) over its children's lines; no line split across pages where it fits on
 * one; single borders; cells top-aligned. Wide tables (≥ 8 columns) get widths from their content and a
 * smaller size.
 */
export function appendixTableXml(pkg: PlanPackage): string[] | null {
  const columns = (pkg.appendix.columns ?? []).filter((c) => !c.hidden);
  if (columns.length === 0) return null;
  const agencies = new Map((pkg.agencies ?? []).map((a) => [a.key, a.name]));
  const groups = pkg.appendix.groups ?? [];
  const printed = rowLines({ ...pkg.appendix, groups });
  const size = tableSize(columns.length);
  const out = new TableWriter(cellStyle(size));
  const texts = printed.map((g) => lineTexts(g, agencies));
  // The model's widths, as the preview shows them: content-measured from 8 columns on, else the columns' mm.
  const widths = appendixColumnWidths(columns, texts.flat(), LANDSCAPE_TEXT_WIDTH);
  const total = widths.reduce((a, b) => a + b, 0);
  const numbering = rowNumbering(pkg.appendix);

  out.chunks.push(
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${total}"/>${TABLE_PROPS_END}<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  );
  out.row(
    columns.map((c, i) => out.cell(c.caption, widths[i], { bold: true, align: 'center', middle: true })),
    { header: true },
  );

  // Alignment per column (the model's rule, shared with the preview): numbers and deadlines centred; wide text
  // columns justified, narrow ones flush left.
  const ALIGN = { center: 'center', justify: 'both', left: 'left' } as const;
  const aligns: Align[] = columns.map((c, i) => ALIGN[columnAlignment(c, widths[i])]);
  const firstIsNumber = columns[0].kind === 'number';
  groups.forEach((group, g) => {
    const label = groupLabel(numbering, g).replace(/\.$/, '');
    const keepNext = printed[g].length > 0;
    out.row(
      firstIsNumber && columns.length > 1
        ? [
            out.cell(label, widths[0], { bold: true, align: 'center', keepNext }),
            out.cell(group.title, total - widths[0], { bold: true, align: 'left', span: columns.length - 1, keepNext }),
          ]
        : [out.cell(`${label}. ${group.title}`, total, { bold: true, align: 'left', span: columns.length, keepNext })],
    );
    printed[g].forEach((line, l) => {
      out.row(
        line.cells.map((c, i) => {
          if (c.merge === 'continue') return out.cell(null, widths[i], { merge: 'continue' });
          const text = texts[g][l][i];
          return out.cell(c.column.kind === 'number' && !line.label ? '' : text, widths[i], { align: aligns[i], merge: c.merge });
        }),
      );
    });
  });
  out.chunks.push('</w:tbl>');
  return out.chunks;
}

/**
 * Where the appendix table goes: a paragraph holding only this text, which exportDocx replaces by the
 * table's XML after the docx library has written the rest. Random per process, so no plan text matches it.
 */
export const TABLE_MARKER = `SKH-APPENDIX-TABLE-${randomUUID()}`;

/** The appendix: the docx library's paragraphs around a marker, and the table's XML that replaces it. */
export interface AppendixPart {
  children: FileChild[];
  /** The table's XML pieces, or null when there is no table (then there is no marker either). */
  table: string[] | null;
}

/** `PHỤ LỤC`, its title, the "(Ban hành kèm theo …)" line, a short line, then the table (as a marker: see AppendixPart). */
export function appendixChildren(pkg: PlanPackage, citation: string | null): AppendixPart {
  const label = appendixLabel(pkg);
  const out: FileChild[] = [
    centred(label, { size: APPENDIX_TITLE_SIZE, bold: true }),
    centred(pkg.appendix.title, { size: APPENDIX_TITLE_SIZE, bold: true }),
  ];
  if (citation) out.push(centred(citation, { size: APPENDIX_TITLE_SIZE, italic: true }));
  const widest = Math.max(0, ...lines(pkg.appendix.title).map((l) => textWidth(l, APPENDIX_TITLE_SIZE, 'bold')));
  out.push(partialRule(widest, LANDSCAPE_TEXT_WIDTH, 240));
  const table = appendixTableXml(pkg);
  if (table) out.push(new Paragraph({ children: [new TextRun(TABLE_MARKER)] }));
  // Word needs a paragraph after a table that ends a section.
  out.push(blank(2));
  return { children: out, table };
}
