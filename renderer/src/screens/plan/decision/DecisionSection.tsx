import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../types';
import { ArticleField } from './ArticleField';
import { ClosingForm } from './ClosingForm';
import { EditableList } from './EditableList';
import { FormSection } from './FormSection';
import { ListRow } from './ListRow';
import { IssuerForm } from './IssuerForm';
import { NumberDateForm } from './NumberDateForm';
import { PlanInfoFields } from './PlanInfoFields';
import { TextList } from './TextList';
import { TextRow } from './TextRow';
import './decision.css';

/**
 * The Decision as a form, in the order it is printed: the plan's own name and year, the issuing body, number
 * and date, the content (summary, authority, legal bases, proposal, articles), recipients and signer. A
 * standalone Plan (no Decision) gets the same header and closing on `plan.issuance`.
 */
export function DecisionSection({ opened, session }: SectionProps) {
  const { t } = useTranslation();
  const { pkg } = opened;
  const decision = pkg.decision;
  const issuance = decision ?? pkg.plan.issuance;
  const base = decision ? 'decision' : 'plan.issuance';

  return (
    <div className="decision-form" data-testid={decision ? 'decision-view' : 'issuance-view'} aria-label={decision ? t('decisionForm.label') : t('decisionForm.standaloneLabel')} role="form">
      {!decision && <p className="muted panel-note">{t('plan.standaloneNote')}</p>}
      <FormSection title={t('decisionForm.planInfo.heading')}>
        <PlanInfoFields title={pkg.title} year={pkg.year} period={pkg.period} session={session} />
      </FormSection>
      <FormSection title={t('decisionForm.issuer.heading')}>
        <IssuerForm issuer={pkg.issuer} session={session} />
      </FormSection>
      {issuance ? (
        <FormSection title={t('decisionForm.issuance.heading')}>
          <NumberDateForm base={base} issuance={issuance} place={pkg.issuer.place} year={pkg.year} session={session} />
        </FormSection>
      ) : (
        <p className="empty">{t('plan.noIssuance')}</p>
      )}
      {decision && (
        <FormSection title={t('decisionForm.content.heading')}>
          <TextRow path="decision.summary" label={t('field.summary')} value={decision.summary} session={session} multiline className="doc-strong" testId="decision-summary" />
          <TextRow path="decision.authority" label={t('field.authority')} value={decision.authority} session={session} className="doc-strong" />
          <ListRow label={t('field.legalBases')}>
            <TextList
              list="decision.legalBases"
              items={decision.legalBases}
              session={session}
              itemName={(n) => t('decisionForm.list.legalBasisItem', { n })}
              addLabel={t('decisionForm.list.addLegalBasis')}
              multiline
              className="doc-italic"
              testId="legal-bases"
            />
          </ListRow>
          <TextRow path="decision.proposal" label={t('field.proposal')} value={decision.proposal} session={session} multiline className="doc-italic" />
          <ListRow label={t('field.articles')}>
            <EditableList
              list="decision.articles"
              items={decision.articles}
              session={session}
              itemName={(n) => t('decisionForm.list.articleItem', { n })}
              // The label is the program's, as printed (documents are Vietnamese whatever the UI language).
              marker={(i) => <strong>Điều {i + 1}.</strong>}
              addLabel={t('decisionForm.list.addArticle')}
              newItem={[{ text: '' }]}
              testId="articles"
              renderItem={(article, index, field) => <ArticleField article={article} index={index} field={field} session={session} />}
            />
          </ListRow>
        </FormSection>
      )}
      {issuance && <ClosingForm base={base} issuance={issuance} session={session} />}
    </div>
  );
}
