import { useTranslation } from 'react-i18next';
import type { Decision, Issuer } from '../../../electron/core/model/types';
import { Empty, Field, Lines } from './Field';
import { ClosingFields, NumberDateFields } from './IssuanceFields';
import { IssuerFields } from './IssuerFields';
import { RichTextView } from './RichTextView';

/** Every field of the Decision (Quyết định), in the order it is printed. Read-only for now. */
export function DecisionView({ decision, issuer, year }: { decision: Decision; issuer: Issuer; year: number }) {
  const { t } = useTranslation();
  const none = t('field.none');
  return (
    <dl className="fields" data-testid="decision-view">
      <IssuerFields issuer={issuer} />
      <NumberDateFields issuance={decision} issuer={issuer} year={year} />
      <Field label={t('field.summary')} testId="decision-summary" className="doc-strong">
        <Lines text={decision.summary} />
      </Field>
      <Field label={t('field.authority')} className="doc-strong">
        {decision.authority || <Empty label={none} />}
      </Field>
      <Field label={t('field.legalBases')} testId="legal-bases">
        {decision.legalBases.length === 0 ? (
          <Empty label={none} />
        ) : (
          <ol className="plain-list doc-italic">
            {decision.legalBases.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ol>
        )}
      </Field>
      <Field label={t('field.proposal')} className="doc-italic">
        {decision.proposal || <Empty label={none} />}
      </Field>
      <Field label={t('field.articles')} testId="articles">
        {decision.articles.length === 0 ? (
          <Empty label={none} />
        ) : (
          <ol className="plain-list articles">
            {decision.articles.map((article, i) => (
              <li key={i}>
                <strong className="article-label">Điều {i + 1}.</strong> <RichTextView text={article} />
              </li>
            ))}
          </ol>
        )}
      </Field>
      <ClosingFields issuance={decision} />
    </dl>
  );
}
