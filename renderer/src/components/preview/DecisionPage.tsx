import { memo } from 'react';
import { documentNumber } from '../../../../electron/core/model/dates';
import { placeDateLine as modelPlaceDateLine } from '../../../../electron/core/model/pages';
import type { Decision, Issuer } from '../../../../electron/core/model/types';
import { Closing, DocHeader, FootnoteCounter, Page, Runs, TitleBlock } from './DocParts';

/** The place-date line as the DOCX prints it (model/pages.ts), blanks and "unknown" included. */
export function placeDateLine(issuer: Issuer, iso: string | null, year: number, unknown = false): string {
  return modelPlaceDateLine(issuer.place, iso, year, unknown);
}

/** The Decision, header to signature, as it prints. */
export const DecisionPage = memo(function DecisionPage({ decision, issuer, year, label }: { decision: Decision; issuer: Issuer; year: number; label: string }) {
  const notes = new FootnoteCounter();
  return (
    <Page id="decision" label={label}>
      <DocHeader
        issuer={issuer}
        base="decision"
        numberLine={documentNumber(decision.number, decision.symbol || 'QĐ-UBND', decision.numberUnknown)}
        placeDate={placeDateLine(issuer, decision.date, year, decision.dateUnknown)}
      />
      <TitleBlock kind="QUYẾT ĐỊNH" summary={decision.summary} summaryPath="decision.summary" />
      <p className="pv-authority" data-preview-path="decision.authority">
        {decision.authority}
      </p>
      {decision.legalBases.map((line, i) => (
        <p key={i} className="pv-para pv-italic" data-preview-path={`decision.legalBases[${i}]`}>
          {line}
        </p>
      ))}
      {decision.proposal && (
        <p className="pv-para pv-italic" data-preview-path="decision.proposal">
          {decision.proposal}
        </p>
      )}
      <p className="pv-decides">QUYẾT ĐỊNH:</p>
      {decision.articles.map((article, i) => (
        <p key={i} className="pv-para" data-preview-path={`decision.articles[${i}]`}>
          <strong>Điều {i + 1}. </strong>
          <Runs text={article} notes={notes} />
        </p>
      ))}
      <Closing issuance={decision} base="decision" />
    </Page>
  );
});
