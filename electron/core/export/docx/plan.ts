import type { FileChild } from 'docx';
import type { CodedMessage } from '../../model/messages';
import { bodyLabels, DOCUMENT_TITLE, issuanceHeader, recipientLinesPrinted, type BodyNode, type BodyNumbering, type PlanPackage } from '../../model';
import { bodyParagraph, BODY_SIZE, richRuns } from './body';
import { clean } from './clean';
import { closingTable } from './closing';
import { titleBlock } from './decision';
import { blank, runs } from './fonts';
import { headerTable } from './header';
import { textWidth } from './metrics';
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
export function bodyChildren(nodes: readonly BodyNode[], numbering?: BodyNumbering | null, keepLast = false): FileChild[] {
  const out: FileChild[] = [];
  const labels = bodyLabels(nodes ?? [], numbering);
  let count = 0;
  const total = countNodes(nodes ?? []);
  const walk = (list: readonly BodyNode[]) => {
    list.forEach((node) => {
      const bold = node.kind === 'part' || node.heading;
      const labelText = labels.get(node) ?? '';
      const label = labelText ? `${labelText} ` : '';
      const children = [...(label ? runs(label, { size: BODY_SIZE, bold }) : []), ...richRuns(node.text, { size: BODY_SIZE, bold })];
      // A heading never stays alone at the foot of a page; the last paragraph stays with a closing block.
      const last = ++count === total && keepLast;
      out.push(bodyParagraph(children, bold || last ? { keepNext: true } : {}));
      if (node.children?.length) walk(node.children);
    });
  };
  walk(nodes ?? []);
  return out;
}

function countNodes(nodes: readonly BodyNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children ?? []), 0);
}

/**
 * The Plan: with a Decision, its header has no number or date and the "(Ban hành kèm theo …)" line
 * cites the Decision; a standalone Plan carries its own number, date, recipients and signature.
 */
export function planChildren(pkg: PlanPackage, citation: string | null, fixes: CodedMessage[]): FileChild[] {
  const issuance = pkg.decision ? null : pkg.plan.issuance;
  const out: FileChild[] = [
    issuance
      ? headerTable({ issuer: pkg.issuer, ...issuanceHeader(pkg, issuance, 'plan', clean) })
      : headerTable({ issuer: pkg.issuer }),
    ...titleBlock(DOCUMENT_TITLE.plan, pkg.plan.summary, issuance || !citation ? undefined : wrapCitation(citation, PORTRAIT_TEXT_WIDTH)),
    ...bodyChildren(pkg.plan.body, pkg.plan.numbering, Boolean(issuance)),
  ];
  if (issuance) {
    const recipients = recipientLinesPrinted(issuance.recipients ?? [], 'Kế hoạch, Nơi nhận', clean);
    fixes.push(...recipients.fixes);
    out.push(blank(BODY_SIZE, { keepNext: true }));
    out.push(closingTable(recipients.lines, issuance.signer));
  }
  return out;
}
