import { memo } from 'react';
import { documentNumber, nd30DateWords } from '../../../../electron/core/model/dates';
import type { Decision, Issuer } from '../../../../electron/core/model/types';
import { Closing, DocHeader, Page, Runs, TitleBlock } from './DocParts';

export function placeDateLine(issuer: Issuer, iso: string | null, year: number): string {
  const words = nd30DateWords(iso, year);
  return issuer.place.trim() ? `${issuer.place.trim()}, ${words}` : `……, ${words}`;
}

/** The Decision, header to signature, as it prints. */
export const DecisionPage = memo(function DecisionPage({ decision, issuer, year, label }: { decision: Decision; issuer: Issuer; year: number; label: string }) {
  return (
    <Page id="decision" label={label}>
      <DocHeader
        issuer={issuer}
        base="decision"
        numberLine={documentNumber(decision.number, decision.symbol || 'QĐ-UBND')}
        placeDate={placeDateLine(issuer, decision.date, year)}
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
          <Runs text={article} />
        </p>
      ))}
      <Closing issuance={decision} base="decision" />
    </Page>
  );
});
