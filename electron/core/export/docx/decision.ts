import type { FileChild } from 'docx';
import type { CodedMessage } from '../../model/messages';
import { articleLabel, DECIDES, DOCUMENT_TITLE, issuanceHeader, recipientLinesPrinted, type Decision, type PlanPackage } from '../../model';
import { bodyParagraph, BODY_SIZE, richRuns } from './body';
import { clean, lines } from './clean';
import { closingTable } from './closing';
import { blank, centred, runs } from './fonts';
import { headerTable } from './header';
import { textWidth } from './metrics';
import { fixLegalBases } from './punctuation';
import { partialRule } from './rule';
import { PORTRAIT_TEXT_WIDTH } from './units';

export const TITLE_SIZE = 14;

/**
 * The type name, the summary and the short line under it (1/3–1/2 of the summary's longest line).
 * `extra` (the "(Ban hành kèm theo …)" line of a Plan) goes between the summary and the line.
 */
export function titleBlock(typeName: string, summary: string, extra?: string): FileChild[] {
  const out: FileChild[] = [
    blank(TITLE_SIZE),
    centred(typeName, { size: TITLE_SIZE, bold: true }),
    centred(summary, { size: TITLE_SIZE, bold: true }),
  ];
  if (extra) out.push(centred(extra, { size: TITLE_SIZE, italic: true }));
  const widest = Math.max(
    0,
    ...lines(summary).map((l) => textWidth(l, TITLE_SIZE, 'bold')),
  );
  out.push(partialRule(widest, PORTRAIT_TEXT_WIDTH, 240));
  return out;
}

/** The Decision, header to signature. Punctuation fixes of its legal bases and recipients go to `fixes`. */
export function decisionChildren(pkg: PlanPackage, decision: Decision, fixes: CodedMessage[]): FileChild[] {
  const out: FileChild[] = [
    // The fixed words and the number/place-date lines are the model's (model/nd30-text.ts, pages.ts), as in the preview.
    headerTable({ issuer: pkg.issuer, ...issuanceHeader(pkg, decision, 'decision', clean) }),
    ...titleBlock(DOCUMENT_TITLE.decision, decision.summary),
    centred(decision.authority, { size: TITLE_SIZE, bold: true }, { spacing: { before: 0, after: 240 } }),
  ];

  const legal = fixLegalBases(
    (decision.legalBases ?? []).map((l) => clean(l)),
    clean(decision.proposal ?? ''),
  );
  fixes.push(...legal.fixes);
  for (const basis of [...legal.bases, ...(legal.proposal ? [legal.proposal] : [])]) {
    out.push(bodyParagraph(runs(basis, { size: BODY_SIZE, italic: true })));
  }

  out.push(centred(DECIDES, { size: TITLE_SIZE, bold: true }, { spacing: { before: 120, after: 240 } }));

  const articles = decision.articles ?? [];
  articles.forEach((article, i) => {
    // The label is the program's (numbering is derived, never stored); the text follows on its line.
    // The last article keeps with the closing block: the signature never stands alone on a page.
    const last = i === articles.length - 1;
    out.push(bodyParagraph([...runs(`${articleLabel(i)} `, { size: BODY_SIZE, bold: true }), ...richRuns(article, { size: BODY_SIZE })], last ? { keepNext: true } : {}));
  });

  const recipients = recipientLinesPrinted(decision.recipients ?? [], undefined, clean);
  fixes.push(...recipients.fixes);
  out.push(blank(BODY_SIZE, { spacing: { before: 0, after: 0 }, keepNext: true }));
  out.push(closingTable(recipients.lines, decision.signer));
  return out;
}
