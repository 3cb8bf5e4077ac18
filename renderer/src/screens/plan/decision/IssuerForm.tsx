import { useTranslation } from 'react-i18next';
import type { Issuer } from '../../../../../electron/core/model/types';
import type { PlanSession } from '../../../state/plan-session';
import { TextRow } from './TextRow';

/** The issuing body: the left column of the header, and how the Plan cites it. */
export function IssuerForm({ issuer, session }: { issuer: Issuer; session: PlanSession }) {
  const { t } = useTranslation();
  return (
    <>
      <TextRow path="issuer.parentBody" label={t('field.issuer.parentBody')} value={issuer.parentBody} session={session} multiline hint={t('decisionForm.issuer.parentBodyHint')} />
      <TextRow path="issuer.name" label={t('field.issuer.name')} value={issuer.name} session={session} multiline hint={t('decisionForm.issuer.nameHint')} className="doc-strong" testId="issuer-name" />
      <TextRow path="issuer.place" label={t('field.issuer.place')} value={issuer.place} session={session} />
      <TextRow path="issuer.citedAs" label={t('field.issuer.citedAs')} value={issuer.citedAs} session={session} />
    </>
  );
}
