import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../types';
import { DecisionView } from '../../components/DecisionView';
import { StandaloneIssuanceView } from '../../components/StandaloneIssuanceView';

/** The Decision (or a standalone Plan's own number, date and signer). */
export function DecisionSection({ opened }: SectionProps) {
  const { t } = useTranslation();
  const { pkg } = opened;
  if (pkg.decision) return <DecisionView decision={pkg.decision} issuer={pkg.issuer} year={pkg.year} />;
  if (pkg.plan.issuance) return <StandaloneIssuanceView issuance={pkg.plan.issuance} issuer={pkg.issuer} year={pkg.year} />;
  return <p className="empty">{t('plan.noIssuance')}</p>;
}
