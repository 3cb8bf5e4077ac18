import { memo } from 'react';
import { issuanceHeader } from '../../../../electron/core/model/pages';
import { articleLabel, DECIDES, DOCUMENT_TITLE } from '../../../../electron/core/model/nd30-text';
import type { Decision, Issuer } from '../../../../electron/core/model/types';
import { Closing, DocHeader, FootnoteCounter, Page, Runs, TitleBlock } from './DocParts';

/** The Decision, header to signature, as it prints. */
export const DecisionPage = memo(function DecisionPage({ decision, issuer, year, label }: { decision: Decision; issuer: Issuer; year: number; label: string }) {
  const notes = new FootnoteCounter();
  return (
    <Page id="decision" label={label}>
      <DocHeader
        issuer={issuer}
        base="decision"
        {...issuanceHeader({ issuer, year }, decision, 'decision')}
      />
      <TitleBlock kind={DOCUMENT_TITLE.decision} summary={decision.summary} summaryPath="decision.summary" />
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
      <p className="pv-decides">{DECIDES}</p>
      {decision.articles.map((article, i) => (
        <p key={i} className="pv-para" data-preview-path={`decision.articles[${i}]`}>
          <strong>{articleLabel(i)} </strong>
          <Runs text={article} notes={notes} />
        </p>
      ))}
      <Closing issuance={decision} base="decision" />
    </Page>
  );
});
