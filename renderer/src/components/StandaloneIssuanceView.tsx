import { useTranslation } from 'react-i18next';
import type { Issuance, Issuer } from '../../../electron/core/model/types';
import { ClosingFields, NumberDateFields } from './IssuanceFields';
import { IssuerFields } from './IssuerFields';

/** A standalone Plan (KH-UBND) has no Decision: its own number, date, recipients and signer. */
export function StandaloneIssuanceView({ issuance, issuer, year }: { issuance: Issuance; issuer: Issuer; year: number }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="muted panel-note">{t('plan.standaloneNote')}</p>
      <dl className="fields" data-testid="issuance-view">
        <IssuerFields issuer={issuer} />
        <NumberDateFields issuance={issuance} issuer={issuer} year={year} />
        <ClosingFields issuance={issuance} />
      </dl>
    </>
  );
}
