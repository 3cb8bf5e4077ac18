import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNER_PREFIXES, type Signer } from '../../../../../electron/core/model/types';
import type { PlanSession } from '../../../state/plan-session';
import { commitField } from './commit';
import { byPath, focusWhenShown } from './focus-when-shown';
import { FormRow } from './FormRow';
import { TextRow } from './TextRow';

/** i18n key of a prefix's option: `KT.` → `KT`, '' → `none`. */
const optionKey = (prefix: string) => (prefix ? prefix.replace('.', '') : 'none');

/**
 * The signature block: authority prefix (none, KT., TM., TL., TUQ., Q.), title, the signer's own title and name.
 * KT. means a deputy signs for the head, so it needs the deputy's title: the field is then shown, asked for and
 * focused; without a prefix it is hidden unless it still holds something to clear.
 */
export function SignerForm({ base, signer, session }: { base: 'decision' | 'plan.issuance'; signer: Signer; session: PlanSession }) {
  const { t } = useTranslation();
  const id = useId();
  const path = `${base}.signer`;
  const needsDeputy = signer.prefix === 'KT.' && !signer.deputyTitle.trim();
  const showDeputy = signer.prefix !== '' || signer.deputyTitle !== '';
  const firstLine = [signer.prefix, signer.title].filter(Boolean).join(' ');
  return (
    <>
      <FormRow id={id} label={t('field.signer.prefix')}>
        <select
          id={id}
          className="prefix-select"
          value={signer.prefix}
          data-path={`${path}.prefix`}
          onChange={(e) => {
            const prefix = e.currentTarget.value;
            void commitField(session, `${path}.prefix`, prefix).then(() => {
              if (prefix === 'KT.' && !signer.deputyTitle.trim()) focusWhenShown(byPath(`${path}.deputyTitle`));
            });
          }}
        >
          {SIGNER_PREFIXES.map((p) => (
            <option key={p} value={p}>
              {t(`decisionForm.signer.${optionKey(p)}`)}
            </option>
          ))}
        </select>
      </FormRow>
      <TextRow path={`${path}.title`} label={t('field.signer.title')} value={signer.title} session={session} hint={t('decisionForm.signer.titleHint')} />
      {showDeputy && (
        <div className={needsDeputy ? 'needs-value' : undefined}>
          <TextRow
            path={`${path}.deputyTitle`}
            label={t('field.signer.deputyTitle')}
            value={signer.deputyTitle}
            session={session}
            hint={needsDeputy ? t('decisionForm.signer.deputyRequired') : t('decisionForm.signer.deputyHint')}
            testId="deputy-title"
          />
        </div>
      )}
      <TextRow path={`${path}.name`} label={t('field.signer.name')} value={signer.name} session={session} />
      <div className="form-row">
        <span className="form-row-label">{t('decisionForm.signer.printedAs')}</span>
        <div className="signer-print doc" data-testid="signer">
          <p>{firstLine || '\u00a0'}</p>
          {signer.deputyTitle && <p>{signer.deputyTitle}</p>}
          <p className="signer-gap" aria-hidden="true">
            …
          </p>
          <p data-testid="signer-name">{signer.name}</p>
        </div>
      </div>
    </>
  );
}
