import type { FileChild } from 'docx';
import { documentNumber, siblingLabels, type BodyNode, type PlanPackage } from '../model';
import { bodyParagraph, BODY_SIZE, richRuns } from './body';
import { clean } from './clean';
import { closingTable } from './closing';
import { placeDateLine, titleBlock } from './decision';
import { blank, runs } from './fonts';
import { headerTable } from './header';
import { textWidth } from './metrics';
import { fixRecipients } from './punctuation';
import { PORTRAIT_TEXT_WIDTH } from './units';

/**
 * A citation too long for one line breaks before `ngày`, as offices set it, rather than wherever the
 * line happens to end (which can strand `tỉnh)` alone on the second line).
 */
export function wrapCitation(citation: string, width: number, sizePt = 14): string {
  if (textWidth(citation, sizePt, 'italic') <= width) return citation;
  return citation.replace(/ (ngày )/u, '\n$1');
}

/**
 * The body tree, depth first. Labels come from siblingLabels (each kind counts on its own); a part
 * (`I.`) and a heading item (`1.`) are bold; runs keep their own emphasis. Parts are printed as
 * written: the data holds them in capitals, and a part may end with a lower-case note
 * (`… (có phụ lục kèm theo)`) that upper-casing would spoil.
 */
export function bodyChildren(nodes: readonly BodyNode[]): FileChild[] {
  const out: FileChild[] = [];
  const walk = (list: readonly BodyNode[]) => {
    const labels = siblingLabels(list);
    list.forEach((node, i) => {
      const bold = node.kind === 'part' || node.heading;
      const label = labels[i] ? `${labels[i]} ` : '';
      const children = [...(label ? runs(label, { size: BODY_SIZE, bold }) : []), ...richRuns(node.text, { size: BODY_SIZE, bold })];
      // A heading never stays alone at the foot of a page.
      out.push(bodyParagraph(children, bold ? { keepNext: true } : {}));
      if (node.children?.length) walk(node.children);
    });
  };
  walk(nodes ?? []);
  return out;
}

/**
 * The Plan: with a Decision, its header has no number or date and the "(Ban hành kèm theo …)" line
 * cites the Decision; a standalone Plan carries its own number, date, recipients and signature.
 */
export function planChildren(pkg: PlanPackage, citation: string | null, fixes: string[]): FileChild[] {
  const issuance = pkg.decision ? null : pkg.plan.issuance;
  const out: FileChild[] = [
    issuance
      ? headerTable({
          issuer: pkg.issuer,
          numberLine: documentNumber(clean(issuance.number), clean(issuance.symbol) || 'KH-UBND'),
          placeDate: placeDateLine(pkg.issuer.place, issuance.date, pkg.year),
        })
      : headerTable({ issuer: pkg.issuer }),
    ...titleBlock('KẾ HOẠCH', pkg.plan.summary, issuance || !citation ? undefined : wrapCitation(citation, PORTRAIT_TEXT_WIDTH)),
    ...bodyChildren(pkg.plan.body),
  ];
  if (issuance) {
    const recipients = fixRecipients((issuance.recipients ?? []).map((r) => clean(r)), 'Kế hoạch, Nơi nhận');
    fixes.push(...recipients.fixes);
    out.push(blank(BODY_SIZE));
    out.push(closingTable(recipients.items, issuance.signer));
  }
  return out;
}
