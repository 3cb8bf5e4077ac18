import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import { clean } from './clean';
import { halfPoints } from './units';
import { tableSizeFor } from '../../model/table-widths';

/**
 * Times New Roman in every script slot. The `docx` library fills ascii, hAnsi, cs and eastAsia when
 * `font` is a string (an object fills only the slots named), so a Vietnamese letter that Word files
 * under another slot never falls back to a different typeface.
 */
export const FONT = 'Times New Roman';

export interface RunStyle {
  /** Points. */
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/**
 * Runs for one piece of text. The font and size are written on every run, not only in the styles,
 * because a run pasted into another document keeps its own properties and leaves the styles behind.
 * "\n" inside the text becomes a line break in the same paragraph.
 */
export function runs(text: string, style: RunStyle): TextRun[] {
  return clean(text)
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          font: FONT,
          size: halfPoints(style.size),
          bold: style.bold ? true : undefined,
          italics: style.italic ? true : undefined,
        }),
    );
}

/** A centred paragraph of one style, as the header, title and signature parts are. */
export function centred(text: string, style: RunStyle, options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    ...options,
    // The paragraph mark takes the size too, so an empty line is as tall as its neighbours.
    run: { font: FONT, size: halfPoints(style.size) },
    children: runs(text, style),
  });
}

/** An empty paragraph of the given size: vertical room (signature space, gaps before a title). */
export function blank(sizePt: number, options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    ...options,
    run: { font: FONT, size: halfPoints(sizePt) },
    children: [],
  });
}

/** Style id of the appendix table's cell paragraphs. */
export const CELL_STYLE = 'SkhTableCell';
/** Appendix table text: 13 pt, inside the 12–13 pt offices use for appendix tables. */
export const TABLE_SIZE = 13;

/**
 * Wide tables get a smaller size. Nghị định 30 sets no size for text inside a table (its 13–14 pt is for
 * the body's paragraphs); the offices' wide appendix frameworks (Mục tiêu → Nhiệm vụ → Hoạt động …, 8–12
 * columns) are set 11–12 pt. Our rule: up to 7 visible columns 13 pt, 8–10 columns 12 pt, 11 or more 11 pt.
 */
export function tableSize(columnCount: number): 13 | 12 | 11 {
  // The model's rule: the preview lays out its wide tables at the same size.
  return tableSizeFor(columnCount);
}

/** The cell paragraph style of a table size (one style per size: sizes are never written per run). */
export function cellStyle(size: number): string {
  return size === TABLE_SIZE ? CELL_STYLE : `${CELL_STYLE}${size}`;
}

/**
 * Defaults of the whole document: the same font and a 14 pt body, Vietnamese for the spell checker.
 * The appendix cells use a paragraph style instead of per-run properties: a 2,000-row table has
 * 12,000 cells, and the `docx` library's cost grows with every element written.
 */
export const DOCUMENT_STYLES = {
  default: {
    document: {
      run: { font: FONT, size: halfPoints(14), language: { value: 'vi-VN' } },
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
  },
  paragraphStyles: [
    ...([13, 12, 11] as const).map((size) => ({
      id: cellStyle(size),
      name: size === TABLE_SIZE ? 'Skh Table Cell' : `Skh Table Cell ${size}`,
      quickFormat: false,
      run: { font: FONT, size: halfPoints(size) },
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    })),
  ],
};
