import { BorderStyle, LineRuleType, Paragraph } from 'docx';
import { FONT } from './fonts';

/**
 * A short solid line centred under a text (issuing body, motto, summary), drawn as the bottom border
 * of an empty paragraph whose left and right indents leave exactly `lengthTwips` between them.
 * Unlike a floating shape, a paragraph border lives in the text flow: it moves with the lines above it
 * when the drafter edits them, and never ends up over the text. Its length does not change with edits.
 */
export function ruleLine(lengthTwips: number, availableTwips: number, after = 0): Paragraph {
  const length = Math.max(200, Math.min(lengthTwips, availableTwips));
  const side = Math.max(0, Math.floor((availableTwips - length) / 2));
  return new Paragraph({
    indent: { left: side, right: side, firstLine: 0 },
    // A 4 pt tall paragraph: the line sits just under the text it underlines.
    spacing: { before: 0, after, line: 80, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    run: { font: FONT, size: 2 },
    children: [],
  });
}

/** Nghị định 30 wants the lines under the issuing body and the summary 1/3–1/2 of the text: we take 2/5. */
export function partialRule(textTwips: number, availableTwips: number, after = 0): Paragraph {
  return ruleLine(Math.round(textTwips * 0.4), availableTwips, after);
}
