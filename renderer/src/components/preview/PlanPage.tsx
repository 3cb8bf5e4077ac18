import { memo, type ReactNode } from 'react';
import { bodyLabels } from '../../../../electron/core/model/numbering';
import type { BodyNode, BodyNumbering, PlanPackage } from '../../../../electron/core/model/types';
import { citationLines, wrapCitation } from './citation';
import { issuanceHeader } from '../../../../electron/core/model/pages';
import { DOCUMENT_TITLE } from '../../../../electron/core/model/nd30-text';
import { Closing, DocHeader, FootnoteCounter, Page, Runs, TitleBlock } from './DocParts';

/**
 * The body as the export prints it: every node one justified paragraph with a first-line indent, its
 * label (I., 1., a), -, +) first; parts and headings bold, runs keeping their own emphasis.
 */
function bodyParagraphs(nodes: readonly BodyNode[], numbering: BodyNumbering | null | undefined, notes: FootnoteCounter): ReactNode[] {
  const out: ReactNode[] = [];
  // The plan's numbering style (ND30 by default, or decimal 1.1. …): the labels the DOCX prints.
  const labels = bodyLabels(nodes, numbering);
  const walk = (list: readonly BodyNode[], parentPath: string | null) => {
    list.forEach((node, i) => {
      const path = parentPath === null ? `plan.body[${i}]` : `${parentPath}.children[${i}]`;
      const bold = node.kind === 'part' || node.heading;
      const label = labels.get(node);
      out.push(
        <p key={path} className={`pv-para pv-node pv-${node.kind}`} data-preview-path={path}>
          {label && <span style={bold ? { fontWeight: 700 } : undefined}>{label} </span>}
          <Runs text={node.text} bold={bold || undefined} notes={notes} />
        </p>,
      );
      if (node.children.length) walk(node.children, path);
    });
  };
  walk(nodes, null);
  return out;
}

/** The Plan: with a Decision, no number or date and a "(Ban hành kèm theo …)" line; standalone, its own. */
export const PlanPage = memo(function PlanPage({ pkg, label }: { pkg: PlanPackage; label: string }) {
  const issuance = pkg.decision ? null : pkg.plan.issuance;
  const plain = citationLines(pkg).plan;
  const citation = plain && wrapCitation(plain);
  return (
    <Page id="plan" label={label}>
      {issuance ? (
        <DocHeader
          issuer={pkg.issuer}
          base="plan.issuance"
          {...issuanceHeader(pkg, issuance, 'plan')}
        />
      ) : (
        <DocHeader issuer={pkg.issuer} />
      )}
      <TitleBlock kind={DOCUMENT_TITLE.plan} summary={pkg.plan.summary} summaryPath="plan.summary" extra={issuance ? null : citation} extraPath="decision.number" />
      {bodyParagraphs(pkg.plan.body, pkg.plan.numbering, new FootnoteCounter())}
      {issuance && <Closing issuance={issuance} base="plan.issuance" />}
    </Page>
  );
});
