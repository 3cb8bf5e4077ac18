import { useTranslation } from 'react-i18next';
import type { Issuance } from '../../../../../electron/core/model/types';
import type { PlanSession } from '../../../state/plan-session';
import { FormSection } from './FormSection';
import { ListRow } from './ListRow';
import { SignerForm } from './SignerForm';
import { RecipientList } from './RecipientList';

/** Recipients (Nơi nhận, printed "- …", sub-items "+ …") and the signature block: shared by a Decision and a standalone Plan. */
export function ClosingForm({ base, issuance, session }: { base: 'decision' | 'plan.issuance'; issuance: Issuance; session: PlanSession }) {
  const { t } = useTranslation();
  return (
    <FormSection title={t('decisionForm.closing.heading')}>
      <ListRow label={t('field.recipients')}>
        <div className="form-row-control">
          <RecipientList list={`${base}.recipients`} items={issuance.recipients} session={session} />
          <p className="hint">{t('decisionForm.recipients.hint')}</p>
        </div>
      </ListRow>
      <SignerForm base={base} signer={issuance.signer} session={session} />
    </FormSection>
  );
}
