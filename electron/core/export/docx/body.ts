import { AlignmentType, FootnoteReferenceRun, LineRuleType, Paragraph, type IParagraphOptions, type ParagraphChild } from 'docx';
import type { RichText } from '../../model';
import { runs, FONT, type RunStyle } from './fonts';
import { BODY_LINE, FIRST_LINE_INDENT, PARAGRAPH_AFTER, halfPoints } from './units';

export const BODY_SIZE = 14;

/** A body paragraph: justified, first-line indent, 6 pt after, line spacing inside single–1.5. */
export function bodyParagraph(children: ParagraphChild[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: 0, after: PARAGRAPH_AFTER, line: BODY_LINE, lineRule: LineRuleType.AUTO },
    ...options,
    run: { font: FONT, size: halfPoints(BODY_SIZE) },
    children,
  });
}

/** Footnote text: 12 pt, single spacing (smaller than the 14 pt body, as Word's footnotes are). */
export const FOOTNOTE_SIZE = 12;

/**
 * Runs of rich text on top of the paragraph's style: a run's own `bold`/`italic` wins, `undefined`
 * inherits (a heading is bold unless a run says `bold: false`). A run with a `footnote` (v2) is followed by
 * a Word footnote reference; the footnote's text travels with it into the document's footnotes.
 */
export function richRuns(text: RichText, base: RunStyle): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const r of text ?? []) {
    if (!r || typeof r.text !== 'string') continue;
    if (r.text !== '') out.push(...runs(r.text, { size: base.size, bold: r.bold ?? base.bold, italic: r.italic ?? base.italic }));
    const note = typeof r.footnote === 'string' ? r.footnote.trim() : '';
    if (note) {
      out.push(
        new FootnoteReferenceRun({
          children: [
            new Paragraph({
              alignment: AlignmentType.JUSTIFIED,
              run: { font: FONT, size: halfPoints(FOOTNOTE_SIZE) },
              children: runs(note, { size: FOOTNOTE_SIZE }),
            }),
          ],
        }),
      );
    }
  }
  return out;
}
