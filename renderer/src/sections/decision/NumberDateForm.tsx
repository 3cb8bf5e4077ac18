import { useTranslation } from 'react-i18next';
import { documentNumber } from '../../../../electron/core/model/dates';
import type { Issuance } from '../../../../electron/core/model/types';
import type { PlanSession } from '../../state/plan-session';
import { DateRow } from './DateRow';
import { TextRow } from './TextRow';

/** Number, symbol and date of issue, with the `Số: …` line as it will be printed. `base`: decision or plan.issuance. */
export function NumberDateForm({ base, issuance, place, year, session }: {
  base: 'decision' | 'plan.issuance';
  issuance: Issuance;
  place: string;
  year: number;
  session: PlanSession;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="number-symbol">
        <TextRow
          path={`${base}.number`}
          label={t('decisionForm.issuance.number')}
          value={issuance.number}
          session={session}
          inputMode="numeric"
          hint={t('decisionForm.issuance.numberHint')}
          validate={(text) => (/^\d{0,10}$/.test(text.trim()) ? null : t('decisionForm.issuance.numberInvalid'))}
          className="short"
        />
        <TextRow
          path={`${base}.symbol`}
          label={t('decisionForm.issuance.symbol')}
          value={issuance.symbol}
          session={session}
          hint={t('decisionForm.issuance.symbolHint')}
          validate={(text) => (/^[^\s/]{0,50}$/.test(text.trim()) ? null : t('decisionForm.issuance.symbolInvalid'))}
          className="short"
        />
        <p className="printed form-row-aside">
          <span className="printed-label">{t('decisionForm.issuance.printedAs')}:</span>{' '}
          {/* The blanks of an unsigned draft are spaces: keep them visible. */}
          <span className="doc pre-wrap" data-testid="doc-number">
            {documentNumber(issuance.number, issuance.symbol)}
          </span>
        </p>
      </div>
      <DateRow path={`${base}.date`} value={issuance.date} place={place} year={year} session={session} />
    </>
  );
}
