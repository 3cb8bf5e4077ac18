import { useTranslation } from 'react-i18next';
import type { Issuer } from '../../../electron/core/model/types';
import { Empty, Field, Lines } from './Field';

/** The issuing body (left column of the header). */
export function IssuerFields({ issuer }: { issuer: Issuer }) {
  const { t } = useTranslation();
  const none = t('field.none');
  return (
    <>
      <Field label={t('field.issuer.parentBody')}>{issuer.parentBody ? <Lines text={issuer.parentBody} /> : <Empty label={none} />}</Field>
      <Field label={t('field.issuer.name')} testId="issuer-name" className="doc-strong">
        <Lines text={issuer.name} />
      </Field>
      <Field label={t('field.issuer.place')}>{issuer.place || <Empty label={none} />}</Field>
      <Field label={t('field.issuer.citedAs')}>{issuer.citedAs || <Empty label={none} />}</Field>
    </>
  );
}
