import { LineRuleType, Paragraph, TableRow } from 'docx';
import { RECIPIENTS_LABEL, signerBlock, type RecipientLine, type Signer } from '../../model';
import { clean } from './clean';
import { blank, centred, runs, FONT } from './fonts';
import { layoutCell, layoutTable } from './header';
import { halfPoints, PORTRAIT_TEXT_WIDTH, mm } from './units';

export const CLOSING_SIZES = { recipientsLabel: 12, recipient: 11, signer: 14 } as const;
/** Empty 14 pt lines left for the signature and the seal (≈ 3 cm). */
export const SIGNATURE_LINES = 5;

const LEFT = mm(75);
const RIGHT = PORTRAIT_TEXT_WIDTH - LEFT;

/** The signer's block, top to bottom: `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`, room, name. */
export function signerLines(signer: Signer): string[] {
  const { title, deputy } = signerBlock(signer, clean);
  return title ? [title, ...deputy] : deputy;
}

/**
 * Recipients left and the signature block right, in a borderless table: the decree puts `Nơi nhận:`
 * level with the first line of the signature block. `recipients` are printed lines (model/pages.ts:
 * marks and punctuation fixed per level: "- VP UBND tỉnh:", "+ Cổng TTĐT tỉnh;").
 *
 * The block never splits and never stands alone on a page: its one row cannot split (`cantSplit`), its
 * paragraphs keep with the next, and the document's last paragraph before it keeps with it (see
 * `keepWithClosing`), so Word and LibreOffice move the end of the last article along with it.
 */
export function closingTable(recipients: readonly RecipientLine[], signer: Signer): ReturnType<typeof layoutTable> {
  const left: Paragraph[] = [
    new Paragraph({
      keepNext: true,
      keepLines: true,
      spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
      run: { font: FONT, size: halfPoints(CLOSING_SIZES.recipientsLabel) },
      children: runs(RECIPIENTS_LABEL, { size: CLOSING_SIZES.recipientsLabel, bold: true, italic: true }),
    }),
    ...recipients.map(
      (item, i) =>
        new Paragraph({
          keepNext: i < recipients.length - 1,
          keepLines: true,
          spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO },
          // A wrapped recipient continues under its text, not under the mark.
          indent: { left: 170, hanging: 170 },
          run: { font: FONT, size: halfPoints(CLOSING_SIZES.recipient) },
          children: runs(`${item.mark} ${item.text.replace(/\n/g, ' ')}`, { size: CLOSING_SIZES.recipient }),
        }),
    ),
  ];
  const keep = { keepNext: true, keepLines: true };
  const right: Paragraph[] = signerLines(signer).map((l) => centred(l, { size: CLOSING_SIZES.signer, bold: true }, keep));
  for (let i = 0; i < SIGNATURE_LINES; i++) right.push(blank(CLOSING_SIZES.signer, keep));
  right.push(centred(signerBlock(signer, clean).name, { size: CLOSING_SIZES.signer, bold: true }));
  return layoutTable([new TableRow({ cantSplit: true, children: [layoutCell(left, LEFT), layoutCell(right, RIGHT)] })], [LEFT, RIGHT]);
}
