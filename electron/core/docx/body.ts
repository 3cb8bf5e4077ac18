import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import type { RichText } from '../model';
import { runs, FONT, type RunStyle } from './fonts';
import { BODY_LINE, FIRST_LINE_INDENT, PARAGRAPH_AFTER, halfPoints } from './units';

export const BODY_SIZE = 14;

/** A body paragraph: justified, first-line indent, 6 pt after, line spacing inside single–1.5. */
export function bodyParagraph(children: TextRun[], options: Omit<IParagraphOptions, 'children'> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: FIRST_LINE_INDENT },
    spacing: { before: 0, after: PARAGRAPH_AFTER, line: BODY_LINE, lineRule: LineRuleType.AUTO },
    ...options,
    run: { font: FONT, size: halfPoints(BODY_SIZE) },
    children,
  });
}

/**
 * Runs of rich text on top of the paragraph's style: a run's own `bold`/`italic` wins, `undefined`
 * inherits (a heading is bold unless a run says `bold: false`).
 */
export function richRuns(text: RichText, base: RunStyle): TextRun[] {
  const out: TextRun[] = [];
  for (const r of text ?? []) {
    if (!r || typeof r.text !== 'string' || r.text === '') continue;
    out.push(...runs(r.text, { size: base.size, bold: r.bold ?? base.bold, italic: r.italic ?? base.italic }));
  }
  return out;
}
