import { useTranslation } from 'react-i18next';
import { documentNumber, nd30DateWords } from '../../../electron/core/model/dates';
import type { Issuance, Issuer } from '../../../electron/core/model/types';
import { Empty, Field } from './Field';

/** Number and date: what a Decision and a standalone Plan share at the top. */
export function NumberDateFields({ issuance, issuer, year }: { issuance: Issuance; issuer: Issuer; year: number }) {
  const { t } = useTranslation();
  const dateWords = nd30DateWords(issuance.date, year);
  return (
    <>
      <Field label={t('field.number')} testId="doc-number">
        {/* The blanks of an unsigned draft are spaces: keep them visible. */}
        <span className="pre-wrap">{documentNumber(issuance.number, issuance.symbol)}</span>
        {!issuance.number.trim() && <span className="hint"> {t('field.numberBlank')}</span>}
      </Field>
      <Field label={t('field.date')} testId="doc-date">
        <em className="pre-wrap">{issuer.place ? `${issuer.place}, ${dateWords}` : dateWords}</em>
        {!issuance.date && <span className="hint"> {t('field.dateBlank')}</span>}
      </Field>
    </>
  );
}

/** Recipients (Nơi nhận) and the signature block: what a Decision and a standalone Plan share at the end. */
export function ClosingFields({ issuance }: { issuance: Issuance }) {
  const { t } = useTranslation();
  const none = t('field.none');
  const { signer } = issuance;
  return (
    <>
      <Field label={t('field.recipients')} testId="recipients">
        {issuance.recipients.length === 0 ? (
          <Empty label={none} />
        ) : (
          <ul className="recipients">
            {issuance.recipients.map((r, i) => (
              <li key={i}>- {r}</li>
            ))}
          </ul>
        )}
      </Field>
      <Field label={t('field.signer.label')} testId="signer">
        <dl className="signer-grid">
          <dt>{t('field.signer.prefix')}</dt>
          <dd>{signer.prefix || <Empty label={t('field.signer.noPrefix')} />}</dd>
          <dt>{t('field.signer.title')}</dt>
          <dd>{signer.title || <Empty label={none} />}</dd>
          <dt>{t('field.signer.deputyTitle')}</dt>
          <dd>{signer.deputyTitle || <Empty label={none} />}</dd>
          <dt>{t('field.signer.name')}</dt>
          <dd data-testid="signer-name" className="signer-name">
            {signer.name || <Empty label={none} />}
          </dd>
        </dl>
      </Field>
    </>
  );
}
