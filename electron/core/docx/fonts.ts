import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import { clean } from './clean';
import { halfPoints } from './units';

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
    {
      id: CELL_STYLE,
      name: 'Skh Table Cell',
      quickFormat: false,
      run: { font: FONT, size: halfPoints(TABLE_SIZE) },
      paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
    },
  ],
};
